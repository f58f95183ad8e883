import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SignatureInput } from '../../src/model.js';
import { formatSignature, loadStore, writeSignature } from '../../src/store/index.js';

const sig: SignatureInput = {
  // Keys deliberately out of schema order: the file must not depend on how the object was built.
  source: 'ingest',
  files: [{ platform: 'i386', size: 561152, name: 'Emsmdb32.dll', version: '5.5.2654.3' }],
  title: 'Example written by ingest',
  id: 'Q123456',
  traces: [[{ offset: '0xb0', symbol: 'PUSH_NOTIFY::PushToClient', module: 'STORE' }]],
  fix: { summary: 'hotfix', kind: 'hotfix' },
};

describe('writeSignature', () => {
  it('writes <id>.json that loadStore reads back unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kbbot-write-'));
    const path = await writeSignature(dir, sig);
    expect(path).toBe(join(dir, 'Q123456.json'));
    const store = await loadStore(dir);
    expect(store.errors).toEqual([]);
    expect(store.signatures.get('Q123456')).toMatchObject({ title: sig.title, files: sig.files, traces: sig.traces });
  });

  it('writes keys in schema order with 2-space indentation, whatever order the input had', () => {
    const text = formatSignature(sig);
    expect(Object.keys(JSON.parse(text)).slice(0, 3)).toEqual(['id', 'title', 'product']);
    expect(text).toContain('\n  "id": "Q123456"');
    expect(text).toContain('{\n        "module": "STORE",\n        "symbol": "PUSH_NOTIFY::PushToClient",\n        "offset": "0xb0"');
    expect(text).toContain('"name": "Emsmdb32.dll",\n      "version": "5.5.2654.3",\n      "size": 561152,\n      "platform": "i386"');
    expect(formatSignature({ ...sig })).toBe(text);
  });

  it('leaves no temp file behind, and overwrites an earlier version in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kbbot-write-'));
    await writeSignature(dir, sig);
    await writeSignature(dir, { ...sig, title: 'Second version' });
    expect(await readdir(dir)).toEqual(['Q123456.json']);
    expect(JSON.parse(await readFile(join(dir, 'Q123456.json'), 'utf8')).title).toBe('Second version');
  });

  it('refuses a signature the schema rejects, naming the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kbbot-write-'));
    await expect(writeSignature(dir, { ...sig, published: '9/16/2000' })).rejects.toMatchObject({
      code: 'signature_invalid',
      details: { fields: [expect.stringMatching(/^published: /)] },
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
