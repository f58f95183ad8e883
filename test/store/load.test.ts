import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadStore } from '../../src/store/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/store/', import.meta.url));
const good = join(fixtures, 'good');
const bad = join(fixtures, 'bad');

describe('loadStore on a good store', () => {
  it('loads .json, .yml and .yaml files, sub-folders included, and ignores other files', async () => {
    const store = await loadStore(good);
    expect(store.errors).toEqual([]);
    expect([...store.signatures.keys()].sort()).toEqual(['Q100001', 'Q100002', 'Q100003']);
  });

  it('applies schema defaults to fields a hand-written file leaves out', async () => {
    const sig = (await loadStore(good)).signatures.get('Q100002');
    expect(sig).toMatchObject({ title: 'Example: Only the Required Fields', traces: [], files: [], fix: { kind: 'unknown' }, source: 'ingest' });
  });

  it('keeps the facts of a full signature', async () => {
    const sig = (await loadStore(good)).signatures.get('Q100001');
    expect(sig?.traces[0]?.[0]).toEqual({ module: 'STORE', symbol: 'PUSH_EXAMPLE::Send', offset: '0x10' });
    expect(sig?.files[0]?.size).toBe(2621440);
    expect(sig?.rollback[0]?.minVersion).toBe('5.5.2652.68');
  });
});

describe('loadStore on a store with one mistake per file', () => {
  it.each([
    ['Q1.yml', 'id', /duplicate id Q1: already loaded from Q1\.json$/],
    ['Q2.json', 'files.2.size', /expected number/],
    ['Q3.json', 'title', /expected string/],
    ['Q4.json', 'id', /Q followed by digits/],
    ['Q5.yml', 'published', /ISO date/],
    ['Q6.json', '(file)', /cannot parse/],
    ['Q7.yml', '(file)', /cannot parse/],
    ['Q8.json', 'id', /does not match the file name/],
    ['Q9.json', 'symptom', /unknown field/],
  ])('reports %s by path and field %s', async (file, field, message) => {
    const store = await loadStore(bad);
    const errors = store.errors.filter((e) => e.path === join(bad, file));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe(field);
    expect(errors[0]?.message).toMatch(message);
  });

  it('still loads the good file, and only it', async () => {
    const store = await loadStore(bad);
    expect([...store.signatures.keys()]).toEqual(['Q1']);
    expect(store.signatures.get('Q1')?.title).toBe('The one good file');
    expect(new Set(store.errors.map((e) => e.path)).size).toBe(9);
  });
});

describe('loadStore on an unusable folder', () => {
  it('throws store_unreadable for a folder that does not exist', async () => {
    await expect(loadStore(join(fixtures, 'no-such-folder'))).rejects.toMatchObject({ code: 'store_unreadable' });
  });

  it('skips dot-files, such as the temp file of a write in progress', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kbbot-store-'));
    await writeFile(join(dir, '.Q5.json.123.tmp'), '{ half written');
    await writeFile(join(dir, '.Q6.json'), '{}');
    const store = await loadStore(dir);
    expect(store.errors).toEqual([]);
    expect(store.signatures.size).toBe(0);
  });
});
