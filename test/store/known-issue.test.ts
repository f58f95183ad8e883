import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KbBotError } from '../../src/errors.js';
import type { Trace } from '../../src/model.js';
import { addKnownIssue, loadStore, nextTeamId, storeFormatOf } from '../../src/store/index.js';
import { FolderTeamStore } from '../../src/store/team.js';

const TRACE: Trace = [
  { module: 'com.acme.Importer', symbol: 'run', lang: 'java' },
  { module: 'com.acme.Main', symbol: 'main', lang: 'java' },
];

const tempStore = (): string => mkdtempSync(join(tmpdir(), 'kbbot-ki-'));

describe('nextTeamId', () => {
  it.each([
    [[], 'KI-1'],
    [['Q272274', 'Q10022'], 'KI-1'],
    [['KI-1', 'KI-2', 'Q5'], 'KI-3'],
    [['KI-9', 'KI-2'], 'KI-10'],
  ])('after %j is %s', (ids, next) => {
    expect(nextTeamId(ids)).toBe(next);
  });
});

describe('storeFormatOf', () => {
  it('writes YAML into a hand-written YAML store and JSON into an ingested one', () => {
    expect(storeFormatOf(['Q1.yml', 'Q2.yaml', 'Q3.json'])).toBe('yaml');
    expect(storeFormatOf(['Q1.json', 'Q2.json', 'Q3.yml'])).toBe('json');
    expect(storeFormatOf([])).toBe('json');
  });
});

describe('addKnownIssue', () => {
  it('numbers issues KI-1, KI-2, ... and writes files the store loads back', async () => {
    const dir = tempStore();
    const first = await addKnownIssue(dir, { title: 'Importer NPE', traces: [TRACE], fix: 'restart the importer' });
    const second = await addKnownIssue(dir, { title: 'Another', cause: 'a race', fixKind: 'upgrade', traces: [TRACE] });
    expect([first.id, second.id]).toEqual(['KI-1', 'KI-2']);
    const store = await loadStore(dir);
    expect(store.errors).toEqual([]);
    const ki1 = store.signatures.get('KI-1');
    expect(ki1?.traces).toEqual([TRACE]);
    expect(ki1?.fix).toEqual({ kind: 'workaround', summary: 'restart the importer' });
    expect(store.signatures.get('KI-2')?.fix.kind).toBe('upgrade');
  });

  it("follows the store's format: a YAML store gets a .yml file", async () => {
    const dir = tempStore();
    writeFileSync(join(dir, 'Q272274.yml'), readFileSync(new URL('../../signatures/Q272274.yml', import.meta.url)));
    const { id, path } = await addKnownIssue(dir, { title: 'YAML team issue', traces: [TRACE] });
    expect(path.endsWith(`${id}.yml`)).toBe(true);
    expect((await loadStore(dir)).signatures.get(id)?.title).toBe('YAML team issue');
  });

  it('takes a chosen id, and refuses one already in the store', async () => {
    const dir = tempStore();
    expect((await addKnownIssue(dir, { title: 'x', id: 'KI-7', traces: [TRACE] })).id).toBe('KI-7');
    expect((await addKnownIssue(dir, { title: 'y', traces: [TRACE] })).id).toBe('KI-8');
    await expect(addKnownIssue(dir, { title: 'z', id: 'KI-7', traces: [TRACE] })).rejects.toThrow('KI-7 already exists');
    await expect(addKnownIssue(dir, { title: 'z', id: 'Q5', traces: [TRACE] })).rejects.toThrow(KbBotError);
  });

  it('refuses a known issue without a trace, and writes nothing', async () => {
    const dir = tempStore();
    await expect(addKnownIssue(dir, { title: 'nothing', traces: [] })).rejects.toThrow('no usable stack trace');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('addKnownIssue in a team store', () => {
  it("takes no id the team store's markers hold, and leaves a marker for its own", async () => {
    const { mkdirSync, existsSync } = await import('node:fs');
    const dir = tempStore();
    mkdirSync(join(dir, '.ids'));
    writeFileSync(join(dir, '.ids', 'KI-4'), '');
    const { id } = await addKnownIssue(dir, { title: 'after the Slack-recorded KI-4', traces: [TRACE] });
    expect(id).toBe('KI-5');
    expect(existsSync(join(dir, '.ids', 'KI-5'))).toBe(true);
  });
});

describe('one writer for kbbot add and the team store', () => {
  it('never gives one id twice when both record at once into one folder, and every issue reads back', async () => {
    const dir = tempStore();
    const team = await FolderTeamStore.open(dir);
    const draft = { title: 'from Slack', traces: [TRACE], fix: { kind: 'workaround' as const, summary: 'restart it' }, source: 'curated' as const };
    const made = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? addKnownIssue(dir, { title: `from kbbot add ${i}`, traces: [TRACE] }).then((r) => r.id) : team.create(draft).then((sig) => sig.id))),
    );
    expect(new Set(made).size).toBe(10);
    expect((await team.list()).map((sig) => sig.id).sort()).toEqual([...made].sort());
    expect((await loadStore(dir)).errors).toEqual([]);
    // Nothing half-written or left over: only the issues, their markers and the markers' folder.
    expect(readdirSync(dir).filter((n) => !/^KI-\d+\.(json|yml)$/.test(n))).toEqual(['.ids']);
  });
});
