/**
 * How kbbot talks to Slack's Web API when Slack misbehaves. The WebClient itself never retries
 * (`webClientOptions`): a blind retry of a `chat.postMessage` that timed out after Slack stored it would
 * double-post. `callSlack` retries instead, per failure kind:
 *   429            wait Retry-After (all calls to that method wait: Slack limits per method), then retry,
 *                  the waiters released a few ms apart so they don't all fire (and stall the loop) in one tick
 *   5xx, network   exponential backoff with jitter, bounded attempts and a total time budget
 *   timeout        idempotent methods retry; a post first checks whether Slack stored it after all
 *   msg_too_long…  one retry with a shortened message
 *   other ok:false give up (channel_not_found, not_in_channel, …)
 * A call that finally fails writes one structured line, `slack call dead-lettered`, carrying everything
 * needed to redo it (method, channel, thread, text, blocks, metadata; never the token).
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../log.js';
import { backoffMs, DEFAULT_RETRY_POLICY, sleepFor, type RetryPolicy, type SendOutcome } from './retry-policy.js';

export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

type WebClient = webApi.WebClient;
type Args = Record<string, unknown>;

/** Per-request timeout for every Web API call. */
export const WEB_API_TIMEOUT_MS = 10_000;

/** Options for the App's `clientOptions`: no hidden retries, rate limits surfaced to `callSlack`, a timeout. */
export function webClientOptions(slackApiUrl?: string): webApi.WebClientOptions {
  return {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: WEB_API_TIMEOUT_MS,
    ...(slackApiUrl ? { slackApiUrl } : {}),
  };
}

/** `ok:false` codes that a later attempt can fix. */
const RETRYABLE_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
/** `ok:false` codes that a shorter message can fix. */
const TOO_LONG_ERRORS = new Set(['msg_too_long', 'msg_blocks_too_long', 'invalid_blocks', 'too_many_attachments']);
/** Methods that create something new: a retry after an unknown outcome could duplicate it. */
const CREATING_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral']);

