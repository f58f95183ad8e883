/**
 * A reply owed when kbbot dies: a real kbbot process acknowledges a signed trace event and is SIGKILLed
 * before Slack (the stand-in, holding chat.postMessage) answers its post; Slack never redelivers an
 * acknowledged event, so only the owed-work journal remembers it. Restarted on the same data directory,
 * kbbot posts the reply exactly once. Killed after the reply was posted, it does not post again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postSigned } from '../support/sign.js';
import { startSlackWebApi, type SlackWebApi } from '../support/slack-web-api.js';
import { BOT_TOKEN, eventCallback, nextTs, SIGNING_SECRET, TRACE } from '../slack/harness.js';
import { startKbbot, type KbbotProcess } from './kbbot-process.js';

let api: SlackWebApi;
let dataDir: string;
const running: KbbotProcess[] = [];

beforeEach(async () => {
  api = await startSlackWebApi({ botToken: BOT_TOKEN });
  dataDir = await mkdtemp(join(tmpdir(), 'kbbot-owed-'));
});
afterEach(async () => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<KbbotProcess> {
  const p = await startKbbot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, KBBOT_DATA_DIR: dataDir, ...env });
  running.push(p);
  return p;
}

async function kill(p: KbbotProcess): Promise<void> {
  p.child.kill('SIGKILL');
  expect((await p.exited).signal).toBe('SIGKILL');
}

async function paste(bot: KbbotProcess, eventId: string): Promise<string> {
  const ts = nextTs();
  // The message is in Slack (a replay reads its thread back), then its event is delivered.
  api.addMessage({ channel: 'C0OWED', ts, text: TRACE, user: 'U1' });
  const body = eventCallback({ type: 'message', channel: 'C0OWED', channel_type: 'channel', user: 'U1', text: TRACE, ts }, eventId);
  expect((await postSigned(bot.eventsUrl, body, { secret: SIGNING_SECRET })).status).toBe(200);
  return ts;
}

const okRepliesTo = (ts: string) => api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts);
const checked = (p: KbbotProcess) => p.logs.find((l) => l.msg === 'owed replies checked');

describe('a reply owed when kbbot is SIGKILLed', () => {
  it('is posted exactly once after a restart when the kill came before Slack answered the post', async () => {
    const first = await start({ LOG_LEVEL: 'debug' });
    // Slack holds the post far longer than this test runs: the process dies waiting for it.
    api.fail({ method: 'chat.postMessage', kind: 'timeout', delayMs: 300_000 });
    const ts = await paste(first, 'EvOwed1');
    await expect.poll(() => first.logs.some((l) => String(l.msg).includes("apiCall('chat.postMessage') start")), { timeout: 20_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    await kill(first);
    expect(okRepliesTo(ts)).toEqual([]);

    api.clearFaults();
    const second = await start();
    await expect.poll(() => okRepliesTo(ts).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => checked(second), { timeout: 10_000 }).toMatchObject({ owed: 1, replayed: 1 });
    expect(String(okRepliesTo(ts)[0]?.params.text)).toContain('Q272274');
    expect(second.logs.filter((l) => l.event === 'owed_replay' && l.messageTs === ts)).toMatchObject([{ outcome: 'replayed', attempts: 1 }]);

    // Settled: a further restart owes nothing and posts nothing.
    await kill(second);
    const third = await start();
    await expect.poll(() => checked(third), { timeout: 20_000 }).toMatchObject({ owed: 0 });
    expect(okRepliesTo(ts)).toHaveLength(1);
  }, 120_000);

  it('is not posted a second time when the kill came after the reply was posted', async () => {
    const first = await start();
    const ts = await paste(first, 'EvOwed2');
    await expect.poll(() => okRepliesTo(ts).length, { timeout: 20_000 }).toBe(1);
    // Killed at once: most often before the entry is settled, so the restart must find the reply itself.
    await kill(first);

    const second = await start();
    await expect.poll(() => checked(second), { timeout: 20_000 }).toBeDefined();
    const done = checked(second)!;
    expect(done.replayed).toBe(0);
    if (Number(done.owed) > 0) expect(done).toMatchObject({ alreadyPosted: 1 });
    await new Promise((r) => setTimeout(r, 500));
    expect(okRepliesTo(ts)).toHaveLength(1);
  }, 120_000);
});
