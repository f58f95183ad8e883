/**
 * The file state's thread memory: the most recent threads in memory, every thread on disk, bounded by count
 * and age. What a user checks: a follow-up in an old thread still finds its match (also after a restart and
 * after an upgrade from a journal that held threads), the oldest are forgotten first, and a damaged file is
 * reported and treated as an unknown thread, never as a wrong match.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import type { ThreadMatch } from '../../src/model.js';
import { FileStateStore, JOURNAL_FILE } from '../../src/state/index.js';
import { ThreadFiles, THREADS_DIR } from '../../src/state/thread-files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kbbot-threads-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function thread(i: number, kb = 'Q272274'): ThreadMatch {
  return { channel: 'C1', threadTs: `1700000000.${String(i).padStart(6, '0')}`, verdict: 'match', kb, candidates: [{ kb, score: 0.9 }], announced: [kb], updatedAt: i };
}

async function threadFiles(): Promise<string[]> {
  const entries = await readdir(join(dir, THREADS_DIR), { recursive: true }).catch(() => [] as string[]);
  return entries.filter((e) => e.endsWith('.json')).map((e) => join(dir, THREADS_DIR, e));
}

describe('file state thread memory', () => {
  it('answers a follow-up in a thread long out of memory from disk, also after a restart', async () => {
    let store = await FileStateStore.open({ dataDir: dir, limits: { hotThreads: 2 } });
    for (let i = 1; i <= 50; i += 1) await store.putThread(thread(i));
    await store.putThread(thread(1, 'Q900003'));
    expect(await store.getThread('C1', thread(1).threadTs)).toEqual(thread(1, 'Q900003'));
    expect(await store.getThread('C1', thread(7).threadTs)).toEqual(thread(7));
    await store.close();
    store = await FileStateStore.open({ dataDir: dir, limits: { hotThreads: 2 } });
    expect(await store.getThread('C1', thread(7).threadTs)).toEqual(thread(7));
    expect(await store.getThread('C1', thread(1).threadTs)).toEqual(thread(1, 'Q900003'));
    expect(await store.getThread('C2', thread(7).threadTs)).toBeUndefined();
    await store.close();
  });

  it('moves the threads of a journal written before thread files into files, and out of the journal', async () => {
    const lines = [thread(1), thread(2), thread(1, 'Q900003')].map((t) => `${JSON.stringify({ op: 'thread', thread: t })}\n`);
    await writeFile(join(dir, JOURNAL_FILE), `${lines.join('')}${JSON.stringify({ op: 'mute', channel: 'C9', muted: true })}\n`);
    const store = await FileStateStore.open({ dataDir: dir });
    expect(await store.getThread('C1', thread(1).threadTs)).toEqual(thread(1, 'Q900003'));
    expect(await store.getThread('C1', thread(2).threadTs)).toEqual(thread(2));
    expect(await store.isMuted('C9')).toBe(true);
    await store.close();
    expect(await readFile(join(dir, JOURNAL_FILE), 'utf8')).not.toContain('"op":"thread"');
    expect(await threadFiles()).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{"channel":"C1","thr'],
    ['JSON that is not a thread match', '{"channel":"C1"}'],
  ])('reports a thread file that is %s and answers as if the thread were new', async (_, content) => {
    const logged: Record<string, unknown>[] = [];
    const store = await FileStateStore.open({ dataDir: dir, limits: { hotThreads: 1 }, logger: createLogger({ sink: (l) => logged.push(JSON.parse(l) as Record<string, unknown>) }) });
    await store.putThread(thread(1));
    await store.close();
    const [file] = await threadFiles();
    await writeFile(file!, content);
    const reopened = await FileStateStore.open({ dataDir: dir, logger: createLogger({ sink: (l) => logged.push(JSON.parse(l) as Record<string, unknown>) }) });
    expect(await reopened.getThread('C1', thread(1).threadTs)).toBeUndefined();
    expect(logged.at(-1)).toMatchObject({ level: 'warn', msg: 'thread memory unreadable; treating the thread as new', channel: 'C1', path: file });
    await reopened.close();
  });
});

describe('thread files on disk', () => {
  const limits = { maxThreads: 10, threadTtlMs: 1_000_000 };

  it('keeps the most recent threads written, from half the bound to all of it, forgetting the oldest first', async () => {
    const files = await ThreadFiles.open(dir, limits);
    for (let i = 1; i <= 40; i += 1) await files.write(thread(i));
    const kept = [];
    for (let i = 1; i <= 40; i += 1) if ((await files.read('C1', thread(i).threadTs)).kind === 'found') kept.push(i);
    expect(kept.length).toBeGreaterThanOrEqual(5);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, k) => 40 - kept.length + 1 + k));
    expect((await threadFiles()).length).toBeLessThanOrEqual(10);
  });

  it('keeps a thread that is written again (still in use) past threads that are not', async () => {
    const files = await ThreadFiles.open(dir, limits);
    for (let i = 1; i <= 40; i += 1) {
      await files.write(thread(i));
      await files.write(thread(0));
    }
    expect(await files.read('C1', thread(0).threadTs)).toEqual({ kind: 'found', thread: thread(0) });
  });

  it('forgets threads older than the time they are kept, also when nothing is written meanwhile', async () => {
    let now = 1_000_000;
    const files = await ThreadFiles.open(dir, limits, { now: () => now });
    await files.write(thread(1));
    now += 400_000;
    expect((await files.read('C1', thread(1).threadTs)).kind).toBe('found');
    now += 700_000;
    expect((await files.read('C1', thread(1).threadTs)).kind).toBe('missing');
  });

  it('lands the last of several concurrent writes to one thread', async () => {
    const files = await ThreadFiles.open(dir, limits);
    await Promise.all([1, 2, 3, 4, 5].map((n) => files.write({ ...thread(1), updatedAt: n })));
    expect(await files.read('C1', thread(1).threadTs)).toMatchObject({ kind: 'found', thread: { updatedAt: 5 } });
  });
});
