/**
 * Outages of what kbbot depends on, with real processes: a kbbot process answering a burst of signed
 * message events while its redis-server is SIGKILLed and brought back on the same port; and while the
 * Slack Web API stand-in fails every call for longer than the reply's retry budget, then recovers. Either
 * way every event is acknowledged and every message ends with exactly one reply, without a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postSigned } from '../support/sign.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { skipWithout } from '../support/services.js';
import { startSlackWebApi, type SlackWebApi } from '../support/slack-web-api.js';
import { BOT_TOKEN, eventCallback, nextTs, SIGNING_SECRET, TRACE } from '../slack/harness.js';
import { startKbbot, type KbbotProcess } from './kbbot-process.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

async function start(env: Record<string, string>, before?: (api: SlackWebApi) => void): Promise<{ api: SlackWebApi; bot: KbbotProcess }> {
  const api = await startSlackWebApi({ botToken: BOT_TOKEN });
  before?.(api);
  cleanup.push(() => api.close());
  const dir = await mkdtemp(join(tmpdir(), 'kbbot-outage-e2e-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const bot = await startKbbot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, KBBOT_DATA_DIR: dir, ...env });
  cleanup.push(async () => {
    if (bot.child.exitCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
  });
  return { api, bot };
}

/** Posts one message event (the message also exists in the stand-in, as in Slack); resolves with the ack status. */
async function paste(api: SlackWebApi, bot: KbbotProcess, channel: string, i: number): Promise<{ ts: string; status: number }> {
  const ts = nextTs();
  api.addMessage({ channel, ts, text: TRACE, user: 'UHUMAN' });
  const body = eventCallback({ type: 'message', channel, channel_type: 'channel', user: 'UHUMAN', text: TRACE, ts }, `Ev${channel}${i}`);
  const res = await postSigned(bot.eventsUrl, body, { secret: SIGNING_SECRET });
  return { ts, status: res.status };
}

function repliesPer(api: SlackWebApi, channel: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of api.okCallsTo('chat.postMessage')) {
    if (call.params.channel === channel) counts.set(String(call.params.thread_ts), (counts.get(String(call.params.thread_ts)) ?? 0) + 1);
  }
  return counts;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skipWithout('redis', 'the Redis outage end-to-end test'))('a Redis outage mid-burst', () => {
  it('answers every message exactly once while Redis is killed and brought back six seconds later', async () => {
    let redis: RedisServer = await startRedis();
    cleanup.push(() => redis.stop());
    const { api, bot } = await start({ REDIS_URL: redis.url, KBBOT_REDIS_PREFIX: 'outage-e2e:' });
    const channel = 'C0REDISDOWN';
    const sent: Promise<{ ts: string; status: number }>[] = [];
    const MESSAGES = 150;
    let restarted: Promise<void> | undefined;
    for (let i = 0; i < MESSAGES; i += 1) {
      if (i === 50) {
        await redis.kill();
        const port = redis.port;
        restarted = sleep(6_000).then(async () => {
          redis = await startRedis({ port });
        });
      }
      sent.push(paste(api, bot, channel, i));
      await sleep(50);
    }
    const acks = await Promise.all(sent);
    expect(acks.filter((a) => a.status !== 200)).toEqual([]);
    await restarted;
    await expect.poll(() => acks.every((a) => repliesPer(api, channel).has(a.ts)), { timeout: 60_000, interval: 250 }).toBe(true);
    await sleep(1_000);
    const counts = repliesPer(api, channel);
    expect(acks.map((a) => counts.get(a.ts))).toEqual(acks.map(() => 1));
    // It said it was degraded, and that it caught up once Redis was back.
    expect(bot.logs.some((l) => l.event === 'state_degraded')).toBe(true);
    await expect.poll(() => bot.logs.some((l) => l.event === 'state_recovered'), { timeout: 20_000 }).toBe(true);
    expect(bot.logs.filter((l) => l.event === 'dead_letter')).toEqual([]);
  }, 180_000);
});

describe('a Slack Web API outage longer than the retry budget', () => {
  // Every Web API call fails (500) until cleared: far longer than one reply's 1.5 s budget.
  const down = (api: SlackWebApi) => api.fail({ kind: 'server_error', times: 1_000_000 });
  it.each([
    ['going down while kbbot runs', false],
    ['already down when kbbot starts (no auth.test answered yet)', true],
  ])('keeps the replies owed and posts each exactly once when Slack answers again, without a restart: %s', async (_name, fromStart) => {
    const { api, bot } = await start({ KBBOT_WEB_API_BUDGET_MS: '1500', KBBOT_FIRST_DEFER_MS: '500', KBBOT_OWED_INTERVAL_MS: '500' }, fromStart ? down : undefined);
    const channel = 'C0SLACKDOWN';
    if (!fromStart) down(api);
    const acks = await Promise.all(Array.from({ length: 12 }, (_, i) => paste(api, bot, channel, i)));
    expect(acks.map((a) => a.status)).toEqual(acks.map(() => 200));
    await expect.poll(() => bot.logs.filter((l) => l.event === 'reply_owed').length, { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
    // The background pass has found Slack still away at least once, and given up nothing.
    await expect.poll(() => bot.logs.some((l) => l.event === 'owed_replay_waiting'), { timeout: 30_000 }).toBe(true);
    expect(bot.logs.filter((l) => l.event === 'dead_letter')).toEqual([]);
    expect(repliesPer(api, channel).size).toBe(0);

    api.clearFaults();
    await expect.poll(() => acks.every((a) => repliesPer(api, channel).has(a.ts)), { timeout: 60_000, interval: 250 }).toBe(true);
    await sleep(1_500);
    const counts = repliesPer(api, channel);
    expect(acks.map((a) => counts.get(a.ts))).toEqual(acks.map(() => 1));
    expect(bot.logs.filter((l) => l.event === 'dead_letter')).toEqual([]);
    // Nothing is left owed: a new message is answered as usual, and the bot is the same process.
    const after = await paste(api, bot, channel, 99);
    await expect.poll(() => repliesPer(api, channel).get(after.ts), { timeout: 20_000 }).toBe(1);
    expect(bot.child.exitCode).toBeNull();
  }, 180_000);
});
