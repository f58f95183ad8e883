/**
 * State shared through Redis (REDIS_URL), so several kbbot instances dedupe together and see
 * the same mutes, feedback and threads. Claims are `SET NX PX`: atomic, first claimant wins.
 *
 * When Redis stops answering the bot keeps going, degraded (`health()`, `onHealthChange`):
 *   claims      answered from this process's memory, which also holds the claims it won in Redis in the last
 *               10 minutes (a retry of an event answered just before the outage is still recognised)
 *   writes      mutes, feedback, thread matches, owed replies and settles go to a local outbox
 *               (journaled under the data directory), so a crash during the outage loses nothing
 *   reads       the outbox first, then the last mutes seen; a thread not kept locally is read back from Slack
 * Commands fail fast while the connection is down (no offline queue), so a reply never waits on Redis.
 * Once Redis answers again the outbox is drained onto it, oldest first; writes keep going to the outbox
 * until it is empty, so a write made during the outage never overwrites a newer one.
 */
import { Redis } from 'ioredis';
import { ErrorCode, KbBotError } from '../errors.js';
import { FeedbackSchema, ThreadMatchSchema, type Feedback, type ThreadMatch } from '../model.js';
import type { Logger } from '../log.js';
import { OwedWorkSchema } from './owed.js';
import { Outbox, type OutboxOp } from './outbox.js';
import { BoundedTtlCache } from './ttl-cache.js';
import { DEFAULT_LIMITS, threadKey, type OwedWork, type StateHealth, type StateLimits, type StateStore } from './types.js';

export interface RedisStateOptions {
  url: string;
  /** Key prefix, so several bots (or tests) can share one Redis. */
  prefix?: string;
  limits?: Partial<StateLimits>;
  logger?: Logger;
  /** Per-command bound; a command that takes longer fails instead of hanging a reply. */
  commandTimeoutMs?: number;
  /** Where writes made while Redis is away are journaled; without it they are kept in memory only. */
  outboxDir?: string;
  /** How often a degraded store checks whether Redis answers again. */
  probeIntervalMs?: number;
}

/** Slack retries an event for about 5 minutes: claims won in Redis are also kept here that long, and more. */
const RECENT_CLAIM_MS = 10 * 60_000;

/** Entries sent to Redis per round trip while draining the outbox. */
const DRAIN_BATCH = 100;

/** A reply from Redis itself (WRONGTYPE…) is a real error; anything else means Redis did not answer. */
function unreachable(error: unknown): boolean {
  return !(error instanceof Error && error.name === 'ReplyError');
}

