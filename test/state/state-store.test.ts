import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Feedback, ThreadMatch } from '../../src/model.js';
import type { OwedWork, StateStore } from '../../src/state/index.js';
import { fileBackend, redisBackend, type Backend } from './backends.js';
import { skipWithout } from '../support/services.js';

const WRITER = fileURLToPath(new URL('./state-writer.ts', import.meta.url));

function feedback(i: number, verdict: Feedback['verdict'] = 'right'): Feedback {
  return { channel: 'C1', threadTs: `1700000000.00010${i}`, kb: 'Q272274', user: `U${i}`, verdict, at: 1_700_000_000_000 + i };
}

function thread(ts: string, kb = 'Q272274'): ThreadMatch {
  return { channel: 'C1', threadTs: ts, verdict: 'match', kb, candidates: [{ kb, score: 0.9 }], announced: [kb], replyTs: `${ts}9`, updatedAt: 1 };
}

function owed(ts: string, fields: Partial<OwedWork> = {}): OwedWork {
  return { id: `msg:C1:${ts}`, kind: 'message', eventId: `Ev${ts}`, channel: 'C1', channelType: 'channel', ts, text: 'STORE!EcProcessTask+0x1b4', fileIds: [], at: Number(ts) * 1000, attempts: 0, ...fields };
}

/** Runs the writer child, SIGKILLs it right after it acknowledged write `killAfter`, returns the last acked index seen. */
function writeUntilKilled(backend: Backend, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...backend.childArgs()], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAcked = -1;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const n = Number(line.replace('acked ', ''));
        if (Number.isInteger(n)) lastAcked = n;
      }
      if (lastAcked >= killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(lastAcked);
      else reject(new Error(`writer exited on its own: ${stderr}`));
    });
  });
}

const withoutRedis = skipWithout('redis', 'the Redis state store tests');

