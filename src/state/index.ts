/**
 * Persisted bot state. `openStateStore(config)` picks Redis when REDIS_URL is set (several
 * instances side by side), otherwise the embedded file journal under KBBOT_DATA_DIR.
 */
import type { Logger } from '../log.js';
import { FileStateStore } from './file-store.js';
import { RedisStateStore } from './redis-store.js';
import type { StateLimits, StateStore } from './types.js';

export { FileStateStore, JOURNAL_FILE, LOCK_FILE } from './file-store.js';
export { RedisStateStore } from './redis-store.js';
export { BoundedTtlCache } from './ttl-cache.js';
export { deferOwed, owedId } from './owed.js';
export { DEFAULT_LIMITS, threadKey, type OwedWork, type StateHealth, type StateLimits, type StateStore } from './types.js';

export const DEFAULT_DATA_DIR = '.kbbot-data';

/** Where state lives (the Config's fields of those names: state/ does not read the configuration itself). */
export interface StateSettings {
  dataDir?: string | undefined;
  redisUrl?: string | undefined;
}

export interface OpenStateOptions {
  logger?: Logger;
  limits?: Partial<StateLimits>;
  /** Redis key prefix (default `kbbot:`). */
  redisPrefix?: string;
}

export function openStateStore(
  config: StateSettings,
  options: OpenStateOptions = {},
): Promise<StateStore> {
  const { logger, limits } = options;
  if (config.redisUrl) {
    // The data directory holds the outbox: writes kept while Redis is away, drained when it is back.
    return RedisStateStore.open({
      url: config.redisUrl,
      logger,
      limits,
      outboxDir: config.dataDir ?? DEFAULT_DATA_DIR,
      ...(options.redisPrefix ? { prefix: options.redisPrefix } : {}),
    });
  }
  return FileStateStore.open({ dataDir: config.dataDir ?? DEFAULT_DATA_DIR, logger, limits });
}
