/**
 * Ephemeral answers, unfurls, the Home tab and response_url answers while Slack fails: through the real app
 * (HTTP mode, signed requests) and the Web API stand-in's fault injection, each ends with exactly one answer
 * delivered after a 429 or 5xx, and an answer that cannot be delivered is one dead-letter line.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../support/slack-web-api.js';
import { CHANNEL } from '../slack/e2e-helpers.js';
import { nextTs, startHarness, TRACE, type Harness } from '../slack/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('http');
});
afterAll(() => h?.close());
beforeEach(() => h.api.clearFaults());

const ok = (method: string, where: (p: Record<string, unknown>) => boolean) => h.api.okCallsTo(method).filter((call) => where(call.params));
const deadLetters = (method: string) => h.logs.filter((l) => l.event === 'dead_letter' && l.method === method);

/** "Find KB for this trace" on a message: answered with chat.postEphemeral in the message's thread. */
async function shortcut(responseId: string): Promise<string> {
  const ts = nextTs();
  const payload = {
    type: 'message_action',
    callback_id: 'kb_find_for_message',
    trigger_id: `trigger-${responseId}`,
    team: { id: 'T0001' },
    user: { id: 'UASKER', name: 'sam' },
    channel: { id: CHANNEL, name: 'support' },
    message: { type: 'message', user: 'UHUMAN', ts, text: TRACE },
    response_url: h.api.responseUrl(responseId),
    message_ts: ts,
  };
  expect(await h.interactive(payload)).toMatchObject({ status: 200 });
  return ts;
}

async function unfurl(): Promise<string> {
  const ts = nextTs();
  const url = 'https://support.microsoft.com/kb/272274';
  expect(await h.event({ type: 'link_shared', channel: CHANNEL, user: 'UHUMAN', message_ts: ts, links: [{ domain: 'support.microsoft.com', url }], source: 'conversations_history', ts: nextTs() })).toMatchObject({ status: 200 });
  return ts;
}

async function command(id: string): Promise<void> {
  const fields = { token: 'legacy', team_id: 'T0001', channel_id: CHANNEL, channel_name: 'support', user_id: 'UHUMAN', user_name: 'pat', command: '/kb', text: 'Q272274', response_url: h.api.responseUrl(id), trigger_id: `trigger-${id}`, api_app_id: 'AKBBOT' };
  expect(await h.command(fields)).toMatchObject({ status: 200 });
}

const FAULTS: [string, (method: string) => Fault[]][] = [
  ['a 429 with Retry-After: 1', (method) => [{ method, kind: 'rate_limited', retryAfterSec: 1 }]],
  ['two 500s', (method) => [{ method, kind: 'server_error', times: 2 }]],
];

describe('answers other than thread replies while Slack fails', () => {
  it.each(FAULTS)('an ephemeral answer is posted once after %s, without falling back to response_url', async (_name, faults) => {
    for (const f of faults('chat.postEphemeral')) h.api.fail(f);
    const id = `sc-${nextTs()}`;
    const ts = await shortcut(id);
    await expect.poll(() => ok('chat.postEphemeral', (p) => p.thread_ts === ts).length, { timeout: 15_000 }).toBe(1);
    expect(h.api.callsTo('chat.postEphemeral').filter((call) => call.params.thread_ts === ts).length).toBeGreaterThan(1);
    expect(String(ok('chat.postEphemeral', (p) => p.thread_ts === ts)[0]?.params.text)).toContain('Q272274');
    expect(h.api.callsTo('response_url').filter((call) => call.params.response_url_id === id)).toEqual([]);
  });

  it.each(FAULTS)('a KB link is unfurled once after %s', async (_name, faults) => {
    for (const f of faults('chat.unfurl')) h.api.fail(f);
    const ts = await unfurl();
    await expect.poll(() => ok('chat.unfurl', (p) => p.ts === ts).length, { timeout: 15_000 }).toBe(1);
    expect(h.api.callsTo('chat.unfurl').filter((call) => call.params.ts === ts).length).toBeGreaterThan(1);
  });

  it.each(FAULTS)('the Home tab is published after %s', async (_name, faults) => {
    for (const f of faults('views.publish')) h.api.fail(f);
    const user = `UHOME${nextTs().replace('.', '')}`;
    expect(await h.event({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', ts: nextTs() })).toMatchObject({ status: 200 });
    await expect.poll(() => ok('views.publish', (p) => p.user_id === user).length, { timeout: 15_000 }).toBe(1);
    expect(h.api.callsTo('views.publish').filter((call) => call.params.user_id === user).length).toBeGreaterThan(1);
  });

  it.each(FAULTS)('a /kb answer through response_url arrives once after %s', async (_name, faults) => {
    for (const f of faults('response_url')) h.api.fail(f);
    const id = `cmd-${nextTs()}`;
    await command(id);
    await expect.poll(() => ok('response_url', (p) => p.response_url_id === id).length, { timeout: 15_000 }).toBe(1);
    const attempts = h.api.callsTo('response_url').filter((call) => call.params.response_url_id === id);
    expect(attempts.length).toBeGreaterThan(1);
    expect(String(attempts.at(-1)?.params.text)).toContain('272274');
  });

  it('gives up at once on an expired response_url, with one dead-letter line holding the answer', async () => {
    h.api.fail({ method: 'response_url', kind: 'error', error: 'expired_url' });
    const before = deadLetters('respond').length;
    const id = `cmd-${nextTs()}`;
    await command(id);
    await expect.poll(() => deadLetters('respond').length, { timeout: 10_000 }).toBe(before + 1);
    expect(deadLetters('respond').at(-1)).toMatchObject({ level: 'error', error: 'http_404', attempts: 1, call: { response_type: 'ephemeral' } });
    expect(String((deadLetters('respond').at(-1)?.call as Record<string, unknown>).text)).toContain('272274');
    expect(h.api.callsTo('response_url').filter((call) => call.params.response_url_id === id)).toHaveLength(1);
  });

  it('answers each of 24 requests exactly once while 30% of these calls get 429 or 500', async () => {
    h.api.failRandomly({ rate: 0.3, kinds: ['rate_limited', 'server_error'], retryAfterSec: 1, seed: 7, methods: ['chat.postEphemeral', 'chat.unfurl', 'response_url'] });
    const shortcuts = await Promise.all(Array.from({ length: 8 }, (_, i) => shortcut(`sc-rand-${i}-${nextTs()}`)));
    const unfurls = await Promise.all(Array.from({ length: 8 }, () => unfurl()));
    const commands = Array.from({ length: 8 }, (_, i) => `cmd-rand-${i}-${nextTs()}`);
    await Promise.all(commands.map((id) => command(id)));
    const counts = () => [
      ...shortcuts.map((ts) => ok('chat.postEphemeral', (p) => p.thread_ts === ts).length),
      ...unfurls.map((ts) => ok('chat.unfurl', (p) => p.ts === ts).length),
      ...commands.map((id) => ok('response_url', (p) => p.response_url_id === id).length),
    ];
    await expect.poll(() => counts().every((n) => n >= 1), { timeout: 40_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(counts()).toEqual(counts().map(() => 1));
    expect(h.api.calls.some((call) => call.status === 429 || call.status === 500)).toBe(true);
  }, 60_000);
});
