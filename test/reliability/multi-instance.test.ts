/**
 * Two kbbot processes side by side behind one real redis-server, events split between them and Slack's
 * retries sent to the other one: still exactly one reply per message, and mutes and thread matches made
 * through one instance hold on the other.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, postSigned } from '../support/sign.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { skipWithout } from '../support/services.js';
import { startSlackWebApi, type SlackWebApi } from '../support/slack-web-api.js';
import { BOT_TOKEN, eventCallback, nextTs, SIGNING_SECRET, TRACE } from '../slack/harness.js';
import { startKbbot, type KbbotProcess } from './kbbot-process.js';

let redis: RedisServer;
let api: SlackWebApi;
let a: KbbotProcess;
let b: KbbotProcess;
const dirs: string[] = [];

const withoutRedis = skipWithout('redis', 'the two-instance tests');

beforeAll(async () => {
  if (withoutRedis) return;
  [redis, api] = await Promise.all([startRedis(), startSlackWebApi({ botToken: BOT_TOKEN })]);
  const env = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kbbot-multi-'));
    dirs.push(dir);
    return { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, REDIS_URL: redis.url, KBBOT_DATA_DIR: dir };
  };
  [a, b] = await Promise.all([startKbbot(await env()), startKbbot(await env())]);
}, 120_000);

afterAll(async () => {
  for (const p of [a, b]) {
    if (p && p.child.exitCode === null) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }
  await api?.close();
  await redis?.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const send = (to: KbbotProcess, body: unknown, retryNum?: number) =>
  postSigned(to.eventsUrl, body, {
    secret: SIGNING_SECRET,
    ...(retryNum ? { headers: { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } } : {}),
  });
const repliesIn = (channel: string, threadTs: string) => api.okCallsTo('chat.postMessage').filter((c) => c.params.channel === channel && c.params.thread_ts === threadTs);
const message = (channel: string, text: string, extra: Record<string, unknown> = {}) => ({ type: 'message', channel, channel_type: 'channel', user: 'UHUMAN', ts: nextTs(), text, ...extra });

describe.skipIf(withoutRedis)('two instances sharing Redis', () => {
  it('answers each message once when deliveries and retries race across instances', async () => {
    const channel = 'C0MULTI';
    const messages = Array.from({ length: 20 }, () => message(channel, TRACE));
    await Promise.all(
      messages.map(async (m, i) => {
        const body = eventCallback(m, `EvMulti${i}`);
        const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
        // The first delivery and Slack's retry arrive at different instances at the same moment.
        const results = await Promise.all([send(first, body), send(second, body, 1)]);
        expect(results.map((r) => r.status)).toEqual([200, 200]);
      }),
    );
    await expect.poll(() => messages.every((m) => repliesIn(channel, m.ts).length >= 1), { timeout: 20_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(messages.map((m) => repliesIn(channel, m.ts).length)).toEqual(messages.map(() => 1));
  });

  it('answers a mention arriving as message on one instance and app_mention on the other once', async () => {
    const m = message('C0MULTI', `<@UKBBOT> ${TRACE}`);
    await Promise.all([send(a, eventCallback(m, 'EvMentionMsg')), send(b, eventCallback({ ...m, type: 'app_mention' }, 'EvMentionApp'))]);
    await expect.poll(() => repliesIn('C0MULTI', m.ts).length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(repliesIn('C0MULTI', m.ts)).toHaveLength(1);
  });

  it('keeps a mute made through one instance on the other', async () => {
    const channel = 'C0MULTIMUTE';
    const id = 'cmd-multi-mute';
    const command = formBody({ team_id: 'T0001', channel_id: channel, user_id: 'UHUMAN', command: '/kb', text: 'mute', response_url: api.responseUrl(id), trigger_id: 't1' });
    expect((await postSigned(a.eventsUrl, command, { secret: SIGNING_SECRET })).status).toBe(200);
    await expect.poll(() => api.callsTo('response_url').some((c) => c.params.response_url_id === id), { timeout: 10_000 }).toBe(true);
    const m = message(channel, TRACE);
    await send(b, eventCallback(m, 'EvMuted'));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(api.callsTo('chat.postMessage').filter((c) => c.params.channel === channel)).toHaveLength(0);
  });

  it('answers a follow-up on the other instance from the shared thread match, without reading the thread back', async () => {
    const root = message('C0MULTI', TRACE);
    await send(a, eventCallback(root, 'EvFollowRoot'));
    await expect.poll(() => repliesIn('C0MULTI', root.ts).length, { timeout: 10_000 }).toBe(1);
    const readsBefore = api.callsTo('conversations.replies').length;
    const followUp = message('C0MULTI', 'which files for alpha?', { thread_ts: root.ts });
    await send(b, eventCallback(followUp, 'EvFollowUp'));
    await expect.poll(() => repliesIn('C0MULTI', root.ts).length, { timeout: 10_000 }).toBe(2);
    expect(String(repliesIn('C0MULTI', root.ts)[1]?.params.text)).toMatch(/alpha/i);
    expect(api.callsTo('conversations.replies')).toHaveLength(readsBefore);
  });
});