describe.each(withoutRedis ? [fileBackend()] : [fileBackend(), redisBackend()])('$name state store', (backend) => {
  const open: StateStore[] = [];
  const openStore = async (...args: Parameters<Backend['open']>) => {
    const store = await backend.open(...args);
    open.push(store);
    return store;
  };
  const restart = async (store: StateStore, ...args: Parameters<Backend['open']>) => {
    await store.close();
    open.splice(open.indexOf(store), 1);
    return openStore(...args);
  };

  beforeEach(() => backend.fresh());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(() => backend.teardown());

  it('lets only the first claimant of a key through', async () => {
    const store = await openStore();
    expect(await store.claim('event:Ev1', 60_000)).toBe(true);
    expect(await store.claim('event:Ev1', 60_000)).toBe(false);
    expect(await store.claim('event:Ev2', 60_000)).toBe(true);
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const store = await openStore();
    const results = await Promise.all(Array.from({ length: 25 }, () => store.claim('msg:C1:1.0001', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('frees a claim once its time to live has passed', async () => {
    const store = await openStore();
    expect(await store.claim('event:short', 30)).toBe(true);
    await new Promise((r) => setTimeout(r, 120));
    expect(await store.claim('event:short', 30)).toBe(true);
  });

  it('still refuses a claimed key after a restart, and frees it once expired', async () => {
    let store = await openStore();
    expect(await store.claim('event:EvBeforeRestart', 60_000)).toBe(true);
    expect(await store.claim('event:Short', 50)).toBe(true);
    store = await restart(store);
    await new Promise((r) => setTimeout(r, 100));
    expect(await store.claim('event:EvBeforeRestart', 60_000)).toBe(false);
    expect(await store.claim('event:Short', 60_000)).toBe(true);
  });

  it('remembers mutes and unmutes across a restart', async () => {
    let store = await openStore();
    await store.setMuted('C1', true);
    await store.setMuted('C2', true);
    await store.setMuted('C2', false);
    store = await restart(store);
    expect(await store.isMuted('C1')).toBe(true);
    expect(await store.isMuted('C2')).toBe(false);
    expect(await store.isMuted('C3')).toBe(false);
  });

  it('keeps feedback in order across a restart', async () => {
    let store = await openStore();
    for (const f of [feedback(1), feedback(2, 'wrong'), feedback(3)]) await store.recordFeedback(f);
    store = await restart(store);
    expect(await store.listFeedback()).toEqual([feedback(1), feedback(2, 'wrong'), feedback(3)]);
  });

  it('keeps only the most recent feedback past the bound', async () => {
    const store = await openStore({ maxFeedback: 2 });
    for (const i of [1, 2, 3]) await store.recordFeedback(feedback(i));
    expect((await store.listFeedback()).map((f) => f.user)).toEqual(['U2', 'U3']);
  });

  it('returns the latest match stored for a thread, also after a restart', async () => {
    let store = await openStore();
    await store.putThread(thread('1.0001'));
    await store.putThread(thread('1.0001', 'Q123456'));
    await store.putThread(thread('2.0002'));
    store = await restart(store);
    expect(await store.getThread('C1', '1.0001')).toEqual(thread('1.0001', 'Q123456'));
    expect(await store.getThread('C1', '2.0002')).toEqual(thread('2.0002'));
    expect(await store.getThread('C2', '1.0001')).toBeUndefined();
  });

  it('rejects a thread match that breaks the schema, storing nothing', async () => {
    const store = await openStore();
    await expect(store.putThread({ ...thread('3.0003'), kb: 'KB1' } as ThreadMatch)).rejects.toThrow();
    expect(await store.getThread('C1', '3.0003')).toBeUndefined();
  });

  it('keeps owed work until it is settled, oldest first, also across a restart', async () => {
    let store = await openStore();
    await store.owe(owed('1.0001'));
    await store.owe(owed('2.0002', { kind: 'mention', fileIds: ['F1'], threadTs: '1.0001' }));
    await store.owe(owed('3.0003'));
    await store.settle('msg:C1:2.0002');
    await store.settle('msg:C1:never-owed');
    store = await restart(store);
    expect(await store.listOwed()).toEqual([owed('1.0001'), owed('3.0003')]);
  });

  it('rewrites an owed entry in place when its attempt count changes', async () => {
    let store = await openStore();
    await store.owe(owed('1.0001'));
    await store.owe(owed('2.0002'));
    await store.owe(owed('1.0001', { attempts: 2 }));
    store = await restart(store);
    expect(await store.listOwed()).toEqual([owed('1.0001', { attempts: 2 }), owed('2.0002')]);
  });

  it('keeps only the most recent owed work past the bound', async () => {
    const store = await openStore({ maxOwed: 2 });
    for (const ts of ['1.0001', '2.0002', '3.0003']) await store.owe(owed(ts));
    expect((await store.listOwed()).map((w) => w.ts)).toEqual(['2.0002', '3.0003']);
  });

  it('refuses owed work that breaks the schema, storing nothing', async () => {
    const store = await openStore();
    await expect(store.owe({ ...owed('4.0004'), kind: 'reaction' } as unknown as OwedWork)).rejects.toThrow();
    expect(await store.listOwed()).toEqual([]);
  });

  it.each([3, 11, 27])('loses no acknowledged mute or feedback when SIGKILLed after write %i', async (killAfter) => {
    const lastAcked = await writeUntilKilled(backend, killAfter);
    expect(lastAcked).toBeGreaterThanOrEqual(killAfter);
    const store = await openStore();
    const recorded = new Set((await store.listFeedback()).map((f) => f.at));
    for (let i = 0; i <= lastAcked; i += 1) {
      expect(await store.isMuted(`C${i}`)).toBe(true);
      expect(recorded.has(i)).toBe(true);
    }
  });
});

describe.skipIf(withoutRedis)('redis state store shared by two instances', () => {
  const backend = redisBackend();
  afterAll(() => backend.teardown());

  it('lets exactly one instance win each claim', async () => {
    await backend.fresh();
    const [a, b] = await Promise.all([backend.open(), backend.open()]);
    try {
      const keys = Array.from({ length: 50 }, (_, i) => `event:Ev${i}`);
      const results = await Promise.all(keys.flatMap((k) => [a.claim(k, 60_000), b.claim(k, 60_000)]));
      for (let i = 0; i < keys.length; i += 1) expect(Number(results[2 * i]) + Number(results[2 * i + 1])).toBe(1);
      await a.setMuted('C9', true);
      expect(await b.isMuted('C9')).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
