/**
 * `respond()` (a command's, action's or shortcut's response_url) under the same policy as `callSlack`:
 * a 429 or a 5xx from Slack, or a network error, is retried with backoff (bounded attempts and time);
 * anything else (an expired URL: 404, a refused message: 400) is given up at once. A final failure is one
 * structured line (`"event":"dead_letter"`, `method: "respond"`) holding the message, so it can be redone.
 * Bolt's RespondError carries only the status, not Retry-After: a 429 waits at least a second.
 */
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { Logger } from '../log.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './web-api-policy.js';

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

/** Thrown after the retries are spent (and the dead-letter line, if asked for, is written). */
export class RespondFailed extends Error {
  constructor(
    readonly error: string,
    readonly attempts: number,
  ) {
    super(`response_url post failed: ${error}`);
    this.name = 'RespondFailed';
  }
}

export async function respondWithRetry(respond: RespondFn, message: RespondArguments, options: RespondOptions): Promise<void> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + policy.budgetMs;
  let attempts = 0;
  let last = 'unknown_error';
  while (attempts < policy.maxAttempts) {
    attempts += 1;
    try {
      await respond(message);
      return;
    } catch (error) {
      const failure = failureOf(error);
      last = failure.error;
      options.logger.debug('response_url post failed', { method: 'respond', error: failure.error, attempt: attempts });
      if (!failure.retry) break;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
      const delay = Math.max(failure.status === 429 ? RATE_LIMIT_FLOOR_MS : 0, backoff / 2 + Math.random() * (backoff / 2));
      if (Date.now() + delay > deadline || attempts >= policy.maxAttempts) break;
      await sleep(delay);
    }
  }
  if (options.deadLetter !== false) options.logger.error('slack call dead-lettered', { event: 'dead_letter', method: 'respond', error: last, attempts, call: message });
  throw new RespondFailed(last, attempts);
}
