/**
 * State shared through Redis (REDIS_URL), so several kbbot instances dedupe together and see
 * the same mutes, feedback and threads. Claims are `SET NX PX`: atomic, first claimant wins.
 * If Redis stops answering, claims fall back to this process's own memory (one instance's
 * dedupe still holds) rather than silencing the bot; the fallback is logged.
 */
import { Redis } from 'ioredis';
import { ErrorCode, KbBotError } from '../errors.js';
import { FeedbackSchema, ThreadMatchSchema, type Feedback, type ThreadMatch } from '../model.js';
import type { Logger } from '../log.js';
import { OwedWorkSchema } from './owed.js';
import { BoundedTtlCache } from './ttl-cache.js';
import { DEFAULT_LIMITS, threadKey, type OwedWork, type StateLimits, type StateStore } from './types.js';

export interface RedisStateOptions {
  url: string;
  /** Key prefix, so several bots (or tests) can share one Redis. */
  prefix?: string;
  limits?: Partial<StateLimits>;
  logger?: Logger;
  /** Per-command bound; a command that takes longer fails instead of hanging a reply. */
  commandTimeoutMs?: number;
}

export class RedisStateStore implements StateStore {
  readonly kind = 'redis' as const;
  private readonly fallbackClaims: BoundedTtlCache<true>;

  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: StateLimits,
    private readonly logger: Logger | undefined,
  ) {
    this.fallbackClaims = new BoundedTtlCache(limits.maxClaims);
  }

  static async open(options: RedisStateOptions): Promise<RedisStateStore> {
    const redis = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: 2_000,
      commandTimeout: options.commandTimeoutMs ?? 2_000,
      maxRetriesPerRequest: 2,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    // ioredis reports connection trouble as events; without a listener they would be unhandled.
    redis.on('error', (error: Error) => options.logger?.warn('redis connection error', { err: error.message }));
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new KbBotError(ErrorCode.StateUnavailable, `cannot reach Redis at REDIS_URL: ${(error as Error).message}`, {}, { cause: error });
    }
    return new RedisStateStore(redis, options.prefix ?? 'kbbot:', { ...DEFAULT_LIMITS, ...options.limits }, options.logger);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    try {
      const set = await this.redis.set(this.key('claim', key), String(process.pid), 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
      if (set === 'OK') this.fallbackClaims.set(key, true, ttlMs);
      return set === 'OK';
    } catch (error) {
      this.logger?.warn('redis claim failed; deduping in this instance only', { key, err: (error as Error).message });
      return this.fallbackClaims.setIfAbsent(key, true, ttlMs);
    }
  }

  async setMuted(channel: string, muted: boolean): Promise<void> {
    if (muted) await this.redis.sadd(this.key('muted'), channel);
    else await this.redis.srem(this.key('muted'), channel);
  }

  async isMuted(channel: string): Promise<boolean> {
    return (await this.redis.sismember(this.key('muted'), channel)) === 1;
  }

  async recordFeedback(feedback: Feedback): Promise<void> {
    const list = this.key('feedback');
    await this.redis
      .multi()
      .rpush(list, JSON.stringify(FeedbackSchema.parse(feedback)))
      .ltrim(list, -this.limits.maxFeedback, -1)
      .exec()
      .then(throwOnFailedStep);
  }

  async listFeedback(): Promise<Feedback[]> {
    const raw = await this.redis.lrange(this.key('feedback'), 0, -1);
    return raw.flatMap((line) => {
      const parsed = FeedbackSchema.safeParse(safeJson(line));
      return parsed.success ? [parsed.data] : [];
    });
  }

  async getThread(channel: string, threadTs: string): Promise<ThreadMatch | undefined> {
    const raw = await this.redis.get(this.key('thread', threadKey(channel, threadTs)));
    if (raw === null) return undefined;
    const parsed = ThreadMatchSchema.safeParse(safeJson(raw));
    return parsed.success ? parsed.data : undefined;
  }

  async putThread(thread: ThreadMatch): Promise<void> {
    const value = JSON.stringify(ThreadMatchSchema.parse(thread));
    await this.redis.set(this.key('thread', threadKey(thread.channel, thread.threadTs)), value, 'PX', this.limits.threadTtlMs);
  }

  /** A hash of entries (id → JSON) plus a sorted set of ids by first-owed time, for age order and the bound. */
  async owe(work: OwedWork): Promise<void> {
    const value = JSON.stringify(OwedWorkSchema.parse(work));
    // One round trip on the hot path: the count comes back with the write; trimming is the rare extra trip.
    const results = await this.redis
      .multi()
      .hset(this.key('owed'), work.id, value)
      .zadd(this.key('owed-order'), 'NX', work.at, work.id)
      .zcard(this.key('owed-order'))
      .exec();
    throwOnFailedStep(results);
    const excess = Number(results?.[2]?.[1] ?? 0) - this.limits.maxOwed;
    if (excess > 0) {
      const dropped = await this.redis.zrange(this.key('owed-order'), 0, excess - 1);
      if (dropped.length > 0) await this.redis.multi().hdel(this.key('owed'), ...dropped).zrem(this.key('owed-order'), ...dropped).exec();
    }
  }

  async settle(id: string): Promise<void> {
    await this.redis.multi().hdel(this.key('owed'), id).zrem(this.key('owed-order'), id).exec().then(throwOnFailedStep);
  }

  async listOwed(): Promise<OwedWork[]> {
    const ids = await this.redis.zrange(this.key('owed-order'), 0, -1);
    if (ids.length === 0) return [];
    const raw = await this.redis.hmget(this.key('owed'), ...ids);
    return raw.flatMap((line) => {
      if (line === null) return [];
      const parsed = OwedWorkSchema.safeParse(safeJson(line));
      return parsed.success ? [parsed.data] : [];
    });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.redis.quit(), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    } catch {
      // Already closed or unreachable: disconnect below is all that is left to do.
    }
    this.redis.disconnect();
  }

  private key(...parts: string[]): string {
    return `${this.prefix}${parts.join(':')}`;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function throwOnFailedStep(results: [Error | null, unknown][] | null): void {
  if (results === null) throw new Error('redis transaction aborted');
  for (const [error] of results) if (error) throw error;
}
