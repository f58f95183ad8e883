/**
 * The real app (HTTP mode, signed requests on loopback) while the Slack Web API stand-in misbehaves:
 * each pasted trace still ends with exactly one reply in its thread, or with exactly one dead-letter
 * log line that holds what is needed to post it by hand, and the bot keeps serving afterwards.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../support/slack-web-api.js';
import { BOT_TOKEN, SIGNING_SECRET, startHarness, TRACE, userMessage, type Harness } from '../slack/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('http');
});
afterAll(() => h?.close());
beforeEach(() => {
  h.api.clearFaults();
  h.api.failRandomly(undefined);
});

const repliesTo = (msg: Record<string, unknown>) =>
  h.api.okCallsTo('chat.postMessage').filter((c) => c.params.channel === msg.channel && c.params.thread_ts === msg.ts);
const deadLettersFor = (msg: Record<string, unknown>) =>
  h.logs.filter((l) => l.event === 'dead_letter' && (l.call as Record<string, unknown> | undefined)?.thread_ts === msg.ts);

async function paste(channel = 'C0FAULTS'): Promise<Record<string, unknown>> {
  const msg = userMessage({ channel, text: TRACE });
  expect(await h.event(msg)).toMatchObject({ status: 200 });
  return msg;
}

describe('replies while Slack fails', () => {
  it.each<[string, Fault[]]>([
    ['a 429 with Retry-After: 1', [{ method: 'chat.postMessage', kind: 'rate_limited', retryAfterSec: 1 }]],
    ['two 500s', [{ method: 'chat.postMessage', kind: 'server_error', times: 2 }]],
    ['ok:false internal_error', [{ method: 'chat.postMessage', kind: 'error', error: 'internal_error' }]],
    ['msg_too_long (shortened once)', [{ method: 'chat.postMessage', kind: 'error', error: 'msg_too_long' }]],
  ])('posts exactly one reply after %s', async (_name, faults) => {
    for (const fault of faults) h.api.fail(fault);
    const msg = await paste();
    await expect.poll(() => repliesTo(msg).length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(repliesTo(msg)).toHaveLength(1);
    expect(String(repliesTo(msg)[0]?.params.text)).toContain('Q272274');
    expect(deadLettersFor(msg)).toEqual([]);
  });

  it.each(['channel_not_found', 'not_in_channel'])('gives up on %s with one dead-letter line and keeps serving', async (error) => {
    h.api.fail({ method: 'chat.postMessage', kind: 'error', error });
    const lost = await paste('C0GONE');
    await expect.poll(() => deadLettersFor(lost).length, { timeout: 10_000 }).toBe(1);
    const [line] = deadLettersFor(lost);
    expect(line).toMatchObject({ level: 'error', method: 'chat.postMessage', error, attempts: 1, call: { channel: 'C0GONE', thread_ts: lost.ts } });
    expect(String((line?.call as Record<string, unknown>).text)).toContain('Q272274');
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === lost.ts)).toHaveLength(1);

    const next = await paste();
    await expect.poll(() => repliesTo(next).length, { timeout: 10_000 }).toBe(1);
  });

  it('answers once when Slack redelivers the event while the reply waits out a 429', async () => {
    h.api.fail({ method: 'chat.postMessage', kind: 'rate_limited', retryAfterSec: 1 });
    const msg = userMessage({ channel: 'C0FAULTS', text: TRACE });
    await h.event(msg, { eventId: 'EvWAIT429' });
    await h.event(msg, { eventId: 'EvWAIT429', retryNum: 1 });
    await expect.poll(() => repliesTo(msg).length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(repliesTo(msg)).toHaveLength(1);
  });

  it('answers each of 20 pastes exactly once while a fifth of the calls get 429 or 500', async () => {
    h.api.failRandomly({ rate: 0.2, kinds: ['rate_limited', 'server_error'], retryAfterSec: 1, seed: 42, methods: ['chat.postMessage'] });
    const pasted = await Promise.all(Array.from({ length: 20 }, () => paste()));
    await expect.poll(() => pasted.every((m) => repliesTo(m).length >= 1), { timeout: 30_000 }).toBe(true);
    expect(pasted.map((m) => repliesTo(m).length)).toEqual(pasted.map(() => 1));
    expect(h.api.calls.some((c) => c.method === 'chat.postMessage' && c.status !== 200)).toBe(true);
  }, 60_000);

  it('never writes the bot token or signing secret, even in dead-letter lines', () => {
    const all = JSON.stringify(h.logs);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
