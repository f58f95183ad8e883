import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignatureSchema } from '../../src/model.js';
import type { ArticleResult } from '../../src/store/ingest-article.js';
import { runIngest } from '../../src/store/ingest.js';

const fixture = (name: string) => new URL(`../fixtures/kb/${name}`, import.meta.url).pathname;

/** Three good articles, the flattened seed, one that is not an article and one without a title. */
function inputFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kbbot-ingest-in-'));
  for (const name of ['sna-hotfix.txt', 'winnt-stop.txt', 'word-latin1.txt']) copyFileSync(fixture(name), join(dir, name));
  copyFileSync(new URL('../fixtures/Q272274-flattened.txt', import.meta.url).pathname, join(dir, 'Q272274.txt'));
  writeFileSync(join(dir, 'notes.txt'), 'just some notes, no article here');
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'untitled.txt'), 'DOCUMENT:Q999999  01-JAN-2001  [winnt]\nTITLE   :\n');
  return dir;
}

describe.each([
  ['on the calling thread', 0],
  ['on a worker thread', 1],
])('runIngest %s', (_name, workers) => {
  it('writes one valid signature per article and counts the rejected ones by reason', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kbbot-ingest-out-'));
    const results: ArticleResult[] = [];
    const summary = await runIngest({ paths: [inputFolder()], outDir: out, workers, onResult: (r) => results.push(r) });

    expect(summary).toMatchObject({ read: 6, written: 4, rejected: 2, failed: 0, withTrace: 2, withTrace2: 2, withFiles: 1, withRollback: 2 });
    expect(summary.reasons).toEqual({ 'no DOCUMENT header': 1, 'no title': 1 });
    expect(readdirSync(out).sort()).toEqual(['Q190001.json', 'Q190002.json', 'Q272274.json', 'Q90003.json']);
    const seed = SignatureSchema.parse(JSON.parse(readFileSync(join(out, 'Q272274.json'), 'utf8')));
    expect(seed.files).toHaveLength(4);

    const seedResult = results.find((r) => r.id === 'Q272274');
    expect(seedResult).toMatchObject({ status: 'written', counts: { traces: 1, maxFrames: 4, files: 4, packages: 2, rollback: 1, related: 1 } });
    expect(results.find((r) => r.path.endsWith('untitled.txt'))).toMatchObject({ status: 'rejected', reason: 'no title' });
  });

  it('re-ingesting into a folder that holds signatures replaces them with the same text and leaves no temp files', async () => {
    const input = inputFolder();
    const fresh = mkdtempSync(join(tmpdir(), 'kbbot-ingest-out-'));
    await runIngest({ paths: [input], outDir: fresh, workers });
    const again = mkdtempSync(join(tmpdir(), 'kbbot-ingest-out-'));
    writeFileSync(join(again, 'Q272274.json'), '{"stale": true}\n');
    const summary = await runIngest({ paths: [input], outDir: again, workers });

    expect(summary.written).toBe(4);
    expect(readdirSync(again).sort()).toEqual(readdirSync(fresh).sort());
    for (const name of readdirSync(fresh)) expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(fresh, name), 'utf8'));
  });

  it('an article given twice into an empty folder leaves one whole signature', async () => {
    const input = inputFolder();
    const once = mkdtempSync(join(tmpdir(), 'kbbot-ingest-out-'));
    await runIngest({ paths: [input], outDir: once, workers });
    const twice = mkdtempSync(join(tmpdir(), 'kbbot-ingest-out-'));
    const summary = await runIngest({ paths: [input, input], outDir: twice, workers: workers === 0 ? 0 : 2 });

    expect(summary.written).toBe(8);
    expect(readdirSync(twice).sort()).toEqual(readdirSync(once).sort());
    for (const name of readdirSync(once)) expect(readFileSync(join(twice, name), 'utf8')).toBe(readFileSync(join(once, name), 'utf8'));
  });
});
