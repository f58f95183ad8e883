import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
// tsx by file URL: `--import tsx` would resolve from the cwd, which is deliberately outside the package.
const tsxLoader = pathToFileURL(`${root}node_modules/tsx/dist/loader.mjs`).href;

/** Runs the CLI as a user would (through tsx, so no build is needed), from a cwd outside the package. */
async function kbbot(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return kbbotWith({}, ...args);
}

/** The same, with extra environment variables (Slack settings a user happens to have exported). */
async function kbbotWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', tsxLoader, `${root}src/cli/main.ts`, ...args], {
      cwd: '/',
      env: { ...process.env, NODE_OPTIONS: '', KBBOT_STORE: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('kbbot validate and lookup as processes', () => {
  it('looks up the seed from the bundled store whatever the cwd', async () => {
    const { code, stdout } = await kbbot('lookup', 'Q272274');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Q272274 .*PUSH_NOTIFY/);
  });

  it('exits 2 with a one-line usage message on a bad option', async () => {
    const { code, stderr } = await kbbot('validate', '--bogus');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kbbot validate: .*--bogus.*\(see kbbot validate --help\)\n$/);
  });

  it('exits 1 when validate finds an invalid file', async () => {
    const { code, stdout } = await kbbot('validate', '--store', `${root}test/fixtures/store/bad`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/9 invalid\n$/);
  });
});

describe('exit codes and settings as the README documents them', () => {
  const paste = `${root}test/fixtures/Q272274-flattened.txt`;
  const bad = `${root}test/fixtures/store/bad`;

  it.each([
    ['a missing file to match is a failure (1), not a usage mistake', {}, ['match', '/nonexistent/missing.txt'], 1, /^kbbot match: cannot read \/nonexistent\/missing.txt: no such file\n$/],
    ['an unreadable store is a failure (1)', {}, ['lookup', 'Q272274', '--store', '/nonexistent/store'], 1, /^kbbot lookup: cannot read store \/nonexistent\/store/],
    ['a bad reference is a failure (1)', {}, ['lookup', 'not-a-kb'], 1, /'not-a-kb' is not a KB reference/],
    ['a missing argument is wrong usage (2)', {}, ['lookup'], 2, /missing argument/],
    ['validate ignores an app token without a bot token', { SLACK_APP_TOKEN: 'xapp-1' }, ['validate'], 0, /^$/],
    ['lookup ignores a malformed bot token', { SLACK_BOT_TOKEN: 'not-a-token' }, ['lookup', 'Q272274'], 0, /^$/],
    ['match ignores a bad PORT', { PORT: 'eighty', SLACK_SIGNING_SECRET: 's' }, ['match', paste], 0, /^$/],
    ['start still refuses an app token without a bot token, naming the variable', { SLACK_APP_TOKEN: 'xapp-1' }, ['start'], 1, /^kbbot start: SLACK_BOT_TOKEN is missing/],
  ])('%s', async (_name, env, args, code, stderr) => {
    const run = await kbbotWith(env, ...args);
    expect(run.stderr).toMatch(stderr);
    expect(run.code).toBe(code);
  });

  it.each([
    ['lookup', ['lookup', 'Q1', '--store', bad]],
    ['match', ['match', paste, '--store', bad]],
    ['search', ['search', 'anything', '--store', bad]],
  ])('%s loads the store the same way: one warning line naming how many invalid files and what to run', async (command, args) => {
    const run = await kbbot(...args);
    expect(run.stderr.split('\n')[0]).toBe(`kbbot ${command}: warning: 9 invalid signature file(s) skipped; run kbbot validate --store ${bad}`);
  });
});

describe('a team folder layered on the store for the offline commands', () => {
  it('answers a paste recorded with kbbot add from KBBOT_TEAM_STORE, and looks the issue up', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const team = await mkdtemp(join(tmpdir(), 'kbbot-team-cli-'));
    const paste = `${root}test/fixtures/traces/java/droidbeard-show-fragment.a.txt`;
    try {
      const added = await kbbot('add', '--store', team, '--title', 'Show fragment crashes on rotate', '--cause', 'the fragment outlives its activity', paste);
      expect(added.code).toBe(0);
      const id = added.stdout.trim();
      expect(id).toMatch(/^KI-\d+$/);

      const bundledOnly = await kbbot('match', paste);
      expect(bundledOnly.stdout).toMatch(/^verdict: none$/m);
      const layered = await kbbotWith({ KBBOT_TEAM_STORE: team }, 'match', `${root}test/fixtures/traces/java/droidbeard-show-fragment.b.txt`);
      expect(layered.stdout).toMatch(/^verdict: match$/m);
      expect(layered.stdout).toContain(`1. ${id} `);
      const looked = await kbbotWith({ KBBOT_TEAM_STORE: team }, 'lookup', id);
      expect(looked.code).toBe(0);
      expect(looked.stdout).toContain('the fragment outlives its activity');
    } finally {
      await rm(team, { recursive: true, force: true });
    }
  });
});
