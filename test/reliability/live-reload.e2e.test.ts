/**
 * A running kbbot process whose signature store changes under it: a fresh file is answered without a
 * restart, a file edited into an invalid one keeps answering with its last good version (and the log says
 * which file and why), and SIGHUP reloads on demand.
 */
import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned } from '../support/sign.js';
import { startSlackWebApi, type SlackWebApi } from '../support/slack-web-api.js';
import { BOT_TOKEN, eventCallback, nextTs, SIGNING_SECRET } from '../slack/harness.js';
import { startKbbot, type KbbotProcess } from './kbbot-process.js';

const FRAMES = ['WIDGETSVC!CQueuePump::Drain', 'WIDGETSVC!CQueueWorker::Run', 'WIDGETSVC!WorkerThreadProc', 'KERNEL32!BaseThreadStart'];
const PASTE = ['widgetsvc keeps dying:', '```', ...FRAMES.map((f, i) => `${f}+0x${(0x20 + i * 8).toString(16)}`), '```'].join('\n');

function signature(title: string): string {
  return JSON.stringify({
    id: 'Q999001',
    title,
    source: 'curated',
    cause: 'A made-up queue pump frees its buffer twice.',
    traces: [FRAMES.map((f) => ({ module: f.split('!')[0], symbol: f.split('!')[1] }))],
  });
}

/**
 * Writes a store file the way a deploy tool does: whole, then renamed into place. An in-place write is
 * a truncate and a write, and on a loaded machine the watcher's quiet time can pass between the two, so
 * the test would see a reload of an empty file first and race the one that follows.
 */
async function writeWhole(path: string, text: string): Promise<void> {
  const staged = join(dataDir, `staged-${Date.now()}`);
  await writeFile(staged, text);
  await rename(staged, path);
}

let api: SlackWebApi;
let bot: KbbotProcess;
let store: string;
let dataDir: string;

beforeAll(async () => {
  api = await startSlackWebApi({ botToken: BOT_TOKEN });
  store = await mkdtemp(join(tmpdir(), 'kbbot-live-store-'));
  dataDir = await mkdtemp(join(tmpdir(), 'kbbot-live-data-'));
  await cp(fileURLToPath(new URL('../../signatures/Q272274.yml', import.meta.url)), join(store, 'Q272274.yml'));
  bot = await startKbbot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, KBBOT_STORE: store, KBBOT_DATA_DIR: dataDir });
}, 120_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  await api?.close();
  await Promise.all([store, dataDir].map((d) => d && rm(d, { recursive: true, force: true })));
});

/** Pastes the trace in a fresh message and returns the text of the bot's reply (or undefined after a while). */
async function replyToPaste(): Promise<string | undefined> {
  const ts = nextTs();
  await postSigned(bot.eventsUrl, eventCallback({ type: 'message', channel: 'C0LIVE', channel_type: 'im', user: 'U1', text: PASTE, ts }, `EvLive${ts}`), { secret: SIGNING_SECRET });
  for (let i = 0; i < 300; i += 1) {
    const call = api.okCallsTo('chat.postMessage').find((c) => c.params.thread_ts === ts);
    if (call) return String(call.params.text);
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

const loads = () => bot.logs.filter((l) => l.msg === 'signature store loaded').length;

describe('live signature updates', () => {
  it('answers with a fresh signature file as soon as it appears, without a restart', async () => {
    expect(await replyToPaste()).not.toContain('Q999001');
    const before = loads();
    await writeWhole(join(store, 'Q999001.json'), signature('WIDGET: queue pump crash (first version)'));
    await expect.poll(loads, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await replyToPaste()).toContain('Q999001');
  });

  it('keeps answering with the last good version of a file edited into an invalid one, and logs why', async () => {
    const before = loads();
    await writeWhole(join(store, 'Q999001.json'), '{ "id": "Q999001", "title": ');
    await expect.poll(loads, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(bot.logs.find((l) => l.msg === 'signature file invalid')).toMatchObject({ level: 'warn', path: join(store, 'Q999001.json'), keptLastGood: true });
    expect(await replyToPaste()).toContain('Q999001');
  });

  it('reloads on SIGHUP', async () => {
    const before = loads();
    bot.child.kill('SIGHUP');
    await expect.poll(loads, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(bot.logs.filter((l) => l.msg === 'signature store loaded').at(-1)).toMatchObject({ reason: 'SIGHUP', kept: 1 });
  });
});