export class RedisStateStore implements StateStore {
  readonly kind = 'redis' as const;
  /** Claims made here: while Redis was away (until they expire), and won in Redis in the last minutes. */
  private readonly localClaims: BoundedTtlCache<true>;
  /** The muted channels as last read or written: the answer while Redis is away. */
  private readonly mutedSeen = new Set<string>();
  private readonly listeners = new Set<(health: StateHealth) => void>();
  /** Writes go to the outbox from the first failure until the outbox is drained. */
  private degradedSince: number | undefined;
  private draining: Promise<void> | undefined;
  private probe: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: StateLimits,
    private readonly logger: Logger | undefined,
    private readonly outbox: Outbox,
    private readonly probeIntervalMs: number,
  ) {
    this.localClaims = new BoundedTtlCache(limits.maxClaims);
  }

  static async open(options: RedisStateOptions): Promise<RedisStateStore> {
    const redis = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: 2_000,
      commandTimeout: options.commandTimeoutMs ?? 2_000,
      maxRetriesPerRequest: 1,
      // Fail at once while disconnected (the outbox takes the write), and never resend a write after a
      // reconnect that was already given up on and kept in the outbox.
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    // ioredis reports connection trouble as events; without a listener they would be unhandled.
    let store: RedisStateStore | undefined;
    redis.on('error', (error: Error) => {
      if (store?.degradedSince === undefined) options.logger?.warn('redis connection error', { err: error.message });
    });
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new KbBotError(ErrorCode.StateUnavailable, `cannot reach Redis at REDIS_URL: ${(error as Error).message}`, {}, { cause: error });
    }
    let outbox = Outbox.inMemory();
    if (options.outboxDir) {
      try {
        outbox = await Outbox.open(options.outboxDir);
      } catch (error) {
        // A read-only or full data directory must not stop a bot whose state lives in Redis.
        options.logger?.warn('redis outbox not journaled (kept in memory): the data directory is not usable', { dir: options.outboxDir, err: error });
      }
    }
    store = new RedisStateStore(redis, options.prefix ?? 'kbbot:', { ...DEFAULT_LIMITS, ...options.limits }, options.logger, outbox, options.probeIntervalMs ?? 500);
    const opened = store;
    redis.on('close', () => opened.degrade('connection closed'));
    redis.on('ready', () => void opened.catchUp());
    try {
      for (const channel of await redis.smembers(store.key('muted'))) store.mutedSeen.add(channel);
    } catch (error) {
      store.degrade((error as Error).message);
    }
    // Writes a previous run kept while Redis was away (it crashed or stopped during an outage).
    if (outbox.size > 0) {
      options.logger?.info('redis outbox left by a previous run', { pending: outbox.size });
      store.degrade('outbox left by a previous run');
      void store.catchUp();
    }
    return store;
  }

  health(): StateHealth {
    return {
      kind: 'redis',
      reachable: this.redis.status === 'ready',
      degraded: this.degradedSince !== undefined,
      pending: this.outbox.size,
      ...(this.degradedSince !== undefined ? { since: this.degradedSince } : {}),
    };
  }

  onHealthChange(listener: (health: StateHealth) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.localClaims.has(key)) return false;
    if (this.redis.status === 'ready') {
      try {
        const set = await this.redis.set(this.key('claim', key), String(process.pid), 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
        // Remembered here for Slack's retry window too: a retry that arrives once Redis is gone is still known.
        if (set === 'OK') this.localClaims.set(key, true, Math.min(ttlMs, RECENT_CLAIM_MS));
        return set === 'OK';
      } catch (error) {
        if (!unreachable(error)) throw error;
        this.degrade((error as Error).message);
      }
    }
    if (!this.localClaims.setIfAbsent(key, true, ttlMs)) return false;
    // Not awaited, as in the file store: the answer must not wait for the disk; Redis learns it on the drain.
    this.outbox.add({ op: 'claim', key, until: Date.now() + ttlMs }).catch(() => undefined);
    return true;
  }

  async setMuted(channel: string, muted: boolean): Promise<void> {
    await this.write({ op: 'mute', channel, muted });
    if (muted) this.mutedSeen.add(channel);
    else this.mutedSeen.delete(channel);
  }

  async isMuted(channel: string): Promise<boolean> {
    const kept = this.outbox.mute(channel);
    if (kept !== undefined) return kept;
    const muted = await this.read(() => this.redis.sismember(this.key('muted'), channel).then((n) => n === 1));
    if (muted === undefined) return this.mutedSeen.has(channel);
    if (muted) this.mutedSeen.add(channel);
    else this.mutedSeen.delete(channel);
    return muted;
  }

  async recordFeedback(feedback: Feedback): Promise<void> {
    await this.write({ op: 'feedback', feedback: FeedbackSchema.parse(feedback) });
  }

  async listFeedback(): Promise<Feedback[]> {
    const raw = await this.redis.lrange(this.key('feedback'), 0, -1);
    const stored = raw.flatMap((line) => {
      const parsed = FeedbackSchema.safeParse(safeJson(line));
      return parsed.success ? [parsed.data] : [];
    });
    return [...stored, ...this.outbox.feedback()].slice(-this.limits.maxFeedback);
  }

  async getThread(channel: string, threadTs: string): Promise<ThreadMatch | undefined> {
    const kept = this.outbox.thread(channel, threadTs);
    if (kept) return kept;
    const raw = await this.read(() => this.redis.get(this.key('thread', threadKey(channel, threadTs))));
    if (raw === undefined || raw === null) return undefined;
    const parsed = ThreadMatchSchema.safeParse(safeJson(raw));
    return parsed.success ? parsed.data : undefined;
  }

  async putThread(thread: ThreadMatch): Promise<void> {
    await this.write({ op: 'thread', thread: ThreadMatchSchema.parse(thread) });
  }

  async owe(work: OwedWork): Promise<void> {
    await this.write({ op: 'owe', work: OwedWorkSchema.parse(work) });
  }

  async settle(id: string): Promise<void> {
    await this.write({ op: 'settle', id });
  }

  /** Redis's owed entries (when it answers) and the outbox's, oldest first; settles kept locally count. */
  async listOwed(): Promise<OwedWork[]> {
    const stored = (await this.read(() => this.listOwedInRedis())) ?? [];
    const local = this.outbox.owed();
    const localIds = new Set(local.map((w) => w.id));
    return [...stored.filter((w) => !localIds.has(w.id) && !this.outbox.settled(w.id)), ...local].sort((a, b) => a.at - b.at);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.probe);
    // One last chance to hand the outbox over; what is left stays journaled for the next start.
    if (this.outbox.size > 0 && this.redis.status === 'ready') await this.catchUp().catch(() => undefined);
    await this.draining?.catch(() => undefined);
    try {
      await Promise.race([this.redis.quit(), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    } catch {
      // Already closed or unreachable: disconnect below is all that is left to do.
    }
    this.redis.disconnect();
    await this.outbox.close();
  }

  /** A write: straight to Redis when it answers and nothing older waits in the outbox, else to the outbox. */
  private async write(op: OutboxOp): Promise<void> {
    if (this.degradedSince === undefined) {
      try {
        await this.apply(op);
        return;
      } catch (error) {
        if (!unreachable(error)) throw error;
        this.degrade((error as Error).message);
      }
    }
    await this.outbox.add(op);
    this.emit();
  }

  /** A read from Redis, or undefined when it does not answer. */
  private async read<T>(command: () => Promise<T>): Promise<T | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    try {
      return await command();
    } catch (error) {
      if (!unreachable(error)) throw error;
      this.degrade((error as Error).message);
      return undefined;
    }
  }

  private degrade(reason: string): void {
    if (this.closed) return;
    if (this.degradedSince === undefined) {
      this.degradedSince = Date.now();
      this.logger?.warn('redis unreachable: answering from this instance, keeping writes in the local outbox', { event: 'state_degraded', reason });
      this.emit();
    }
    // Redis may come back without a fresh `ready` (a command timed out on a live connection): look now and then.
    this.probe ??= setInterval(() => {
      if (this.redis.status === 'ready') void this.catchUp();
    }, this.probeIntervalMs).unref();
  }

  /** Drains the outbox onto Redis, oldest first; back to direct writes once it is empty. */
  private catchUp(): Promise<void> {
    if (this.degradedSince === undefined || this.closed) return Promise.resolve();
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async drain(): Promise<void> {
    const pendingAtStart = this.outbox.size;
    try {
      for (;;) {
        const batch = this.outbox.oldest(DRAIN_BATCH);
        if (batch.length === 0) break;
        // One key per entry (the outbox coalesces), so the batch's commands may run side by side.
        await Promise.all(batch.map((entry) => this.apply(entry.op)));
        await this.outbox.synced(batch.map((entry) => entry.seq));
        this.emit();
      }
    } catch (error) {
      this.logger?.debug('redis outbox drain stopped; will try again', { pending: this.outbox.size, err: (error as Error).message });
      return;
    }
    // Checked in the same tick as the last await resolved: no write can slip in between.
    if (this.outbox.size === 0) {
      const downMs = Date.now() - (this.degradedSince ?? Date.now());
      this.degradedSince = undefined;
      clearInterval(this.probe);
      this.probe = undefined;
      this.logger?.info('redis reachable again; outbox drained', { event: 'state_recovered', drained: pendingAtStart, downMs });
      this.emit();
      await this.outbox.compact().catch((error: unknown) => this.logger?.warn('redis outbox compaction failed', { err: error }));
    }
  }

  private emit(): void {
    const health = this.health();
    for (const listener of this.listeners) {
      try {
        listener(health);
      } catch (error) {
        this.logger?.warn('state health listener failed', { err: error });
      }
    }
  }

  /** One write as Redis commands. */
  private async apply(op: OutboxOp): Promise<void> {
    switch (op.op) {
      case 'mute':
        if (op.muted) await this.redis.sadd(this.key('muted'), op.channel);
        else await this.redis.srem(this.key('muted'), op.channel);
        return;
      case 'feedback': {
        const list = this.key('feedback');
        await this.redis.multi().rpush(list, JSON.stringify(op.feedback)).ltrim(list, -this.limits.maxFeedback, -1).exec().then(throwOnFailedStep);
        return;
      }
      case 'thread':
        await this.redis.set(this.key('thread', threadKey(op.thread.channel, op.thread.threadTs)), JSON.stringify(op.thread), 'PX', this.limits.threadTtlMs);
        return;
      case 'claim': {
        const left = op.until - Date.now();
        // NX: another instance that claimed it meanwhile keeps its claim.
        if (left > 0) await this.redis.set(this.key('claim', op.key), String(process.pid), 'PX', Math.round(left), 'NX');
        return;
      }
      case 'owe':
        await this.oweInRedis(op.work);
        return;
      case 'settle':
        await this.redis.multi().hdel(this.key('owed'), op.id).zrem(this.key('owed-order'), op.id).exec().then(throwOnFailedStep);
        return;
    }
  }

  /** A hash of entries (id → JSON) plus a sorted set of ids by first-owed time, for age order and the bound. */
  private async oweInRedis(work: OwedWork): Promise<void> {
    const value = JSON.stringify(work);
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

  private async listOwedInRedis(): Promise<OwedWork[]> {
    const ids = await this.redis.zrange(this.key('owed-order'), 0, -1);
    if (ids.length === 0) return [];
    const raw = await this.redis.hmget(this.key('owed'), ...ids);
    return raw.flatMap((line) => {
      if (line === null) return [];
      const parsed = OwedWorkSchema.safeParse(safeJson(line));
      return parsed.success ? [parsed.data] : [];
    });
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
