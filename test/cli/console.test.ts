import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/bot/index.js';
import { runConsole } from '../../src/cli/commands/console.js';
import { BOT_FIXTURES, loadFixtureKnowledge } from '../bot/knowledge.js';
import { SEED_TRACE, UNKNOWN_TRACE } from '../bot/traces.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadFixtureKnowledge();
});

/** Drives the console through streams: writes `script`, ends input, returns everything printed. */
async function converse(script: string, options: { channel?: boolean } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = runConsole({ input, output, getKnowledge: () => knowledge, storeDir: 'fixtures', ...(options.channel ? { channelType: 'channel' } : {}) });
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
