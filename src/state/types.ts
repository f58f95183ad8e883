/**
 * What kbbot remembers between messages and across restarts: dedupe claims, channel mutes,
 * feedback and thread matches. One interface; a file journal (default) and Redis implement it.
 */
import type { Feedback, ThreadMatch } from '../model.js';

/**
 * Work the bot owes a person: written right after a message is acknowledged, settled once its reply is
 * posted (or dead-lettered). Slack never redelivers an acknowledged event, so after a crash this entry is
 * the only trace of the answer still owed: `runSlackBot` replays what is left on start.
 */
export interface OwedWork {
  /** `msg:<channel>:<ts>`: one entry per message, like the message claim. */
  id: string;
  /** `message` (a channel message, snippet or thread follow-up) or `mention` (always answered). */
  kind: 'message' | 'mention';
  eventId?: string;
  channel: string;
  channelType?: string;
  ts: string;
  threadTs?: string;
  /** The message text as the bot read it (rich_text blocks already flattened). */
  text: string;
  /** Snippet file ids, read again through files.info on a replay. */
  fileIds: string[];
  /** When it was owed (ms since the epoch). */
  at: number;
  /** Replays tried so far: bounded, so a message that crashes the bot cannot loop. */
  attempts: number;
  /** Not to be tried again before this time (ms): set when Slack did not answer and the reply waits for it. */
  retryAt?: number;
  /** Times the reply was put off because Slack did not answer (not counted in `attempts`). */
  deferrals?: number;
  /** The last try failed without posting (Slack refused or was unreachable): no need to read the thread back first. */
  notPosted?: boolean;
}

/**
 * Whether the state store is whole. Behind Redis: `reachable` is false while Redis does not answer, and
 * `degraded` stays true until every write kept locally meanwhile has reached Redis (`pending` of them).
 * A readiness probe reads this; the bot keeps answering either way.
 */
export interface StateHealth {
  kind: 'file' | 'redis';
  reachable: boolean;
  degraded: boolean;
  /** Writes kept in the local outbox, waiting for Redis. */
  pending: number;
  /** When the current degradation began (ms since the epoch). */
  since?: number;
}

export interface StateStore {
  /** `file` (journal under KBBOT_DATA_DIR) or `redis` (REDIS_URL). */
  readonly kind: 'file' | 'redis';
  /**
   * Dedupe: true only for the first claimant of `key` within `ttlMs`, across every instance sharing
   * the store. Claim what was handled (event id, channel+ts), never rely on retry headers alone.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Resolves once the mute is durable: a crash right after loses nothing. */
  setMuted(channel: string, muted: boolean): Promise<void>;
  isMuted(channel: string): Promise<boolean>;
  /** Resolves once the feedback is durable. */
  recordFeedback(feedback: Feedback): Promise<void>;
  /** Feedback, oldest first (bounded to the most recent entries). */
  listFeedback(): Promise<Feedback[]>;
  getThread(channel: string, threadTs: string): Promise<ThreadMatch | undefined>;
  /** Remembers a thread's match (bounded: the oldest threads are forgotten first). */
  putThread(thread: ThreadMatch): Promise<void>;
  /** Records (or rewrites, e.g. with a new attempt count) work owed; resolves once durable. */
  owe(work: OwedWork): Promise<void>;
  /** The owed work is done (replied or dead-lettered): forgets it. */
  settle(id: string): Promise<void>;
  /** Owed work not settled yet, oldest first. */
  listOwed(): Promise<OwedWork[]>;
  /** Reachable / degraded now (cheap: no round trip), for /readyz and metrics. */
  health(): StateHealth;
  /** Calls `listener` on every change of health; returns the unsubscribe. */
  onHealthChange(listener: (health: StateHealth) => void): () => void;
  close(): Promise<void>;
}

export interface StateLimits {
  /** Dedupe claims kept in memory (file store, and the Redis store's fallback). */
  maxClaims: number;
  /** Thread matches kept (the file state keeps them on disk: from half of this to all of it). */
  maxThreads: number;
  /**
   * Thread matches the file state keeps in memory too, the most recently used: follow-ups come within
   * minutes of an answer, so these serve nearly all of them; older ones are read from disk (a file each).
   */
  hotThreads: number;
  /** Feedback entries kept. */
  maxFeedback: number;
  /** How long a thread match is kept (Redis: its key's TTL; file state: at most this long on disk). */
  threadTtlMs: number;
  /** Owed entries kept (the oldest are dropped, with a log line, past this). */
  maxOwed: number;
}

export const DEFAULT_LIMITS: StateLimits = {
  maxClaims: 100_000,
  maxThreads: 20_000,
  hotThreads: 1_000,
  maxFeedback: 50_000,
  threadTtlMs: 30 * 24 * 3600 * 1000,
  maxOwed: 10_000,
};

export function threadKey(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}
