/**
 * Slack payloads are read through zod schemas at the edge: one missing a field kbbot needs is acknowledged,
 * logged in one line naming the field, and not answered; a well-formed one is answered as before.
 * The real Bolt app in HTTP mode on loopback, signed requests, the Web API stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionId } from '../../src/reply/ids.js';
import { CHANNEL, conversation } from './e2e-helpers.js';
import { TRACE, nextTs, startHarness, userMessage, type Harness } from './harness.js';

let h: Harness;
let c: ReturnType<typeof conversation>;
let sock: Harness;

beforeAll(async () => {
  [h, sock] = await Promise.all([startHarness('http'), startHarness('socket')]);
  c = conversation(h);
});
afterAll(() => Promise.all([h?.close(), sock?.close()]));

const without = (fields: Record<string, unknown>, ...names: string[]) => Object.fromEntries(Object.entries(fields).filter(([k]) => !names.includes(k)));

/** The malformed-payload log line for `payload`, once written. */
async function malformedLine(payload: string): Promise<Record<string, unknown>> {
  await expect.poll(() => h.logs.some((l) => l.event === 'malformed_payload' && l.payload === payload)).toBe(true);
  return h.logs.filter((l) => l.event === 'malformed_payload' && l.payload === payload).at(-1)!;
}

/** Every Web API call and response_url post the bot made since `before` (none, for an ignored payload). */
function callsSince(before: number) {
  return h.api.calls.slice(before).filter((call) => call.method !== 'auth.test');
}

describe('a malformed payload is acknowledged, logged by field, and not answered', () => {
  const ts = nextTs();
  it.each<[string, () => Promise<unknown>, string, string]>([
    ['a message event without channel', () => h.event(without(userMessage({ text: TRACE, ts }), 'channel')), 'message event', 'channel'],
    ['a message event whose ts is a number', () => h.event({ ...userMessage({ text: TRACE }), ts: 1600000000.5 }), 'message event', 'ts'],
    ['an app_mention without ts', () => h.event(without({ type: 'app_mention', channel: CHANNEL, user: 'UHUMAN', text: `<@UKBBOT> ${TRACE}` }, 'ts')), 'app_mention event', 'ts'],
    [
      'a link_shared without message_ts',
      () => h.event({ type: 'link_shared', channel: CHANNEL, user: 'UHUMAN', links: [{ domain: 'support.microsoft.com', url: 'https://support.microsoft.com/kb/272274' }] }),
      'link_shared event',
      'message_ts',
    ],
    ['a /kb command without channel_id', () => h.command(without(c.slashCommand('Q272274', `cmd-${nextTs()}`), 'channel_id') as Record<string, string>), '/kb command', 'channel_id'],
    ['a button click without its user', () => h.interactive(without(c.click(ActionId.Files, 'Q272274', { ts: nextTs() }), 'user')), 'block_actions payload', 'user'],
    [
      'a message shortcut on a message without ts',
      () =>
        h.interactive({
          type: 'message_action',
          callback_id: 'kb_find_for_message',
          trigger_id: 'trig-x',
          team: { id: 'T0001', domain: 'kbbot' },
          user: { id: 'UHUMAN', name: 'pat' },
          channel: { id: CHANNEL, name: 'support' },
          message: { type: 'message', user: 'UOTHER', text: TRACE },
          response_url: h.api.responseUrl(`shortcut-${nextTs()}`),
        }),
      'message shortcut',
      'message.ts',
    ],
    [
      'a record form submitted without its state',
      () =>
        h.interactive({
          type: 'view_submission',
          team: { id: 'T0001', domain: 'kbbot' },
          user: { id: 'UHUMAN', name: 'pat' },
          view: { id: 'V1', type: 'modal', callback_id: 'kb_record', private_metadata: '{"parts":[]}', blocks: [] },
        }),
      'record form submission',
      'view.state',
    ],
  ])('%s', async (_, deliver, payload, field) => {
    const before = h.api.calls.length;
    expect(await deliver()).toMatchObject({ status: 200 });
    const line = await malformedLine(payload);
    expect(line).toMatchObject({ level: 'error', field });
    expect(String(line.msg)).toMatch(new RegExp(`^malformed ${payload}: ${field.replace('.', '\\.')}: \\S`));
    expect(String(line.msg)).not.toContain('\n');
    expect(callsSince(before)).toEqual([]);
  });

  it('answers a well-formed message as before, after the malformed ones', async () => {
    const msg = userMessage({ text: TRACE });
    const before = h.api.okCallsTo('chat.postMessage').length;
    expect(await h.event(msg)).toMatchObject({ status: 200 });
    const posts = await h.api.waitForCalls('chat.postMessage', before + 1);
    expect(posts.at(-1)!.params).toMatchObject({ channel: CHANNEL, thread_ts: msg.ts });
    expect(String(posts.at(-1)!.params.text)).toContain('Q272274');
  });

  it('answers a well-formed /kb as before', async () => {
    expect(String((await c.runCommand('Q272274')).text)).toContain('Information Store Stops Responding');
  });
});

describe('over Socket Mode', () => {
  it.each<[string, () => Promise<unknown>, string, string]>([
    ['a message event without channel', () => sock.event(without(userMessage({ text: TRACE }), 'channel')), 'message event', 'channel'],
    ['a button click without its user', () => sock.interactive(without(conversation(sock).click(ActionId.Files, 'Q272274', { ts: nextTs() }), 'user')), 'block_actions payload', 'user'],
  ])('%s is acknowledged, logged by field, and not answered', async (_, deliver, payload, field) => {
    const before = sock.api.calls.length;
    expect(await deliver()).toHaveProperty('envelope_id');
    await expect.poll(() => sock.logs.find((l) => l.event === 'malformed_payload' && l.payload === payload)).toMatchObject({ level: 'error', field });
    expect(sock.api.calls.slice(before).filter((call) => call.method !== 'auth.test')).toEqual([]);
  });
});
