import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceToId, run } from '../../src/cli/commands/lookup.js';
import { captureIo } from './capture-io.js';

const good = join(fileURLToPath(new URL('../fixtures/store/', import.meta.url)), 'good');

describe('referenceToId', () => {
  it.each([
    ['Q272274', 'Q272274'],
    ['KB272274', 'Q272274'],
    ['kb272274', 'Q272274'],
    ['272274', 'Q272274'],
    [' Q10022 ', 'Q10022'],
    ['https://support.microsoft.com/kb/272274', 'Q272274'],
    ['https://support.microsoft.com/en-us/help/272274/xadm-information-store-stops', 'Q272274'],
    ['http://support.microsoft.com/default.aspx?scid=kb;EN-US;Q272274', 'Q272274'],
    ['support.microsoft.com/kb/272274/en-us', 'Q272274'],
  ])('reads %s as %s', (ref, id) => {
    expect(referenceToId(ref)).toBe(id);
  });

  it.each([['hello'], ['https://example.com/kb/272274'], ['Q'], ['Q123456789']])('rejects %s', (ref) => {
    expect(referenceToId(ref)).toBeUndefined();
  });
});

describe('kbbot lookup', () => {
  it('prints the card: title, product, published, rollback warning before the cause, files per platform, trace', async () => {
    const io = captureIo();
    expect(await run(['KB100001', '--store', good], io)).toBe(0);
    const card = io.stdout();
    expect(card).toMatch(/^Q100001  XADM: Example Store Crash in PUSH_EXAMPLE\n/);
    expect(card).toContain('Microsoft Exchange | versions 5.5 | published 2001-02-03');
    expect(card).toMatch(/ROLLBACK WARNING: Made-up floor\. \[Store\.exe cannot go below 5\.5\.2652\.68\]/);
    expect(card.indexOf('ROLLBACK')).toBeLessThan(card.indexOf('Fix: hotfix'));
    expect(card).toMatch(/ {2}i386\n {4}Store\.exe\s+5\.5\.2654\.3\s+2,621,440\s+2000-09-16/);
    expect(card).toContain('    STORE!PUSH_EXAMPLE::Send+0x10\n    KERNEL32!BaseThreadStart+0x64');
  });

  it('prints the signature as JSON with --json', async () => {
    const io = captureIo();
    expect(await run(['100001', '--json', '--store', good], io)).toBe(0);
    const sig = JSON.parse(io.stdout());
    expect(sig).toMatchObject({ id: 'Q100001', files: [{ name: 'Store.exe', size: 2621440 }], source: 'curated' });
  });

  it('shows the seed from the bundled store by default', async () => {
    const io = captureIo();
    expect(await run(['https://support.microsoft.com/kb/272274'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^Q272274 .*PUSH_NOTIFY/);
    expect(io.stdout()).toMatch(/Store\.exe cannot go below 5\.5\.2652\.68/);
  });

  it('exits 1 with a message for an article the store does not hold', async () => {
    const io = captureIo();
    expect(await run(['Q999999', '--store', good], io)).toBe(1);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/Q999999 is not in the store .*3 signatures/);
  });

  it('rejects something that is not a KB reference', async () => {
    await expect(run(['not-a-kb', '--store', good], captureIo())).rejects.toMatchObject({ code: 'bad_reference' });
  });
});
