/**
 * The one retry policy for everything kbbot sends to Slack: Web API calls (`callSlack`, web-api-policy.ts)
 * and `response_url` posts (`respondWithRetry`, respond-policy.ts). Same bounds, same backoff, and the
 * same outcome shape: both return `SendOutcome` and never throw; `…OrThrow` wrappers serve try/catch callers.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the answer would come too late to matter. */
  maxRetryAfterMs: number;
  /** Wall-clock budget for one call, waits included. */
  budgetMs: number;
  /** After a post timed out: how long to let a slow Slack finish before checking whether it landed. */
  settleMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 300, maxDelayMs: 5_000, maxRetryAfterMs: 60_000, budgetMs: 120_000, settleMs: 5_000 };

/** What a send came to: its result, or the last error after the retries (already dead-lettered if asked). */
export type SendOutcome<T> = { ok: true; result: T; attempts: number } | { ok: false; error: string; attempts: number };

/** Exponential backoff with jitter before attempt `attempt + 1`: half the step fixed, half random, capped. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return step / 2 + random() * (step / 2);
}

export const sleepFor = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));
