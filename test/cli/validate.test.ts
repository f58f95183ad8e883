import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/validate.js';
import { captureIo } from './capture-io.js';

const fixtures = fileURLToPath(new URL('../fixtures/store/', import.meta.url));

describe('kbbot validate', () => {
  it('exits 0 on a good store and prints a summary', async () => {
    const io = captureIo();
    expect(await run(['--store', join(fixtures, 'good')], io)).toBe(0);
    expect(io.stdout()).toMatch(/3 files, 3 valid \(1 with traces\), 0 invalid\n$/);
  });

  it('exits 1 on a store with invalid files, naming each file and its bad field', async () => {
    const io = captureIo();
    expect(await run(['--store', join(fixtures, 'bad')], io)).toBe(1);
    const out = io.stdout();
    for (const [file, field] of [
      ['Q2.json', 'files.2.size'],
      ['Q3.json', 'title'],
      ['Q5.yml', 'published'],
      ['Q7.yml', '(file)'],
      ['Q8.json', 'id'],
    ]) {
      expect(out).toMatch(new RegExp(`${file}\\n(  .*\\n)*  ${(field ?? '').replace(/[.()]/g, '\\$&')}: `));
    }
    expect(out).toMatch(/10 files, 1 valid \(0 with traces\), 9 invalid\n$/);
  });

  it('exits 1 and says so when the store holds no signature files', async () => {
    const io = captureIo();
    expect(await run(['--store', await mkdtemp(join(tmpdir(), 'kbbot-empty-'))], io)).toBe(1);
    expect(io.stderr()).toMatch(/no signature files/);
  });

  it('validates the bundled signatures/ by default', async () => {
    const io = captureIo();
    expect(await run([], io)).toBe(0);
    expect(io.stdout()).toMatch(/ 0 invalid\n$/);
  });

  it('prints its help with --help', async () => {
    const io = captureIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^usage: kbbot validate \[--store DIR\]/);
  });
});
