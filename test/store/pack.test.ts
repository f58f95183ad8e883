import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SignatureSchema, type Signature, type SignatureInput } from '../../src/model.js';
import { loadStore, runIngest, writePack } from '../../src/store/index.js';

const good = fileURLToPath(new URL('../fixtures/store/good/', import.meta.url));
const kbFixture = (name: string) => fileURLToPath(new URL(`../fixtures/kb/${name}`, import.meta.url));

const tempDir = () => mkdtempSync(join(tmpdir(), 'kbbot-pack-'));

const sig = (id: string, extra: Partial<SignatureInput> = {}): Signature =>
  SignatureSchema.parse({ id, title: `Article ${id}`, traces: [[{ module: 'STORE', symbol: `Fn${id}::Run`, offset: '0x10' }]], source: 'ingest', ...extra });

/** A pack of `count` signatures as text, and its path. */
async function packOf(count: number, name = 'store.jsonl'): Promise<{ path: string; text: string }> {
  const path = join(tempDir(), name);
  await writePack(path, Array.from({ length: count }, (_, i) => sig(`Q${100 + i}`)));
  return { path, text: name.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8') };
}

describe('a packed store holds the same signatures as the folder it was made from', () => {
  it.each(['store.jsonl', 'store.jsonl.gz'])('folder -> %s -> the same signatures, no errors', async (name) => {
    const folder = await loadStore(good);
    const path = join(tempDir(), name);
    await writePack(path, folder.signatures.values());
    const packed = await loadStore(path);
    expect(packed.errors).toEqual([]);
    expect(packed.signatures).toEqual(folder.signatures);
  });

  it('keeps text outside ASCII exactly, while the file itself is plain ASCII', async () => {
    const path = join(tempDir(), 'store.jsonl');
    const original = sig('Q1', { title: 'Café Straße: 日本語 ✓ 😀', symptoms: 'line one\nline two "quoted"' });
    await writePack(path, [original]);
    expect(readFileSync(path).every((byte) => byte < 0x80)).toBe(true);
    expect((await loadStore(path)).signatures.get('Q1')).toEqual(original);
  });

  it('writes the same bytes for the same signatures in any order (sorted by id)', async () => {
    const dir = tempDir();
    await writePack(join(dir, 'a.jsonl'), [sig('Q3'), sig('Q1'), sig('Q2')]);
    await writePack(join(dir, 'b.jsonl'), [sig('Q2'), sig('Q3'), sig('Q1')]);
    expect(readFileSync(join(dir, 'a.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'b.jsonl'), 'utf8'));
  });

  it('kbbot ingest into a pack gives the signatures an ingest into a folder gives', async () => {
    const input = tempDir();
    for (const name of ['sna-hotfix.txt', 'winnt-stop.txt', 'word-latin1.txt']) copyFileSync(kbFixture(name), join(input, name));
    const out = tempDir();
    const toFolder = await runIngest({ paths: [input], outDir: join(out, 'folder'), workers: 0 });
    const toPack = await runIngest({ paths: [input], outDir: join(out, 'archive.jsonl.gz'), workers: 1 });
    expect(toPack.written).toBe(3);
    expect({ ...toPack, seconds: 0 }).toEqual({ ...toFolder, seconds: 0 });
    const folder = await loadStore(join(out, 'folder'));
    const packed = await loadStore(join(out, 'archive.jsonl.gz'));
    expect(packed.errors).toEqual([]);
    expect(packed.signatures).toEqual(folder.signatures);
  });
});

describe('a damaged pack loads what it can and says what is wrong', () => {
  it('a pack cut mid-line keeps the signatures before the cut and reports the truncation', async () => {
    const { path, text } = await packOf(5);
    const cut = text.indexOf('Q103') + 20;
    writeFileSync(path, text.slice(0, cut));
    const store = await loadStore(path);
    expect([...store.signatures.keys()]).toEqual(['Q100', 'Q101', 'Q102']);
    expect(store.errors.find((e) => e.field === '(line)')?.message).toMatch(/cannot parse line 5/);
    const truncated = store.errors.find((e) => e.truncated);
    expect(truncated).toMatchObject({ path, field: '(pack)' });
    expect(truncated?.message).toMatch(/truncated: no end marker.*kept the 3 signature/);
  });

  it('a pack cut at a line boundary is caught by its missing end marker', async () => {
    const { path, text } = await packOf(4);
    writeFileSync(path, text.split('\n').slice(0, 3).join('\n') + '\n');
    const store = await loadStore(path);
    expect(store.signatures.size).toBe(2);
    expect(store.errors).toEqual([expect.objectContaining({ path, field: '(pack)', truncated: true, message: expect.stringMatching(/no end marker after line 3/) })]);
  });

  it('a line missing from the middle is caught by the end marker count', async () => {
    const { path, text } = await packOf(4);
    const lines = text.split('\n');
    lines.splice(2, 1);
    writeFileSync(path, lines.join('\n'));
    const store = await loadStore(path);
    expect(store.signatures.size).toBe(3);
    expect(store.errors[0]?.message).toMatch(/end marker counts 4 signature lines but the pack holds 3/);
  });

  it('a cut-short gzip pack keeps what was decompressed before the damage', async () => {
    const { path } = await packOf(3000, 'store.jsonl.gz');
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const store = await loadStore(path);
    expect(store.signatures.size).toBeGreaterThan(100);
    expect(store.signatures.size).toBeLessThan(3000);
    expect(store.errors.find((e) => e.field === '(pack)')?.message).toMatch(/unexpected end of file|truncated/);
  });

  it('corrupt bytes inside a gzip pack are reported, and what came before is kept', async () => {
    const { path } = await packOf(3000, 'store.jsonl.gz');
    const bytes = Buffer.from(readFileSync(path));
    bytes.fill(0x55, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64);
    writeFileSync(path, bytes);
    const store = await loadStore(path);
    expect(store.signatures.size).toBeLessThan(3000);
    expect(store.errors.some((e) => e.field === '(pack)' && e.truncated)).toBe(true);
  });

  it('names a bad signature line by pack and id, and the field at fault; the others load', async () => {
    const { path, text } = await packOf(3);
    writeFileSync(path, text.replace('"title":"Article Q101"', '"title":"Article Q101","symptom":"typo"').replace('"eventIds":[]', '"eventIds":["x"]'));
    const store = await loadStore(path);
    expect(store.errors).toEqual([
      { path: `${path}#Q100`, id: 'Q100', field: 'eventIds.0', message: expect.stringMatching(/expected number/) },
      { path: `${path}#Q101`, id: 'Q101', field: 'symptom', message: 'unknown field (misspelt?)' },
    ]);
    expect([...store.signatures.keys()]).toEqual(['Q102']);
  });

  it('names a line that is not JSON by its number, and a repeated id by both lines', async () => {
    const { path, text } = await packOf(2);
    const lines = text.split('\n');
    lines.splice(2, 0, '{not json', lines[1] as string);
    lines[lines.length - 2] = '{"kbbot":"end","signatures":4}';
    writeFileSync(path, lines.join('\n'));
    const store = await loadStore(path);
    expect(store.errors).toEqual([
      expect.objectContaining({ path: `${path}#line 3`, field: '(line)', message: expect.stringMatching(/cannot parse line 3/) }),
      expect.objectContaining({ path: `${path}#Q100`, field: 'id', message: 'duplicate id Q100 on line 4: already read on line 2' }),
    ]);
    expect(store.signatures.size).toBe(2);
  });

  it('says when a .jsonl file is not a kbbot pack at all', async () => {
    const path = join(tempDir(), 'other.jsonl');
    writeFileSync(path, '{"event":"something else"}\n');
    const store = await loadStore(path);
    expect(store.signatures.size).toBe(0);
    expect(store.errors.map((e) => e.message).join('\n')).toMatch(/not a kbbot pack/);
  });

  it('refuses a store that is neither a folder nor a pack, naming it', async () => {
    const path = join(tempDir(), 'store.txt');
    writeFileSync(path, 'hello');
    await expect(loadStore(path)).rejects.toMatchObject({ code: 'store_unreadable', message: expect.stringMatching(/not a folder, nor a pack/) });
  });

  it('a gzip pack that is not gzip at all is reported, not thrown', async () => {
    const path = join(tempDir(), 'store.jsonl.gz');
    writeFileSync(path, 'plain text, not gzip\n');
    const store = await loadStore(path);
    expect(store.signatures.size).toBe(0);
    expect(store.errors[0]).toMatchObject({ path, field: '(pack)', truncated: true });
  });
});
