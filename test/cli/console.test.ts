import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/bot/index.js';
import { runConsole } from '../../src/cli/commands/console.js';
import { FolderTeamStore } from '../../src/store/team.js';
import { BOT_FIXTURES, loadFixtureKnowledge } from '../bot/knowledge.js';
import { SEED_TRACE, UNKNOWN_TRACE } from '../bot/traces.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadFixtureKnowledge();
});

/** Drives the console through streams: writes `script`, ends input, returns everything printed. */
async function converse(script: string, options: { channel?: boolean; teamDir?: string } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const team = options.teamDir === undefined ? undefined : { base: knowledge, open: () => FolderTeamStore.open(options.teamDir!) };
  const done = runConsole({ input, output, getKnowledge: () => knowledge, storeDir: 'fixtures', ...(options.channel ? { channelType: 'channel' } : {}), ...(team ? { team } : {}) });
  input.end(script);
  await done;
  return printed;
}

/** The answers, split at each `kbbot (` heading. */
function answers(printed: string): string[] {
  return printed.split(/^(?=kbbot \(|\(kbbot stays silent)/m).slice(1);
}

describe('kbbot console', () => {
  it('says it runs offline and which variables would connect it to Slack', async () => {
    const printed = await converse(':quit\n');
    expect(printed).toContain('OFFLINE');
    expect(printed).toMatch(/SLACK_BOT_TOKEN plus SLACK_APP_TOKEN \(Socket Mode\)/);
    expect(printed).toMatch(/SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET \(HTTP mode/);
    expect(printed).toContain('4 articles');
  });

  it('keeps one thread: a pasted trace, then follow-ups, buttons and a new thread', async () => {
    const script = [SEED_TRACE, '', 'files for alpha?', '', 'we run store.exe 5.5.2653.12', '', ':why', ':wrong', ':new', 'files for alpha?', '', ':quit', 'never read', ''].join('\n');
    const [match, files, version, why, wrong, afterNew, ...rest] = answers(await converse(script));
    expect(match).toMatch(/^kbbot \(in the thread, match\):\n🔎 \*Q272274 /);
    expect(match).toContain('⚠ *Rollback:*');
    expect(files).toContain('Files, alpha:');
    expect(files).not.toContain('Files, i386:');
    expect(version).toContain('not fixed yet');
    expect(version).toContain('5.5.2652.68');
    expect(why).toMatch(/0 {2}store!push_notify::pushtoclient\s+✓ 0 STORE!PUSH_NOTIFY::PushToClient/);
    expect(wrong).toContain('updates its reply');
    expect(wrong).toContain('(feedback recorded: Q272274 was wrong)');
    // A new thread has no match to ask about: the DM-like console explains what it does instead.
    expect(afterNew).toContain('kbbot (in the thread, help):');
    expect(afterNew).not.toContain('Files, alpha:');
    expect(rest).toEqual([]);
  });

  it.each([
    ['/kb Q272274', 'only you see this, article', '[Share in channel]'],
    ['/kb search information store', 'only you see this, search', 'Q272274'],
    ['/kb mute', 'only you see this, notice', 'Muted'],
    [`/kb ${SEED_TRACE}`, 'only you see this, match', 'Q272274'],
  ])('runs %s', async (command, heading, shown) => {
    const [answer] = answers(await converse(`${command}\n\n`));
    expect(answer).toContain(`kbbot (${heading}):`);
    expect(answer).toContain(shown);
  });

  it('stays silent on an unknown trace when acting as a channel, and answers in a DM', async () => {
    expect(answers(await converse(`${UNKNOWN_TRACE}\n`, { channel: true }))).toEqual(['(kbbot stays silent)\n']);
    expect(answers(await converse(`${UNKNOWN_TRACE}\n`))[0]).toContain('No known KB article matches this');
  });

  it('reads a paste with Windows line endings and no blank line before the end of input', async () => {
    const [answer] = answers(await converse(SEED_TRACE.replaceAll('\n', '\r\n')));
    expect(answer).toContain('Q272274');
  });

  it('ends a typed message when nothing more arrives for a moment', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const done = runConsole({ input, output, getKnowledge: () => knowledge, pasteIdleMs: 30 });
    input.write('KB272274\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(printed).toContain('kbbot (in the thread, article):');
    input.end(':quit\n');
    await done;
  });

  it('runs as a command on stdin and stdout', () => {
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main, 'console', '--store', BOT_FIXTURES], {
      input: `${SEED_TRACE}\n\ncan I roll back?\n\n:quit\n`,
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Known issue, confidence');
    expect(result.stdout).toContain('Before rolling back');
  });
});

describe('kbbot console :record', () => {
  const teamDir = (): string => join(mkdtempSync(join(tmpdir(), 'kbbot-console-team-')), 'team');
  const RECORD = ':record Foo crashes in Bar | cause: a null Baz handle | fix kind: workaround | fix: restart the foo service | fixed in: foo.dll 1.2.3';

  it('records the paste as a known issue that the next paste of the crash is answered with', async () => {
    const dir = teamDir();
    const script = [UNKNOWN_TRACE, '', RECORD, ':new', UNKNOWN_TRACE, '', ':quit', ''].join('\n');
    const [none, afterNew] = answers(await converse(script, { teamDir: dir }));
    expect(none).toContain('No known KB article matches this');
    expect(none).toContain('Recorded as KI-1 by @console: Foo crashes in Bar');
    // The console has no /kb edit or /kb retire of its own: the notice says where they are done.
    expect(none).toContain('edit or retire it in Slack (`/kb edit KI-1`, `/kb retire KI-1`) or by hand in the team folder');
    expect(afterNew).toMatch(/^kbbot \(in the thread, match\):\n🔎 \*KI-1 Foo crashes in Bar\*/);
    expect(afterNew).toContain('a null Baz handle');
    expect(afterNew).toContain('restart the foo service');
    const saved = await new FolderTeamStore(dir).get('KI-1');
    expect(saved?.traces).toEqual([[{ module: 'FOO', symbol: 'Bar' }, { module: 'FOO', symbol: 'Baz' }, { module: 'FOO', symbol: 'Qux' }]]);
    expect(saved?.files).toEqual([{ name: 'foo.dll', version: '1.2.3' }]);
  });

  it('shows what it would record and how, and leaves out the frames dropped', async () => {
    const dir = teamDir();
    const printed = await converse([':record', UNKNOWN_TRACE, '', ':record', ':record Foo crashes in Bar | drop: 1', ''].join('\n'), { teamDir: dir });
    expect(printed).toContain('(nothing to record yet: paste the crash first');
    expect(printed).toMatch(/recognised by\n {3}1 FOO!Bar\n {3}2 FOO!Baz\n {3}3 FOO!Qux\n:record title: /);
    expect(printed).toContain('Recorded as KI-1');
    expect((await new FolderTeamStore(dir).get('KI-1'))?.traces).toEqual([[{ module: 'FOO', symbol: 'Baz' }, { module: 'FOO', symbol: 'Qux' }]]);
  });

  it.each([
    ['no title', ':record cause: a null Baz', 'title: Give the issue a title.'],
    ['an unknown fix kind', ':record Foo crashes | fix kind: reboot', 'fix kind: Choose what kind of fix it is'],
    ['a file without a version', ':record Foo crashes | fixed in: foo.dll', 'fixed in: Line 1 ("foo.dll"): write a file or product and its version'],
    ['a link that is none', ':record Foo crashes | links: see the wiki', 'links: Line 1 ("see the wiki") is not a link'],
    ['every frame dropped', ':record Foo crashes | drop: 1, 2, 3', 'Keep at least one frame or code'],
    ['a frame number out of range', ':record Foo crashes | drop: 4', 'drop: "4" is not the number of a frame or code (1 to 3)'],
    ['a part without a field name', ':record Foo crashes | a null Baz', '"a null Baz": name the field'],
    ['a field given twice', ':record title: Foo | title: Bar', 'title: given twice'],
  ])('refuses %s, naming the field, and writes nothing', async (_name, line, error) => {
    const dir = teamDir();
    const printed = await converse([UNKNOWN_TRACE, '', line, ''].join('\n'), { teamDir: dir });
    expect(printed).toContain('Not recorded:');
    expect(printed).toContain(error);
    expect(readdirSync(join(dir, '..'))).toEqual([]);
  });

  it('says recording is not set up when the console has no team folder, and :help lists :record', async () => {
    const printed = await converse([UNKNOWN_TRACE, '', RECORD, ':help', ''].join('\n'));
    expect(printed).toContain('(recording known issues is not set up on this console)');
    expect(printed).toMatch(/^:record +record the paste as a known issue/m);
  });

  it('records from kbbot console into KBBOT_TEAM_STORE and answers the next paste from it', { timeout: 90_000 }, () => {
    const dir = teamDir();
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main, 'console', '--store', BOT_FIXTURES], {
      input: `${UNKNOWN_TRACE}\n\n${RECORD}\n:new\n${UNKNOWN_TRACE}\n\n:quit\n`,
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', KBBOT_TEAM_STORE: dir },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Recorded as KI-1');
    expect(result.stdout).toContain('🔎 *KI-1 Foo crashes in Bar*');
    expect(readdirSync(dir)).toContain('KI-1.yml');
  });
});
