import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { callSlack, webClientOptions, type RetryPolicy } from '../../src/slack/web-api-policy.js';
import { startSlackWebApi, type Fault, type SlackWebApi } from '../support/slack-web-api.js';

const TOKEN = 'xoxb-reliability-0000-secret';
const FAST: Partial<RetryPolicy> = { baseDelayMs: 20, maxDelayMs: 100, settleMs: 600 };
// Long enough that a busy shared machine doesn't turn an ordinary call into a timeout.
const CLIENT_TIMEOUT_MS = 1_000;

let api: SlackWebApi;
let client: webApi.WebClient;
let lines: string[];
// Debug: the 'slack call failed' line tells a test when callSlack has read a failure.
const logger = createLogger({ level: 'debug', sink: (l) => lines.push(l) });

beforeAll(async () => {
  api = await startSlackWebApi({ botToken: TOKEN });
});
afterAll(() => api.close());
beforeEach(() => {
  api.clearFaults();
  lines = [];
  // A fresh client per test: rate-limit pauses are remembered per client.
  client = new webApi.WebClient(TOKEN, { ...webClientOptions(api.url), timeout: CLIENT_TIMEOUT_MS });
});

let n = 0;
function reply(text = 'Q272274: fixed in Exchange 5.5 SP4') {
  n += 1;
  return { channel: 'C1', thread_ts: `1600000000.${String(n).padStart(6, '0')}`, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
const postedTo = (threadTs: unknown) => api.messages.filter((m) => m.thread_ts === threadTs);
const deadLetters = () => lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'dead_letter');

describe('callSlack: Slack Web API faults', () => {
  it.each<[string, Fault[], number]>([
    ['a 429 with Retry-After', [{ method: 'chat.postMessage', kind: 'rate_limited', retryAfterSec: 1 }], 2],
    ['two 500s', [{ method: 'chat.postMessage', kind: 'server_error', times: 2 }], 3],
    ['a retryable ok:false (internal_error)', [{ method: 'chat.postMessage', kind: 'error', error: 'internal_error' }], 2],
    ['a 429 then a 500', [{ method: 'chat.postMessage', kind: 'rate_limited', retryAfterSec: 1 }, { method: 'chat.postMessage', kind: 'server_error' }], 3],
  ])('posts exactly one reply after %s', async (_name, faults, attempts) => {
    for (const fault of faults) api.fail(fault);
    const args = reply();
    const outcome = await callSlack(client, 'chat.postMessage', args, { logger, policy: FAST });
    expect(outcome).toMatchObject({ ok: true, attempts });
    expect(postedTo(args.thread_ts)).toHaveLength(1);
    expect(deadLetters()).toEqual([]);
  });

  it('waits at least Retry-After before trying again', async () => {
    api.fail({ method: 'chat.postMessage', kind: 'rate_limited', retryAfterSec: 1 });
    const started = Date.now();
    await callSlack(client, 'chat.postMessage', reply(), { logger, policy: FAST });
    const calls = api.callsTo('chat.postMessage').slice(-2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('holds back every call to a rate-limited method, not only the one that got the 429', async () => {
    api.fail({ method: 'chat.postMessage', kind: 'rate_limited', retryAfterSec: 1 });
    const first = callSlack(client, 'chat.postMessage', reply(), { logger, policy: FAST });
    const [limited] = (await api.waitForCalls('chat.postMessage', api.callsTo('chat.postMessage').length + 1)).slice(-1);
    // Once callSlack has read the 429 (it logs the failure and pauses the method in one step), send the second.
    await expect.poll(() => lines.some((l) => l.includes('"slack call failed"'))).toBe(true);
    const limitedAt = limited?.at ?? 0;
    const args = reply();
    await Promise.all([first, callSlack(client, 'chat.postMessage', args, { logger, policy: FAST })]);
    const second = api.callsTo('chat.postMessage').find((c) => c.params.thread_ts === args.thread_ts);
    expect((second?.at ?? 0) - limitedAt).toBeGreaterThanOrEqual(900);
    expect(postedTo(args.thread_ts)).toHaveLength(1);
  });

  it('releases the calls held back by one 429 a few ms apart, not all in one burst', async () => {
    api.fail({ method: 'chat.postMessage', kind: 'rate_limited', retryAfterSec: 1 });
    const first = callSlack(client, 'chat.postMessage', reply(), { logger, policy: FAST });
    await expect.poll(() => lines.some((l) => l.includes('"slack call failed"'))).toBe(true);
    const held = [reply(), reply(), reply(), reply()];
    // The waits each call asks for, in call order (all four start in this tick, so a busy machine can't blur them).
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    await Promise.all([first, ...held.map((args) => callSlack(client, 'chat.postMessage', args, { logger, policy: FAST, sleep }))]);
    expect(waits).toHaveLength(held.length);
    for (let i = 1; i < waits.length; i += 1) expect((waits[i] ?? 0) - (waits[i - 1] ?? 0)).toBeGreaterThanOrEqual(4);
    for (const args of held) expect(postedTo(args.thread_ts)).toHaveLength(1);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('gives up on %s at once with one dead-letter line', async (error) => {
    api.fail({ method: 'chat.postMessage', kind: 'error', error, times: 3 });
    const args = reply();
    const outcome = await callSlack(client, 'chat.postMessage', args, { logger, policy: FAST, context: { sourceTs: '1.2' } });
    expect(outcome).toEqual({ ok: false, error, attempts: 1, retryable: false, mayHaveLanded: false });
    expect(postedTo(args.thread_ts)).toHaveLength(0);
    expect(deadLetters()).toEqual([
      expect.objectContaining({ level: 'error', method: 'chat.postMessage', error, attempts: 1, sourceTs: '1.2', call: expect.objectContaining({ channel: 'C1', thread_ts: args.thread_ts, text: args.text }) }),
    ]);
    expect(lines.join('')).not.toContain(TOKEN);
  });

  it('sends a shortened reply once after msg_too_long', async () => {
    api.fail({ method: 'chat.postMessage', kind: 'error', error: 'msg_too_long' });
    const args = { ...reply('x'.repeat(5_000)), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Q272274' } }] };
    const outcome = await callSlack(client, 'chat.postMessage', args, { logger, policy: FAST });
    expect(outcome.ok).toBe(true);
    const [posted] = postedTo(args.thread_ts);
    expect(posted?.text?.length).toBeLessThanOrEqual(3_000);
    expect(posted?.text?.endsWith('(cut)')).toBe(true);
  });

  it('dead-letters a reply that is still too long after shortening once', async () => {
    api.fail({ method: 'chat.postMessage', kind: 'error', error: 'msg_too_long', times: 5 });
    const args = reply('y'.repeat(5_000));
    const outcome = await callSlack(client, 'chat.postMessage', args, { logger, policy: FAST });
    expect(outcome).toEqual({ ok: false, error: 'msg_too_long', attempts: 2, retryable: false, mayHaveLanded: false });
    expect(deadLetters()).toHaveLength(1);
  });

  it('stops after the bounded number of attempts when Slack keeps failing', async () => {
    api.fail({ method: 'chat.postMessage', kind: 'server_error', times: 50 });
    const args = reply();
    const outcome = await callSlack(client, 'chat.postMessage', args, { logger, policy: { ...FAST, maxAttempts: 4 } });
    expect(outcome).toEqual({ ok: false, error: 'http_500', attempts: 4, retryable: true, mayHaveLanded: false });
    expect(api.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === args.thread_ts)).toHaveLength(4);
    expect(deadLetters()).toHaveLength(1);
  });

  it('leaves a reply Slack may yet take to its caller, without a dead-letter line, when the caller keeps it owed', async () => {
    api.fail({ method: 'chat.postMessage', kind: 'server_error', times: 50 });
    const outcome = await callSlack(client, 'chat.postMessage', reply(), { logger, policy: { ...FAST, maxAttempts: 3 }, keepOwed: true });
    expect(outcome).toMatchObject({ ok: false, error: 'http_500', retryable: true });
    expect(deadLetters()).toEqual([]);
    // A refusal is no outage: dead-lettered at once, owed or not.
    api.clearFaults();
    api.fail({ method: 'chat.postMessage', kind: 'error', error: 'channel_not_found' });
    expect(await callSlack(client, 'chat.postMessage', reply(), { logger, policy: FAST, keepOwed: true })).toMatchObject({ ok: false, retryable: false });
    expect(deadLetters()).toHaveLength(1);
  });

  it('does not wait for a Retry-After longer than the policy allows', async () => {
    api.fail({ method: 'chat.postMessage', kind: 'rate_limited', retryAfterSec: 120 });
    const started = Date.now();
    const outcome = await callSlack(client, 'chat.postMessage', reply(), { logger, policy: { ...FAST, maxRetryAfterMs: 30_000 } });
    expect(outcome).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(deadLetters()).toHaveLength(1);
  });

  it('does not post twice when a timed-out post landed after all', async () => {
    // Slack holds the post past the client's timeout, then stores it.
    api.fail({ method: 'chat.postMessage', kind: 'timeout', delayMs: CLIENT_TIMEOUT_MS + 200 });
    const args = reply();
    const outcome = await callSlack(client, 'chat.postMessage', args, { logger, policy: FAST });
    expect(outcome.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(postedTo(args.thread_ts)).toHaveLength(1);
  });

  it('retries an idempotent update after a timeout', async () => {
    const posted = await callSlack<{ ts: string }>(client, 'chat.postMessage', reply(), { logger, policy: FAST });
    expect(posted.ok).toBe(true);
    api.fail({ method: 'chat.update', kind: 'timeout', delayMs: CLIENT_TIMEOUT_MS + 300 });
    const ts = posted.ok ? posted.result.ts : '';
    const outcome = await callSlack(client, 'chat.update', { channel: 'C1', ts, text: 'updated' }, { logger, policy: FAST });
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
  });
});
