/**
 * What kbbot remembers between messages and across restarts: dedupe claims, channel mutes,
 * feedback and thread matches. One interface; a file journal (default) and Redis implement it.
 */
import type { Feedback, ThreadMatch } from '../model.js';

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
  close(): Promise<void>;
}

export interface StateLimits {
  /** Dedupe claims kept in memory (file store, and the Redis store's fallback). */
  maxClaims: number;
  /** Thread matches kept. */
  maxThreads: number;
  /** Feedback entries kept. */
  maxFeedback: number;
  /** How long Redis keeps a thread match. */
  threadTtlMs: number;
}

export const DEFAULT_LIMITS: StateLimits = {
  maxClaims: 100_000,
  maxThreads: 20_000,
  maxFeedback: 50_000,
  threadTtlMs: 30 * 24 * 3600 * 1000,
};

export function threadKey(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}
