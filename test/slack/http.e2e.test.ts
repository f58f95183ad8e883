/**
 * The real Bolt app in HTTP mode on loopback, receiving Slack-signed requests, its Web API calls going to
 * the local stand-in (which enforces Block Kit limits). What a person in Slack would see: one threaded
 * answer per message, in the right place, with the right article.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METADATA_EVENT_TYPE } from '../../src/slack/threads.js';
import { postSigned, signBody } from '../support/sign.js';
import { BOT_ID, BOT_USER, SIGNING_SECRET, TRACE, eventCallback, nextTs, postedTexts, startHarness, userMessage, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('http');
});
afterAll(() => h?.close());

async function replyTo(message: Record<string, unknown>, count = 1): Promise<void> {
  const before = h.api.okCallsTo('chat.postMessage').length;
  const res = await h.event(message);
  expect(res).toMatchObject({ status: 200 });
  await h.api.waitForCalls('chat.postMessage', before + count);
}

function postsIn(channel: string, threadTs: string) {
  return h.api.okCallsTo('chat.postMessage').filter((c) => c.params.channel === channel && c.params.thread_ts === threadTs);
}

describe('channel messages', () => {
  it('answers a pasted trace with exactly one threaded reply naming Q272274, with the match in metadata', async () => {
    const msg = userMessage({ text: TRACE });
    await replyTo(msg);
    const posts = postsIn('C0PUBLIC', String(msg.ts));
    expect(posts).toHaveLength(1);
    expect(String(posts[0]!.params.text)).toContain('Q272274');
    expect(posts[0]!.params.reply_broadcast).not.toBe('true');
    expect(posts[0]!.params.metadata).toMatchObject({ event_type: METADATA_EVENT_TYPE, event_payload: { kb: 'Q272274', verdict: 'match' } });
  });

  it('answers a KB reference with the article card', async () => {
    const msg = userMessage({ text: 'anyone seen KB272274 before?' });
    await replyTo(msg);
    expect(String(postsIn('C0PUBLIC', String(msg.ts))[0]?.params.text)).toContain('Information Store Stops Responding');
  });

  it('reads a long paste sent as a text snippet, fetching it with the bot token', async () => {
    const file = h.api.addFile({ name: 'crash.txt', content: TRACE.replace(/```/g, '') });
    const msg = userMessage({ subtype: 'file_share', text: 'here is the dump', files: [file] });
    await replyTo(msg);
    expect(String(postsIn('C0PUBLIC', String(msg.ts))[0]?.params.text)).toContain('Q272274');
    expect(h.api.callsTo('files.download').at(-1)).toMatchObject({ status: 200 });
  });

  it('completes a snippet stub (file_access: check_file_info) through files.info before reading it', async () => {
    const file = h.api.addFile({ name: 'stub.txt', content: TRACE.replace(/```/g, '') });
    const msg = userMessage({ subtype: 'file_share', text: '', files: [{ id: file.id, mode: 'hidden_by_limit', file_access: 'check_file_info' }] });
    await replyTo(msg);
    expect(h.api.okCallsTo('files.info').at(-1)?.params.file).toBe(file.id);
    expect(String(postsIn('C0PUBLIC', String(msg.ts))[0]?.params.text)).toContain('Q272274');
  });

  it('reads a trace sent only as rich_text blocks', async () => {
    const lines = TRACE.split('\n').slice(2, 6).join('\n');
    const blocks = [{ type: 'rich_text', elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: lines }] }] }];
    const msg = userMessage({ text: '', blocks });
    await replyTo(msg);
    expect(String(postsIn('C0PUBLIC', String(msg.ts))[0]?.params.text)).toContain('Q272274');
  });

  it.each([
    ['its own message', { user: BOT_USER, bot_id: BOT_ID }],
    ['another bot', { subtype: 'bot_message', bot_id: 'BOTHER', user: undefined }],
    ['another bot posting as a user', { bot_id: 'BOTHER2' }],
  ])('ignores %s', async (_who, fields) => {
    const msg = userMessage({ text: TRACE, ...fields });
    const before = h.api.calls.length;
    await h.event(msg);
    // A later human message is answered: by then the bot message was long processed (events run in order of arrival).
    const probe = userMessage({ text: 'KB272274' });
    await replyTo(probe);
    expect(postsIn('C0PUBLIC', String(msg.ts))).toHaveLength(0);
    expect(h.api.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('answers a mention delivered as both app_mention and message once', async () => {
    const msg = userMessage({ text: `<@${BOT_USER}> ${TRACE}` });
    await replyTo(msg);
    const dupes = h.logs.filter((l) => l.msg === 'duplicate delivery ignored').length;
    await h.event({ ...msg, type: 'app_mention' });
    await h.waitForLog('duplicate delivery ignored', dupes + 1);
    expect(postsIn('C0PUBLIC', String(msg.ts))).toHaveLength(1);
  });
});

describe('acknowledgement', () => {
  it('acknowledges an event before the Web API answers: a slow chat.postMessage does not delay the 200', async () => {
    h.api.fail({ method: 'chat.postMessage', kind: 'timeout', delayMs: 2_500 });
    const msg = userMessage({ text: TRACE });
    const started = performance.now();
    const res = await h.event(msg);
    const ackMs = performance.now() - started;
    expect(res).toMatchObject({ status: 200 });
    // Loose sanity bound well under Slack's 3 s and the stand-in's 2.5 s delay.
    expect(ackMs).toBeLessThan(1_500);
    await expect.poll(() => postsIn('C0PUBLIC', String(msg.ts)).length, { timeout: 8_000 }).toBe(1);
  });
});

describe('retries', () => {
  it('does not answer a retried delivery (X-Slack-Retry-Num, same event id) a second time', async () => {
    const msg = userMessage({ text: TRACE });
    const before = h.api.okCallsTo('chat.postMessage').length;
    await h.event(msg, { eventId: 'EvRETRY1' });
    await h.api.waitForCalls('chat.postMessage', before + 1);
    const dupes = h.logs.filter((l) => l.msg === 'duplicate delivery ignored').length;
    const retry = await h.event(msg, { eventId: 'EvRETRY1', retryNum: 1 });
    expect(retry).toMatchObject({ status: 200 });
    await h.waitForLog('duplicate delivery ignored', dupes + 1);
    expect(postsIn('C0PUBLIC', String(msg.ts))).toHaveLength(1);
  });

  it('answers a retry whose first delivery never arrived', async () => {
    const msg = userMessage({ text: TRACE });
    await h.event(msg, { eventId: 'EvLOSTFIRST', retryNum: 2 });
    await expect.poll(() => postsIn('C0PUBLIC', String(msg.ts)).length).toBe(1);
  });
});

describe('request verification', () => {
  const body = () => eventCallback(userMessage({ text: TRACE }), `EvBAD${nextTs()}`);
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['a bad signature', { signature: `v0=${'0'.repeat(64)}` }, 401],
    ['a timestamp 6 minutes old', { timestampSec: now() - 360 }, 401],
    ['a timestamp 6 minutes in the future', { timestampSec: now() + 360 }, 401],
  ])('rejects %s and posts nothing', async (_name, options, status) => {
    const before = h.api.calls.length;
    const res = await postSigned(h.eventsUrl!, body(), { secret: SIGNING_SECRET, ...options });
    expect(res.status).toBe(status);
    expect(h.api.calls.slice(before)).toEqual([]);
  });

  it('rejects a request signed with another secret', async () => {
    const res = await postSigned(h.eventsUrl!, body(), { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
  });

  it('refuses an oversized body before reading it', async () => {
    const res = await postSigned(h.eventsUrl!, { ...body(), padding: 'x'.repeat(1_100_000) }, { secret: SIGNING_SECRET });
    expect(res.status).toBe(413);
  });

  it('refuses an oversized chunked body (no Content-Length) as soon as it passes the limit', async () => {
    const url = new URL(h.eventsUrl!);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 20; i += 1) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });

  it.each([
    ['malformed JSON', '{"type": "event_callback", ', 'application/json', 400],
    ['an unknown payload type', JSON.stringify({ type: 'something_new' }), 'application/json', 400],
    ['an event_callback without an event', JSON.stringify({ type: 'event_callback' }), 'application/json', 400],
    ['an unsupported content type', 'hello', 'text/plain', 415],
  ])('answers %s with an error status, not a crash', async (_name, raw, contentType, status) => {
    const res = await fetch(h.eventsUrl!, { method: 'POST', headers: { 'content-type': contentType, ...signBody(SIGNING_SECRET, raw) }, body: raw });
    expect(res.status).toBe(status);
  });

  it('echoes the url_verification challenge', async () => {
    const res = await postSigned(h.eventsUrl!, { type: 'url_verification', challenge: 'c-123' }, { secret: SIGNING_SECRET });
    expect(JSON.parse(res.body)).toEqual({ challenge: 'c-123' });
  });

  it('keeps serving after all of the above', async () => {
    const msg = userMessage({ text: TRACE });
    await replyTo(msg);
    expect(postsIn('C0PUBLIC', String(msg.ts))).toHaveLength(1);
  });
});

describe('never leaks secrets into logs', () => {
  it('writes no token or signing secret in any log line', () => {
    const all = JSON.stringify(h.logs);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toContain('xoxb-e2e');
    expect(postedTexts(h.api).length).toBeGreaterThan(3);
  });
});
