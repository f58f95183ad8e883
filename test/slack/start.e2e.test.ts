/**
 * `kbbot start` as a process: the mode comes from the environment, a configuration mistake is one line
 * naming the variable (never its value), HTTP mode serves signed events against the Web API stand-in,
 * and SIGTERM shuts it down cleanly.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run as runStart } from '../../src/cli/commands/start.js';
import { postSigned } from '../support/sign.js';
import { startSlackWebApi } from '../support/slack-web-api.js';
import { BOT_TOKEN, SIGNING_SECRET, TRACE, eventCallback, userMessage } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLACK_VARS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL', 'REDIS_URL', 'PORT'];
const dirs: string[] = [];

afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function startProcess(env: Record<string, string>): ChildProcessWithoutNullStreams {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SLACK_VARS.includes(k))) as Record<string, string>;
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], { cwd: ROOT, env: { ...base, ...env } });
}

function collect(child: ChildProcessWithoutNullStreams): { out: () => string; err: () => string; exit: Promise<number | null> } {
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { out: () => out, err: () => err, exit };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('kbbot start', () => {
  it.each([
    ['a bot token without an app token or signing secret', { SLACK_BOT_TOKEN: 'xoxb-do-not-print-me' }, 'SLACK_APP_TOKEN'],
    ['an app token that is not one', { SLACK_BOT_TOKEN: 'xoxb-do-not-print-me', SLACK_APP_TOKEN: 'xoxb-do-not-print-me-either' }, 'SLACK_APP_TOKEN'],
    ['a port that is not a number', { SLACK_BOT_TOKEN: 'xoxb-do-not-print-me', SLACK_SIGNING_SECRET: 's3cret-do-not-print', PORT: 'eighty' }, 'PORT'],
  ])('refuses %s with one line naming the variable, never its value', async (_name, env, variable) => {
    for (const name of SLACK_VARS) vi.stubEnv(name, undefined);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    let out = '';
    let err = '';
    const code = await runStart([], { out: (t) => void (out += t), err: (t) => void (err += t) });
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(err + out).not.toContain('do-not-print');
  });

  it('without credentials opens the offline console and says so', async () => {
    const proc = startProcess({});
    const child = collect(proc);
    proc.stdin.end('Q272274\n\n:quit\n');
    expect(await child.exit).toBe(0);
    expect(child.out()).toContain('OFFLINE');
    expect(child.out()).toContain('Information Store Stops Responding');
  }, 60_000);

  it('in HTTP mode answers a signed event through SLACK_API_URL and stops cleanly on SIGTERM', async () => {
    const api = await startSlackWebApi({ botToken: BOT_TOKEN });
    const dataDir = await mkdtemp(join(tmpdir(), 'kbbot-start-'));
    dirs.push(dataDir);
    const proc = startProcess({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, PORT: '0', KBBOT_DATA_DIR: dataDir });
    const child = collect(proc);
    try {
      // Loose bound: a cold tsx start on a busy 2-core machine.
      await expect.poll(() => /"msg":"kbbot connected to Slack".*"port":(\d+)/.exec(child.err()), { timeout: 45_000 }).not.toBeNull();
      const port = /"msg":"kbbot connected to Slack".*"port":(\d+)/.exec(child.err())![1];
      const msg = userMessage({ text: TRACE });
      const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, eventCallback(msg, 'EvSTART1'), { secret: SIGNING_SECRET });
      expect(res.status).toBe(200);
      const posts = await api.waitForCalls('chat.postMessage', 1, 10_000);
      expect(posts[0]!.params).toMatchObject({ thread_ts: msg.ts });
      proc.kill('SIGTERM');
      expect(await child.exit).toBe(0);
      expect(child.err()).toContain('"msg":"stopped"');
      expect(child.err()).not.toContain(SIGNING_SECRET);
      expect(child.err()).not.toContain(BOT_TOKEN);
    } finally {
      proc.kill('SIGKILL');
      await api.close();
    }
  }, 90_000);
});
