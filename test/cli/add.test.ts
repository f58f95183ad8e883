import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/add.js';
import { buildIndex, matchMessage } from '../../src/match/index.js';
import { loadStore } from '../../src/store/index.js';
import { parseMessage } from '../../src/trace/index.js';
import { captureIo } from './capture-io.js';

const FIRST = [
  'java.lang.NullPointerException',
  '\tat org.jabref.gui.DuplicateResolverDialog.init(DuplicateResolverDialog.java:66)',
  '\tat org.jabref.gui.DuplicateSearch.askResolveStrategy(DuplicateSearch.java:125)',
  '\tat org.jabref.gui.DuplicateSearch.lambda$verifyDuplicates$1(DuplicateSearch.java:117)',
  '\tat java.lang.Thread.run(Thread.java:748)',
].join('\n');
const SECOND = '\tat org.jabref.gui.DuplicateSearch.askResolveStrategy(DuplicateSearch.java:126)\n\tat org.jabref.gui.DuplicateSearch.lambda$verifyDuplicates$2(DuplicateSearch.java:118)\n\tat java.lang.Thread.run(Thread.java:748)';

function pasteFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kbbot-add-')), 'paste.txt');
  writeFileSync(file, text);
  return file;
}

describe('kbbot add', () => {
  it('records a paste as KI-1 from its identifying frames, and a later report of the crash matches it', async () => {
    const store = mkdtempSync(join(tmpdir(), 'kbbot-add-store-'));
    const io = captureIo();
    const code = await run(['--store', store, '--title', 'NPE in duplicate search', '--fix', 'upgrade to 4.3', pasteFile(FIRST)], io);
    expect(code).toBe(0);
    expect(io.stdout()).toBe('KI-1\n');
    const loaded = await loadStore(store);
    const sig = loaded.signatures.get('KI-1');
    // generic frames (java.lang.Thread.run) are left out; line numbers never reach the file
    expect(sig?.traces[0]?.map((f) => `${f.module}.${f.symbol}`)).toEqual([
      'org.jabref.gui.DuplicateResolverDialog.init', 'org.jabref.gui.DuplicateSearch.askResolveStrategy', 'org.jabref.gui.DuplicateSearch.lambda$verifyDuplicates$1',
    ]);
    const result = matchMessage(buildIndex([...loaded.signatures.values()]), parseMessage(SECOND));
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('KI-1');
  });

  it('refuses a paste without a stack trace: exit 1 and a message saying why', async () => {
    const store = mkdtempSync(join(tmpdir(), 'kbbot-add-store-'));
    const io = captureIo();
    expect(await run(['--store', store, '--title', 'x', pasteFile('the importer crashed again, any idea?')], io)).toBe(1);
    expect(io.stderr()).toContain('no stack trace found');
    expect((await loadStore(store)).signatures.size).toBe(0);
  });

  it('refuses a paste of generic frames only', async () => {
    const io = captureIo();
    const code = await run(['--store', mkdtempSync(join(tmpdir(), 'kbbot-add-store-')), '--title', 'x', pasteFile('\tat java.lang.Thread.run(Thread.java:748)\n\tat java.lang.reflect.Method.invoke(Method.java:498)')], io);
    expect(code).toBe(1);
    expect(io.stderr()).toContain('all generic');
  });

  it.each([
    [['--store', '/tmp/x'], '--title is required'],
    [['--store', '/tmp/x', '--title', 't', '--fix-kind', 'magic'], '--fix-kind magic'],
  ])('rejects wrong usage %j', async (argv, message) => {
    await expect(run(argv, captureIo())).rejects.toThrow(message);
  });
});
