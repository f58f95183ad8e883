/**
 * The team store, both backends through one suite: KI ids handed out in order and never twice (also to two
 * writers at once), edits and retirements kept, bad drafts refused without spending an id, one vote per
 * person and answer, and a version that moves with every write.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KbBotError } from '../../src/errors.js';
import { loadStore } from '../../src/store/index.js';
import { FolderTeamStore, RedisTeamStore, type TeamDraft, type TeamStore } from '../../src/store/team.js';
import { watchTeam } from '../../src/store/team-watch.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { skipWithout } from '../support/services.js';

const draft = (title: string): TeamDraft => ({
  title,
  cause: 'A notification object is freed while still in use.',
  traces: [[{ module: 'STORE', symbol: 'PUSH_NOTIFY::PushToClient' }, { module: 'STORE', symbol: 'EcProcessTask' }]],
  fix: { kind: 'hotfix', summary: 'Install the store hotfix.' },
  files: [{ name: 'Store.exe', version: '5.5.2654.3' }],
  source: 'curated',
  author: 'UHUMAN',
  createdAt: '2026-11-29T10:00:00.000Z',
  updatedAt: '2026-11-29T10:00:00.000Z',
});

const withoutRedis = skipWithout('redis', 'the Redis team store tests');
let redis: RedisServer | undefined;
const dirs: string[] = [];
let prefixes = 0;

beforeAll(async () => {
  if (!withoutRedis) redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Two handles on one store: two processes sharing a folder, or two instances sharing Redis. */
type Pair = () => Promise<[TeamStore, TeamStore]>;
const backends: [string, Pair, boolean][] = [
  [
    'folder',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'kbbot-team-'));
      dirs.push(dir);
      return [await FolderTeamStore.open(dir), await FolderTeamStore.open(dir)];
    },
    false,
  ],
  [
    'redis',
    async () => {
      const prefix = `t${++prefixes}:`;
      return [await RedisTeamStore.open({ url: redis!.url, prefix }), await RedisTeamStore.open({ url: redis!.url, prefix })];
    },
    withoutRedis,
  ],
];

describe.each(backends)('%s team store', (_name, pair, skip) => {
  it.skipIf(skip)('hands out KI-1, KI-2 in order and reads them back', async () => {
    const [store] = await pair();
    const one = await store.create(draft('first'));
    const two = await store.create(draft('second'));
    expect([one.id, two.id]).toEqual(['KI-1', 'KI-2']);
    expect((await store.list()).map((s) => [s.id, s.title])).toEqual([['KI-1', 'first'], ['KI-2', 'second']]);
    expect((await store.get('KI-2'))?.files).toEqual([{ name: 'Store.exe', version: '5.5.2654.3' }]);
    expect(await store.get('KI-9')).toBeUndefined();
  });

  it.skipIf(skip)('never gives one id twice when two writers create at once', async () => {
    const [a, b] = await pair();
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).create(draft(`issue ${i}`))));
    const ids = made.map((s) => s.id);
    expect(new Set(ids).size).toBe(12);
    expect((await a.list()).length).toBe(12);
    expect((await b.list()).map((s) => s.id).sort()).toEqual([...ids].sort());
  });

  it.skipIf(skip)('refuses an invalid draft without spending an id, and an update of an unknown id', async () => {
    const [store] = await pair();
    await expect(store.create({ ...draft('bad'), files: [{ name: 'Store.exe', version: 'five' }] })).rejects.toThrow(/files\.0\.version/);
    expect((await store.create(draft('good'))).id).toBe('KI-1');
    await expect(store.update({ ...draft('ghost'), id: 'KI-7' })).rejects.toBeInstanceOf(KbBotError);
  });

  it.skipIf(skip)('keeps an edit and a retirement, and moves the version with every write', async () => {
    const [a, b] = await pair();
    const v0 = await b.version();
    const sig = await a.create(draft('to edit'));
    const v1 = await b.version();
    await a.update({ ...sig, cause: 'Worked out: a race on failover.', retired: true });
    const v2 = await b.version();
    expect(new Set([v0, v1, v2]).size).toBe(3);
    expect(await b.get(sig.id)).toMatchObject({ cause: 'Worked out: a race on failover.', retired: true, author: 'UHUMAN' });
  });

  it.skipIf(skip)('keeps one vote per person, answer and crash: clicking again replaces it', async () => {
    const [a, b] = await pair();
    const vote = { fingerprint: 'fp-1', user: 'UA', kb: 'Q272274', verdict: 'wrong' as const, at: 1 };
    await a.vote(vote);
    await a.vote({ ...vote, at: 2 });
    await b.vote({ ...vote, verdict: 'right', at: 3 });
    await b.vote({ ...vote, user: 'UB', at: 4 });
    const votes = await a.votes();
    expect(votes.map((v) => [v.user, v.verdict]).sort()).toEqual([['UA', 'right'], ['UB', 'wrong']]);
  });
});

describe('folder team store files', () => {
  it('writes YAML a team can read and kbbot validate accepts, one file per issue', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kbbot-team-'));
    dirs.push(dir);
    const store = await FolderTeamStore.open(dir);
    await store.create({ ...draft('Store crash'), rollback: [{ text: 'Do not go below Store.exe 5.5.2652.68.', file: 'Store.exe', minVersion: '5.5.2652.68' }] });
    const text = await readFile(join(dir, 'KI-1.yml'), 'utf8');
    expect(text).toMatch(/^# Team known issue KI-1/);
    expect(text).toContain('version: 5.5.2654.3');
    const loaded = await loadStore(dir);
    expect(loaded.errors).toEqual([]);
    expect(loaded.signatures.get('KI-1')).toMatchObject({ title: 'Store crash', rollback: [{ minVersion: '5.5.2652.68' }] });
  });

  it('does not take an id a file added by hand already holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kbbot-team-'));
    dirs.push(dir);
    const store = await FolderTeamStore.open(dir);
    const hand = await FolderTeamStore.open(dir);
    await hand.create(draft('one'));
    // A second checkout (git) brings KI-2 without its id marker.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'KI-2.yml'), 'id: KI-2\ntitle: from git\n');
    expect((await store.create(draft('three'))).id).toBe('KI-3');
  });
});

describe('watchTeam', () => {
  it('picks up a file edited by hand (a git pull) and a write by another process, without being told', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kbbot-team-'));
    dirs.push(dir);
    const store = await FolderTeamStore.open(dir);
    const watcher = await watchTeam(store, { build: (sigs, votes) => ({ ids: sigs.map((s) => `${s.id} ${s.title}`), votes: votes.length }), pollMs: 50 });
    try {
      expect(watcher.current().ids).toEqual([]);
      const other = await FolderTeamStore.open(dir);
      await other.create(draft('from another process'));
      await expect.poll(() => watcher.current().ids, { timeout: 2_000 }).toEqual(['KI-1 from another process']);
      const { writeFile } = await import('node:fs/promises');
      await writeFile(join(dir, 'KI-1.yml'), 'id: KI-1\ntitle: edited by hand\n');
      await expect.poll(() => watcher.current().ids, { timeout: 2_000 }).toEqual(['KI-1 edited by hand']);
      await other.vote({ fingerprint: 'fp', user: 'UA', kb: 'KI-1', verdict: 'right', at: 1 });
      await expect.poll(() => watcher.current().votes, { timeout: 2_000 }).toBe(1);
    } finally {
      watcher.close();
    }
  });
});
