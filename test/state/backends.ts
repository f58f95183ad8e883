/** The two StateStore implementations, opened the same way, so one suite runs against both. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStateStore, RedisStateStore, type StateLimits, type StateStore } from '../../src/state/index.js';
import { startRedis, type RedisServer } from '../support/redis.js';

export interface Backend {
  name: 'file' | 'redis';
  /** Prepares fresh, empty backing storage for one test. */
  fresh(): Promise<void>;
  /** Opens a store on the current backing storage (again after close: a restart). */
  open(limits?: Partial<StateLimits>): Promise<StateStore>;
  /** Arguments for test/state/state-writer.ts. */
  childArgs(): string[];
  teardown(): Promise<void>;
}

export function fileBackend(): Backend {
  let dir = '';
  const dirs: string[] = [];
  return {
    name: 'file',
    async fresh() {
      dir = await mkdtemp(join(tmpdir(), 'kbbot-state-'));
      dirs.push(dir);
    },
    open: (limits) => FileStateStore.open({ dataDir: dir, limits }),
    childArgs: () => ['file', dir],
    async teardown() {
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}

export function redisBackend(): Backend {
  let server: RedisServer | undefined;
  let prefix = '';
  let n = 0;
  return {
    name: 'redis',
    async fresh() {
      server ??= await startRedis();
      n += 1;
      prefix = `test${process.pid}-${n}:`;
    },
    open: (limits) => RedisStateStore.open({ url: server!.url, prefix, limits }),
    childArgs: () => ['redis', server!.url, prefix],
    async teardown() {
      await server?.stop();
    },
  };
}
