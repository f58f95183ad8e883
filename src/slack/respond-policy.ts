/**
 * `respond()` (a command's, action's or shortcut's response_url) under the same policy as `callSlack`
 * (retry-policy.ts), with the same outcome: `respondWithRetry` returns it, `respondOrThrow` throws on failure:
 * a 429 or a 5xx from Slack, or a network error, is retried with backoff (bounded attempts and time);
 * anything else (an expired URL: 404, a refused message: 400) is given up at once. A final failure is one
 * structured line (`"event":"dead_letter"`, `method: "respond"`) holding the message, so it can be redone.
 * Bolt's RespondError carries only the status, not Retry-After: a 429 waits at least a second.
 */
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { Logger } from '../log.js';
import { backoffMs, DEFAULT_RETRY_POLICY, sleepFor, type RetryPolicy, type SendOutcome } from './retry-policy.js';

export interface RespondOptions {
  logger: Logger;
  policy?: Partial<RetryPolicy>;
  /** Off when the caller has another way to answer and logs the outcome itself. */
  deadLetter?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

const RATE_LIMIT_FLOOR_MS = 1_000;

function failureOf(error: unknown): { retry: boolean; error: string; status?: number } {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') return { retry: status === 429 || status >= 500, error: `http_${status}`, status };
  // fetch rejects (TypeError: fetch failed) when the connection fails: worth another try.
  return { retry: error instanceof TypeError, error: error instanceof Error ? error.message : String(error) };
}

/** Thrown by `respondOrThrow` after the retries are spent (and the dead-letter line, if asked for, is written). */
export class RespondFailed extends Error {
  constructor(
    readonly error: string,
    readonly attempts: number,
  ) {
    super(`response_url post failed: ${error}`);
    this.name = 'RespondFailed';
  }
}

/** Posts to the response_url, retrying per the policy. Never throws; a final failure is logged once and returned. */
export async function respondWithRetry(respond: RespondFn, message: RespondArguments, options: RespondOptions): Promise<SendOutcome<void>> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const sleep = options.sleep ?? sleepFor;
  const deadline = Date.now() + policy.budgetMs;
  let attempts = 0;
  let last = 'unknown_error';
  while (attempts < policy.maxAttempts) {
    attempts += 1;
    try {
      await respond(message);
      return { ok: true, result: undefined, attempts };
    } catch (error) {
      const failure = failureOf(error);
      last = failure.error;
      options.logger.debug('response_url post failed', { method: 'respond', error: failure.error, attempt: attempts });
      if (!failure.retry) break;
      const delay = Math.max(failure.status === 429 ? RATE_LIMIT_FLOOR_MS : 0, backoffMs(policy, attempts));
      if (Date.now() + delay > deadline || attempts >= policy.maxAttempts) break;
      await sleep(delay);
    }
  }
  if (options.deadLetter !== false) options.logger.error('slack call dead-lettered', { event: 'dead_letter', method: 'respond', error: last, attempts, call: message });
  return { ok: false, error: last, attempts };
}

/** `respondWithRetry` for code written with try/catch: a RespondFailed after the one log line. */
export async function respondOrThrow(respond: RespondFn, message: RespondArguments, options: RespondOptions): Promise<void> {
  const outcome = await respondWithRetry(respond, message, options);
  if (!outcome.ok) throw new RespondFailed(outcome.error, outcome.attempts);
}
