/**
 * The Redis state store while a real redis-server is SIGKILLed and brought back on the same port: it keeps
 * answering (claims in memory, writes in the local outbox), reports itself degraded, and once Redis is back
 * everything written meanwhile is in Redis, where a second store (another instance) reads it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThreadMatch } from '../../src/model.js';
import { RedisStateStore, type OwedWork, type StateHealth } from '../../src/state/index.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { skipWithout } from '../support/services.js';

const withoutRedis = skipWithout('redis', 'the Redis outage tests');

function thread(ts: string): ThreadMatch {
  return { channel: 'C1', threadTs: ts, verdict: 'match', kb: 'Q272274', candidates: [{ kb: 'Q272274', score: 0.9 }], announced: ['Q272274'], replyTs: `${ts}9`, updatedAt: 1 };
}
function owed(ts: string): OwedWork {
  return { id: `msg:C1:${ts}`, kind: 'message', channel: 'C1', ts, text: 'STORE!EcProcessTask+0x1b4', fileIds: [], at: Number(ts) * 1000, attempts: 0 };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

interface Env {
  redis: RedisServer;
  open: () => Promise<RedisStateStore>;
}

async function setUp(): Promise<Env> {
  const dir = await mkdtemp(join(tmpdir(), 'kbbot-outage-'));
  const env: Env = {
    redis: await startRedis(),
    open: async () => {
      const store = await RedisStateStore.open({ url: env.redis.url, prefix: 'outage:', outboxDir: dir, probeIntervalMs: 100 });
      cleanup.push(() => store.close());
      return store;
    },
  };
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  // The current server, whichever it is by then.
  cleanup.push(() => env.redis.stop());
  return env;
}

describe.skipIf(withoutRedis)('the Redis state store during a Redis outage', () => {
  it('keeps answering while Redis is down, reports itself degraded, and hands every write to Redis when it is back', async () => {
    const env = await setUp();
    const store = await env.open();
    const changes: StateHealth[] = [];
    store.onHealthChange((h) => changes.push(h));
    await store.setMuted('CMUTED', true);
    await store.owe(owed('1700000000.000001'));
    expect(await store.claim('event:EvBefore', 60_000)).toBe(true);
    expect(store.health()).toMatchObject({ kind: 'redis', reachable: true, degraded: false, pending: 0 });

    const port = env.redis.port;
    await env.redis.kill();
    await expect.poll(() => store.health().reachable, { timeout: 5_000 }).toBe(false);

    // Everything the bot does while Redis is away still answers, and fast (no wait on a dead connection).
    const started = Date.now();
    expect(await store.claim('event:Ev1', 60_000)).toBe(true);
    expect(await store.claim('event:Ev1', 60_000)).toBe(false);
    // Slack's retry of an event answered just before Redis went away is still recognised.
    expect(await store.claim('event:EvBefore', 60_000)).toBe(false);
    expect(await store.isMuted('CMUTED')).toBe(true);
    await store.setMuted('CLATER', true);
    expect(await store.isMuted('CLATER')).toBe(true);
    await store.putThread(thread('1700000000.000002'));
    expect(await store.getThread('C1', '1700000000.000002')).toMatchObject({ kb: 'Q272274' });
    await store.owe(owed('1700000000.000003'));
    await store.owe(owed('1700000000.000004'));
    await store.settle('msg:C1:1700000000.000004');
    await store.settle('msg:C1:1700000000.000001');
    await store.recordFeedback({ channel: 'C1', threadTs: '1700000000.000002', kb: 'Q272274', user: 'U1', verdict: 'right', at: 1 });
    expect((await store.listOwed()).map((w) => w.ts)).toEqual(['1700000000.000003']);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(store.health()).toMatchObject({ reachable: false, degraded: true });
    expect(store.health().pending).toBeGreaterThan(0);

    env.redis = await startRedis({ port });
    await expect.poll(() => store.health().degraded, { timeout: 15_000 }).toBe(false);
    expect(store.health()).toMatchObject({ reachable: true, pending: 0 });
    expect(changes.some((h) => h.degraded)).toBe(true);
    expect(changes.at(-1)).toMatchObject({ degraded: false, pending: 0 });

    // Another instance (a second store on the same Redis) sees what was written during the outage.
    const other = await RedisStateStore.open({ url: env.redis.url, prefix: 'outage:' });
    cleanup.push(() => other.close());
    expect(await other.isMuted('CLATER')).toBe(true);
    expect(await other.getThread('C1', '1700000000.000002')).toMatchObject({ kb: 'Q272274' });
    expect((await other.listOwed()).map((w) => w.ts)).toEqual(['1700000000.000003']);
    expect(await other.listFeedback()).toHaveLength(1);
    // The claim made during the outage holds across instances now.
    expect(await other.claim('event:Ev1', 60_000)).toBe(false);
  }, 60_000);

  it('keeps the outbox on disk: a store closed during the outage hands its writes over on the next start', async () => {
    const env = await setUp();
    const store = await env.open();
    const port = env.redis.port;
    await env.redis.kill();
    await expect.poll(() => store.health().reachable, { timeout: 5_000 }).toBe(false);
    await store.setMuted('CKEPT', true);
    await store.owe(owed('1700000000.000005'));
    await store.close();

    env.redis = await startRedis({ port });
    const next = await env.open();
    await expect.poll(() => next.health().degraded, { timeout: 15_000 }).toBe(false);
    const other = await RedisStateStore.open({ url: env.redis.url, prefix: 'outage:' });
    cleanup.push(() => other.close());
    expect(await other.isMuted('CKEPT')).toBe(true);
    expect((await other.listOwed()).map((w) => w.ts)).toEqual(['1700000000.000005']);
  }, 60_000);
});
