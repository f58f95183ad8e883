import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/lookup.js';
import { captureIo } from './capture-io.js';

const good = join(fileURLToPath(new URL('../fixtures/store/', import.meta.url)), 'good');

async function lookup(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('kbbot lookup', () => {
  it.each([['Q100001'], ['KB100001'], ['100001'], ['https://support.microsoft.com/kb/100001'], ['http://support.microsoft.com/default.aspx?scid=kb;EN-US;Q100001']])(
    'finds the article from %s',
    async (ref) => {
      const { code, stdout } = await lookup(ref, '--store', good);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^\S+ \*Q100001 .*XADM: Example Store Crash in PUSH_EXAMPLE\*/);
    },
  );

  it('prints the card: product and date, fix, rollback warning, then the file table per platform', async () => {
    const { stdout } = await lookup('Q100001', '--store', good);
    expect(stdout).toContain('Microsoft Exchange 5.5 · published 2001-02-03');
    expect(stdout).toMatch(/Fix.*Made-up hotfix for tests\./);
    expect(stdout).toMatch(/Rollback.*Made-up floor\..*5\.5\.2652\.68/);
    expect(stdout).toMatch(/Files, i386:\*\n```\nFile +Version +Size +Date\nStore\.exe +5\.5\.2654\.3 +2,621,440 +2000-09-16\n```/);
  });

  it('shows the seed from the bundled store by default, with its packages and related article', async () => {
    const { code, stdout } = await lookup('KB272274');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Q272274 .*PUSH_NOTIFY/);
    expect(stdout).toMatch(/Rollback.*Store\.exe.*5\.5\.2652\.68/);
    expect(stdout).toMatch(/Q272274jpnI\.exe/);
    expect(stdout).toMatch(/Related to Q272274[^\n]*\n• Q244976/);
  });

  it('prints the signature as JSON with --json', async () => {
    const { code, stdout } = await lookup('100001', '--json', '--store', good);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'Q100001', files: [{ name: 'Store.exe', size: 2621440 }], source: 'curated' });
  });

  it('exits 1 with a message for an article the store does not hold', async () => {
    const { code, stdout, stderr } = await lookup('Q999999', '--store', good);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Q999999 is not in the store .*3 signatures/);
  });

  it('rejects something that is not a KB reference', async () => {
    await expect(run(['not-a-kb', '--store', good], captureIo())).rejects.toMatchObject({ code: 'bad_reference' });
  });
});