export interface CallSlackOptions {
  logger: Logger;
  policy?: Partial<RetryPolicy>;
  /** Shortens a message Slack refused as too long; defaults to `shortenMessage`. */
  shorten?: (args: Args) => Args | undefined;
  /** Fields of the dead-letter line besides the call's own (e.g. the source message's ts). */
  context?: Record<string, unknown>;
  /** Off when the caller has another way to deliver (e.g. response_url) and logs the outcome itself. */
  deadLetter?: boolean;
  /**
   * The caller keeps the work owed and tries again later (owed-reply replay): a final failure Slack may yet
   * recover from (5xx, network, rate limit, unknown outcome) is returned `retryable`, not dead-lettered.
   */
  keepOwed?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

/** `SendOutcome`, a failure also saying whether a later try could succeed and whether it may have landed. */
export type SlackCallOutcome<T> =
  | Extract<SendOutcome<T>, { ok: true }>
  | (Extract<SendOutcome<T>, { ok: false }> & { retryable: boolean; mayHaveLanded: boolean });

type Failure =
  | { kind: 'rate_limited'; retryAfterMs: number; error: string }
  | { kind: 'transient'; error: string }
  | { kind: 'unknown_outcome'; error: string }
  | { kind: 'too_long'; error: string }
  | { kind: 'permanent'; error: string };

function classify(error: unknown): Failure {
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; original?: Error };
  switch (e.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { kind: 'rate_limited', retryAfterMs: Math.max(0, Number(e.retryAfter ?? 1)) * 1000, error: 'rate_limited' };
    case webApi.ErrorCode.HTTPError:
      return (e.statusCode ?? 0) >= 500 ? { kind: 'transient', error: `http_${e.statusCode}` } : { kind: 'permanent', error: `http_${e.statusCode}` };
    case webApi.ErrorCode.RequestError: {
      const name = e.original?.name ?? '';
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return timedOut ? { kind: 'unknown_outcome', error: 'timeout' } : { kind: 'transient', error: `request_failed: ${e.original?.message ?? ''}` };
    }
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (RETRYABLE_ERRORS.has(code)) return { kind: 'transient', error: code };
      if (TOO_LONG_ERRORS.has(code)) return { kind: 'too_long', error: code };
      return { kind: 'permanent', error: code };
    }
    default:
      return { kind: 'permanent', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Slack's rate limits are per method and workspace: one client's calls to a limited method wait together. */
const pausedUntil = new WeakMap<WebClient, Map<string, number>>();

function pauseOf(client: WebClient, method: string): number {
  return pausedUntil.get(client)?.get(method) ?? 0;
}

/** Gap between calls released from one pause: a burst of waiters fired in one tick stalls the event loop (acks wait). */
const RELEASE_SPACING_MS = 5;
const lastRelease = new WeakMap<WebClient, Map<string, number>>();

/** When this waiter may go: the pause's end, or one spacing after the waiter released before it. */
function releaseSlot(client: WebClient, method: string, pausedTill: number): number {
  let methods = lastRelease.get(client);
  if (!methods) lastRelease.set(client, (methods = new Map()));
  const slot = Math.max(pausedTill, (methods.get(method) ?? 0) + RELEASE_SPACING_MS);
  methods.set(method, slot);
  return slot;
}

function pause(client: WebClient, method: string, until: number): void {
  let methods = pausedUntil.get(client);
  if (!methods) pausedUntil.set(client, (methods = new Map()));
  methods.set(method, Math.max(until, methods.get(method) ?? 0));
}

/**
 * A smaller message for one more try: the plain text fallback alone (it carries the cause, fix and rollback
 * warning), cut to 3,000 characters. Undefined when there is nothing left to cut.
 */
export function shortenMessage(args: Args): Args | undefined {
  const text = typeof args.text === 'string' ? args.text : '';
  const hasBlocks = Array.isArray(args.blocks) && args.blocks.length > 0;
  if (!hasBlocks && text.length <= 3_000) return undefined;
  const { blocks: _dropped, ...rest } = args;
  return { ...rest, text: text.length > 3_000 ? `${text.slice(0, 2_990)}… (cut)` : text };
}

/** After a timed-out post: did Slack store it anyway? Looks for the same text from a bot in the thread. */
async function postLanded(client: WebClient, args: Args): Promise<string | undefined> {
  if (typeof args.channel !== 'string' || typeof args.thread_ts !== 'string') return undefined;
  const replies = await client.conversations.replies({ channel: args.channel, ts: args.thread_ts, limit: 50 });
  const found = (replies.messages ?? []).find((m) => m.bot_id !== undefined && m.text === args.text && m.ts !== args.thread_ts);
  return found?.ts;
}

function deadLetter(logger: Logger, method: string, args: Args, error: string, attempts: number, context: Record<string, unknown> | undefined): void {
  const { token: _token, ...call } = args;
  logger.error('slack call dead-lettered', { event: 'dead_letter', method, error, attempts, ...context, call });
}

/** Calls `method`, retrying per the policy above. Never throws; a final failure is logged once and returned. */
export async function callSlack<T = webApi.WebAPICallResult>(client: WebClient, method: string, args: Args, options: CallSlackOptions): Promise<SlackCallOutcome<T>> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const sleep = options.sleep ?? sleepFor;
  const deadline = Date.now() + policy.budgetMs;
  let current = args;
  let shortened = false;
  let attempts = 0;
  let last = 'unknown_error';
  // Whether the last failure is one a later try could fix (Slack down or overloaded), not a refusal.
  let retryable = false;
  let mayHaveLanded = false;
  while (attempts < policy.maxAttempts) {
    const pausedTill = pauseOf(client, method);
    if (pausedTill > Date.now()) {
      const wait = releaseSlot(client, method, pausedTill) - Date.now();
      if (Date.now() + wait > deadline) break;
      await sleep(wait);
    }
    attempts += 1;
    let failure: Failure;
    try {
      return { ok: true, result: (await client.apiCall(method, current)) as T, attempts };
    } catch (error) {
      failure = classify(error);
    }
    last = failure.error;
    retryable = failure.kind === 'transient' || failure.kind === 'rate_limited' || failure.kind === 'unknown_outcome';
    mayHaveLanded ||= failure.kind === 'unknown_outcome';
    options.logger.debug('slack call failed', { method, error: failure.error, kind: failure.kind, attempt: attempts });
    if (failure.kind === 'permanent') break;
    if (failure.kind === 'too_long') {
      const smaller = shortened ? undefined : (options.shorten ?? shortenMessage)(current);
      if (!smaller) break;
      shortened = true;
      current = smaller;
      continue;
    }
    if (failure.kind === 'rate_limited') {
      if (failure.retryAfterMs > policy.maxRetryAfterMs) break;
      pause(client, method, Date.now() + failure.retryAfterMs);
      continue;
    }
    if (failure.kind === 'unknown_outcome' && CREATING_METHODS.has(method)) {
      if (Date.now() + policy.settleMs > deadline) break;
      await sleep(policy.settleMs);
      try {
        const ts = await postLanded(client, current);
        if (ts) return { ok: true, result: { ok: true, ts, channel: current.channel } as T, attempts };
      } catch (error) {
        // Cannot tell whether it landed: a second post risks a duplicate, so hand it over for a redo instead.
        last = `timeout; check failed: ${classify(error).error}`;
        break;
      }
    }
    const delay = backoffMs(policy, attempts);
    if (Date.now() + delay > deadline) break;
    await sleep(delay);
  }
  const deadLettered = options.deadLetter !== false && !(retryable && options.keepOwed === true);
  if (deadLettered) deadLetter(options.logger, method, current, last, attempts, options.context);
  return { ok: false, error: last, attempts, retryable, mayHaveLanded };
}

/** Thrown by `callSlackOrThrow` once the failure has been dead-lettered: callers must not log it again. */
export class SlackCallFailed extends Error {
  constructor(
    readonly method: string,
    readonly error: string,
    readonly deadLettered: boolean,
    /** Slack may yet take it (5xx, network, rate limit, unknown outcome): worth trying again later. */
    readonly retryable = false,
    /** A try timed out: Slack may have stored it, so read the thread back before trying again. */
    readonly mayHaveLanded = true,
  ) {
    super(`${method} failed: ${error}`);
    this.name = 'SlackCallFailed';
  }
}

/** `callSlack` for code written with try/catch: the result, or a SlackCallFailed after the one log line. */
export async function callSlackOrThrow<T = webApi.WebAPICallResult>(client: WebClient, method: string, args: Args, options: CallSlackOptions): Promise<T> {
  const outcome = await callSlack<T>(client, method, args, options);
  if (!outcome.ok) {
    const kept = outcome.retryable && options.keepOwed === true;
    throw new SlackCallFailed(method, outcome.error, options.deadLetter !== false && !kept, outcome.retryable, outcome.mayHaveLanded);
  }
  return outcome.result;
}
