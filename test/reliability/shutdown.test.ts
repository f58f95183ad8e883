import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/state/index.js';
import { postSigned } from '../support/sign.js';
import { startSlackWebApi, type SlackWebApi } from '../support/slack-web-api.js';
import { BOT_TOKEN, eventCallback, nextTs, SIGNING_SECRET, TRACE } from '../slack/harness.js';
import { startKbbot, type KbbotProcess } from './kbbot-process.js';

let api: SlackWebApi;
let dataDir: string;
const running: KbbotProcess[] = [];

beforeEach(async () => {
  api = await startSlackWebApi({ botToken: BOT_TOKEN });
  dataDir = await mkdtemp(join(tmpdir(), 'kbbot-shutdown-'));
});
afterEach(async () => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<KbbotProcess> {
  const p = await startKbbot({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    KBBOT_DATA_DIR: dataDir,
    ...env,
  });
  running.push(p);
  return p;
}

function traceEvent(eventId: string) {
  const ts = nextTs();
  return { ts, body: eventCallback({ type: 'message', channel: 'C0SHUT', channel_type: 'channel', user: 'U1', text: TRACE, ts }, eventId) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGTERM', () => {
  it('stops taking events, finishes the reply in flight, closes the state store and exits 0', async () => {
    const bot = await start();
    // Slack is slow to take the reply: it is still in flight when SIGTERM arrives.
    api.fail({ method: 'chat.postMessage', kind: 'timeout', delayMs: 1_500 });
    const first = traceEvent('EvShut1');
    expect((await postSigned(bot.eventsUrl, first.body, { secret: SIGNING_SECRET })).status).toBe(200);
    await sleep(400);
    bot.child.kill('SIGTERM');
    await expect.poll(() => bot.logs.some((l) => l.msg === 'shutting down'), { timeout: 10_000 }).toBe(true);

    // A new event after SIGTERM is not taken: Slack will redeliver it.
    const late = traceEvent('EvShut2');
    const refused = await postSigned(bot.eventsUrl, late.body, { secret: SIGNING_SECRET }).then((r) => r.status, () => 'refused');
    expect(refused).not.toBe(200);

    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(api.messages.filter((m) => m.thread_ts === first.ts)).toHaveLength(1);
    expect(bot.out.find((o) => o.stopped)).toMatchObject({ stopped: { reason: 'SIGTERM', drained: true, abandoned: 0 } });
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    // Slack's redelivery reaches the next instance, which answers it: nothing was claimed for it.
    const next = await start();
    const retry = await postSigned(next.eventsUrl, late.body, { secret: SIGNING_SECRET, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } });
    expect(retry.status).toBe(200);
    await api.waitForCalls('chat.postMessage', 2);
    await sleep(200);
    expect(api.messages.filter((m) => m.thread_ts === late.ts)).toHaveLength(1);
  }, 120_000);

  it('gives up on work that outlasts the bound, says so, and exits 1 at once as kbbot start does', async () => {
    const bot = await start({ KBBOT_GRACE_MS: '300' });
    api.fail({ method: 'chat.postMessage', kind: 'timeout', delayMs: 20_000 });
    const event = traceEvent('EvShut3');
    expect((await postSigned(bot.eventsUrl, event.body, { secret: SIGNING_SECRET })).status).toBe(200);
    await sleep(400);
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    // The abandoned post is still held by the stand-in (20 s): the process does not wait for it.
    expect(await bot.exited).toEqual({ code: 1, signal: null });
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(bot.logs.find((l) => l.event === 'shutdown_abandoned')).toMatchObject({ level: 'error', abandoned: 1 });
  }, 90_000);
});
