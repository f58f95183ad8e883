/**
 * The embedded state store: no server needed. Mutes, feedback and owed work live in memory and in an
 * fsync'd JSON-lines journal under the data directory (`state.jsonl`), replayed on open. Thread matches
 * live on disk, one file per thread (`threads/`, see thread-files.ts), with only the most recent
 * `hotThreads` in memory: memory stays flat however many threads the bot answers, and a follow-up in an
 * older thread is read back from disk. Dedupe claims are answered from memory (a bounded TTL cache,
 * expired ones dropped as they age out) and journaled in the background, without waiting for the disk:
 * after a restart within Slack's retry window a retry of an answered event is still recognised; a claim
 * lost in a crash can at worst let one retry through.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FeedbackSchema, ThreadMatchSchema, type Feedback, type ThreadMatch } from '../model.js';
import type { Logger } from '../log.js';
import { Journal } from './journal.js';
import { lockDataDir, type DirLock } from './lock.js';
import { OwedWorkSchema } from './owed.js';
import { StateRecordSchema, type StateRecord } from './records.js';
import { ThreadFiles } from './thread-files.js';
import { BoundedTtlCache } from './ttl-cache.js';
import { DEFAULT_LIMITS, threadKey, type OwedWork, type StateHealth, type StateLimits, type StateStore } from './types.js';


export const JOURNAL_FILE = 'state.jsonl';
export const LOCK_FILE = 'kbbot.lock';

export interface FileStateOptions {
  dataDir: string;
  limits?: Partial<StateLimits>;
  logger?: Logger;
}

export class FileStateStore implements StateStore {
  readonly kind = 'file' as const;
  private readonly claims: BoundedTtlCache<true>;
  private readonly muted = new Set<string>();
  private readonly feedback: Feedback[] = [];
  /** The most recently used thread matches; every one is also on disk (`threadFiles`). */
  private readonly threads: BoundedTtlCache<ThreadMatch>;
  private threadFiles!: ThreadFiles;
  /** Thread records found in a journal written before threads moved to their own files: moved there on open. */
  private legacyThreads = new Map<string, ThreadMatch>();
  private logger: Logger | undefined;
  /** Owed work by id, oldest first (Map order). */
  private readonly owed = new Map<string, OwedWork>();
  private journal!: Journal<StateRecord>;
  private lock!: DirLock;

  private constructor(private readonly limits: StateLimits) {
    this.claims = new BoundedTtlCache(limits.maxClaims);
    this.threads = new BoundedTtlCache(Math.min(limits.hotThreads, limits.maxThreads));
  }

  static async open(options: FileStateOptions): Promise<FileStateStore> {
    const store = new FileStateStore({ ...DEFAULT_LIMITS, ...options.limits });
    store.logger = options.logger;
    const dir = resolve(options.dataDir);
    await mkdir(dir, { recursive: true });
    store.lock = await lockDataDir(join(dir, LOCK_FILE));
    try {
      store.threadFiles = await ThreadFiles.open(dir, store.limits, {
        onError: (error) => options.logger?.warn('old thread files not deleted; will try again at the next rotation', { err: error }),
      });
      const { journal, report } = await Journal.open<StateRecord>(join(dir, JOURNAL_FILE), {
        parse: (value) => {
          const parsed = StateRecordSchema.safeParse(value);
          return parsed.success ? parsed.data : undefined;
        },
        apply: (record) => store.apply(record),
        snapshot: () => store.snapshot(),
        // Compact once dead lines outnumber live ones several times over.
        shouldCompact: (lines) => lines > 1_000 && lines > 4 * store.liveRecords(),
        onCompactError: (error) => options.logger?.warn('state journal compaction failed; will try again', { err: error }),
      });
      store.journal = journal;
      if (report.skipped > 0 || report.tornBytes > 0) {
        options.logger?.warn('state journal had damaged lines', { path: journal.path, ...report });
      }
      // Before compacting (which drops them from the journal): older journals held the thread matches.
      for (const thread of store.legacyThreads.values()) await store.threadFiles.write(thread);
      store.legacyThreads = new Map();
      // Start from a compact journal: replay cost stays proportional to live state.
      if (journal.lines > store.liveRecords()) await journal.compact();
    } catch (error) {
      await store.lock.release();
      throw error;
    }
    return store;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (!this.claims.setIfAbsent(key, true, ttlMs)) return false;
    // Not awaited: the answer must not wait for the disk, and losing a claim in a crash is harmless.
    this.journal.append({ op: 'claim', key, until: Date.now() + ttlMs }).catch(() => undefined);
    return true;
  }

  async setMuted(channel: string, muted: boolean): Promise<void> {
    await this.journal.append({ op: 'mute', channel, muted });
  }

  async isMuted(channel: string): Promise<boolean> {
    return this.muted.has(channel);
  }

  async recordFeedback(feedback: Feedback): Promise<void> {
    await this.journal.append({ op: 'feedback', feedback: FeedbackSchema.parse(feedback) });
  }

  async listFeedback(): Promise<Feedback[]> {
    return [...this.feedback];
  }

  async getThread(channel: string, threadTs: string): Promise<ThreadMatch | undefined> {
    const key = threadKey(channel, threadTs);
    const hot = this.threads.get(key);
    if (hot) {
      this.threads.set(key, hot);
      return hot;
    }
    const read = await this.threadFiles.read(channel, threadTs);
    if (read.kind === 'unreadable') {
      // Said once per read, and answered as a thread the bot does not know (not with a wrong memory).
      this.logger?.warn('thread memory unreadable; treating the thread as new', { channel, threadTs, path: read.path, reason: read.reason });
      return undefined;
    }
    if (read.kind === 'missing') return undefined;
    // A newer write may have landed while the file was read.
    const fresher = this.threads.get(key);
    if (fresher) return fresher;
    this.threads.set(key, read.thread);
    return read.thread;
  }

  /** Resolves once the match is in its file (renamed into place; see thread-files.ts for why not fsync'd). */
  async putThread(thread: ThreadMatch): Promise<void> {
    const parsed = ThreadMatchSchema.parse(thread);
    await this.threadFiles.write(parsed);
    this.threads.set(threadKey(parsed.channel, parsed.threadTs), parsed);
  }

  async owe(work: OwedWork): Promise<void> {
    await this.journal.append({ op: 'owe', work: OwedWorkSchema.parse(work) });
  }

  async settle(id: string): Promise<void> {
    if (!this.owed.has(id)) return;
    await this.journal.append({ op: 'settle', id });
  }

  async listOwed(): Promise<OwedWork[]> {
    return [...this.owed.values()];
  }

  /** The journal is local: always whole. */
  health(): StateHealth {
    return { kind: 'file', reachable: true, degraded: false, pending: 0 };
  }

  onHealthChange(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    await this.journal.close();
    await this.lock.release();
  }

  private apply(record: StateRecord): void {
    switch (record.op) {
      case 'mute':
        if (record.muted) this.muted.add(record.channel);
        else this.muted.delete(record.channel);
        break;
      case 'feedback':
        this.feedback.push(record.feedback);
        if (this.feedback.length > this.limits.maxFeedback) this.feedback.splice(0, this.feedback.length - this.limits.maxFeedback);
        break;
      case 'thread':
        // Only in journals from before threads had their own files (see open).
        this.legacyThreads.set(threadKey(record.thread.channel, record.thread.threadTs), record.thread);
        break;
      case 'owe':
        // A rewrite (new attempt count) keeps the entry's place: age order is when it was first owed.
        this.owed.set(record.work.id, record.work);
        while (this.owed.size > this.limits.maxOwed) {
          const oldest = this.owed.keys().next();
          if (oldest.done) break;
          this.owed.delete(oldest.value);
        }
        break;
      case 'settle':
        this.owed.delete(record.id);
        break;
      case 'claim': {
        const left = record.until - Date.now();
        if (left > 0) this.claims.set(record.key, true, left);
        break;
      }
    }
  }

  private liveRecords(): number {
    return this.muted.size + this.feedback.length + this.claims.size + this.owed.size;
  }

  private snapshot(): StateRecord[] {
    return [
      ...[...this.muted].map((channel): StateRecord => ({ op: 'mute', channel, muted: true })),
      ...this.feedback.map((feedback): StateRecord => ({ op: 'feedback', feedback })),
      ...this.claims.entries().map(({ key, expiresAt }): StateRecord => ({ op: 'claim', key, until: expiresAt })),
      ...[...this.owed.values()].map((work): StateRecord => ({ op: 'owe', work })),
    ];
  }
}
