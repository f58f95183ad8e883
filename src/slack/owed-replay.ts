/**
 * Redoing replies still owed: left by a dead process, or put off because Slack's Web API did not answer
 * within the retry budget. Slack never redelivers an event it saw acknowledged, so the owed-work journal
 * (StateStore.owe/settle) is the only trace of them. `replayOwed` runs at start and then in the background
 * every little while (run.ts). An entry is replayed when it is older than a grace period (younger ones may
 * still be in the hands of a live instance sharing Redis) and past its `retryAt` (a reply put off while Slack
 * was down waits a backoff), through the same answer path. Crash guard: at most `maxAttempts` replays in all,
 * counted before each try, so a message that crashes the bot cannot make it crash on every start; a try that
 * ended because Slack did not answer is given back. Before answering, the thread is read back (unless the
 * last try certainly posted nothing): a reply already posted is not posted again. When Slack does not answer
 * the pass stops at once and the rest waits for the next one. An entry older than `maxAgeMs` (hours) is given
 * up with one dead-letter line. A replay claim keeps two instances from replaying the same entry.
 */
import type { webApi } from '@slack/bolt';
import type { OwedWork } from '../state/types.js';
import type { RetryPolicy } from './web-api-policy.js';
import type { ListenerDeps } from './deps.js';
import { answerIncoming, type BotIdentity } from './listeners/incoming.js';
import { callSlackOrThrow, SlackCallFailed } from './web-api-policy.js';

/** The message is gone (deleted, or the bot left the channel): there is nobody left to answer. */
const GONE_ERRORS = new Set(['thread_not_found', 'message_not_found', 'channel_not_found', 'not_in_channel', 'is_archived']);

export interface OwedReplayOptions {
  /** Entries younger than this are left alone (another instance may be answering them). */
  graceMs: number;
  /** Replays per entry before it is given up with one dead-letter line. */
  maxAttempts: number;
  /** An entry owed longer than this is given up with one dead-letter line (Slack down for hours). */
  maxAgeMs?: number;
}

/** A single process owns its data directory: everything owed there was left by a dead process. */
export const FILE_STORE_GRACE_MS = 0;
/** Behind Redis another instance may still be working: wait past callSlack's whole budget (120 s). */
export const SHARED_STORE_GRACE_MS = 150_000;
export const DEFAULT_MAX_REPLAYS = 3;
/** A reply is worth posting late, within reason: six hours of Slack outage, then a dead-letter line. */
export const DEFAULT_MAX_OWED_AGE_MS = 6 * 3600 * 1000;
/** How often the background pass looks for owed replies due. */
export const DEFAULT_REPLAY_INTERVAL_MS = 15_000;
const REPLAY_CLAIM_TTL_MS = 10 * 60 * 1000;
/** The replay's own reads (auth.test, conversations.replies) find out quickly whether Slack answers again. */
const PROBE_POLICY: Partial<RetryPolicy> = { maxAttempts: 3, budgetMs: 15_000 };

/** Slack did not answer a replay: the pass stops, the rest waits for the next one. */
class SlackAway extends Error {}

export interface OwedReplayReport {
  replayed: number;
  alreadyPosted: number;
  abandoned: number;
  /** Too young to touch yet; the caller may look again once the grace period has passed. */
  deferred: number;
  /** Left for another instance (claimed there) or for the next start (the check failed). */
  skipped: number;
}

/** Numeric order of Slack timestamps ("1700000000.000123"), without float rounding. */
export function compareTs(a: string, b: string): number {
  const [as = '', af = ''] = a.split('.');
  const [bs = '', bf = ''] = b.split('.');
  if (as.length !== bs.length) return as.length - bs.length;
  if (as !== bs) return as < bs ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const x = af.padEnd(width, '0');
  const y = bf.padEnd(width, '0');
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Did the bot already post in this message's thread after the message? Then the owed reply landed. */
async function alreadyAnswered(client: webApi.WebClient, deps: ListenerDeps, work: OwedWork, identity: BotIdentity): Promise<boolean> {
  const replies = await callSlackOrThrow<{ messages?: { ts?: string; user?: string; bot_id?: string }[] }>(
    client,
    'conversations.replies',
    { channel: work.channel, ts: work.threadTs ?? work.ts, limit: 200 },
    { logger: deps.logger, deadLetter: false, policy: PROBE_POLICY },
  );
  return (replies.messages ?? []).some(
    (m) => typeof m.ts === 'string' && compareTs(m.ts, work.ts) > 0 && ((identity.botId !== undefined && m.bot_id === identity.botId) || (identity.botUserId !== undefined && m.user === identity.botUserId)),
  );
}

async function botIdentity(client: webApi.WebClient, deps: ListenerDeps): Promise<BotIdentity> {
  const auth = await callSlackOrThrow<{ user_id?: string; bot_id?: string }>(client, 'auth.test', {}, { logger: deps.logger, deadLetter: false, policy: PROBE_POLICY });
  return { botUserId: auth.user_id, botId: auth.bot_id };
}

async function replayOne(client: webApi.WebClient, deps: ListenerDeps, work: OwedWork, identity: () => Promise<BotIdentity>, options: OwedReplayOptions): Promise<keyof OwedReplayReport> {
  if (work.attempts >= options.maxAttempts || Date.now() - work.at >= (options.maxAgeMs ?? DEFAULT_MAX_OWED_AGE_MS)) {
    if (!(await deps.state.claim(`replay:${work.id}:give-up`, REPLAY_CLAIM_TTL_MS))) return 'skipped';
    const error = work.attempts >= options.maxAttempts ? 'too_many_attempts' : 'too_old';
    deps.logger.error('owed reply given up', { event: 'dead_letter', method: 'replay', error, attempts: work.attempts, deferrals: work.deferrals ?? 0, work });
    await deps.state.settle(work.id);
    return 'abandoned';
  }
  // Read before claiming: a pass that finds Slack still away leaves no claim behind to hold up the next one.
  let who: BotIdentity;
  try {
    who = await identity();
    if (!work.notPosted && (await alreadyAnswered(client, deps, work, who))) {
      deps.logger.info('owed reply was already posted', { event: 'owed_replay', outcome: 'already_posted', channel: work.channel, messageTs: work.ts });
      await deps.state.settle(work.id);
      return 'alreadyPosted';
    }
  } catch (error) {
    if (error instanceof SlackCallFailed && GONE_ERRORS.has(error.error)) {
      deps.logger.warn('owed reply dropped: its message is gone', { event: 'owed_replay', outcome: 'gone', error: error.error, work });
      await deps.state.settle(work.id);
      return 'abandoned';
    }
    if (error instanceof SlackCallFailed && error.retryable) throw new SlackAway(error.message);
    // Slack answered, but not usefully (invalid_auth…): counted as an attempt, so this cannot go on for ever.
    await deps.state.owe({ ...work, attempts: work.attempts + 1 });
    deps.logger.warn('owed reply not replayed: cannot tell whether it was posted', { channel: work.channel, messageTs: work.ts, attempts: work.attempts + 1, err: error });
    return 'skipped';
  }
  if (!(await deps.state.claim(`replay:${work.id}:${work.attempts}:${work.deferrals ?? 0}`, REPLAY_CLAIM_TTL_MS))) return 'skipped';
  // Counted before trying: if this replay kills the process, the next start sees the attempt.
  const { notPosted: _unknownNow, ...rest } = work;
  const attempt = { ...rest, attempts: work.attempts + 1 };
  await deps.state.owe(attempt);
  deps.logger.info('replaying owed reply', { event: 'owed_replay', outcome: 'replayed', channel: work.channel, messageTs: work.ts, attempts: attempt.attempts, deferrals: work.deferrals ?? 0 });
  const outcome = await answerIncoming(client, deps, who, {
    eventId: work.eventId,
    channel: work.channel,
    channelType: work.channelType,
    ts: work.ts,
    threadTs: work.threadTs,
    text: work.text,
    files: work.fileIds.map((id) => ({ id })),
    mention: work.kind === 'mention',
    claimed: true,
    replay: attempt,
  });
  if (outcome?.kind === 'owed') throw new SlackAway('slack did not answer the replayed reply');
  return 'replayed';
}

/** Replays the owed work left in the state store, one entry at a time; never throws. */
export async function replayOwed(client: webApi.WebClient, deps: ListenerDeps, options: OwedReplayOptions, quietWhenNothingOwed = false): Promise<OwedReplayReport> {
  const report: OwedReplayReport = { replayed: 0, alreadyPosted: 0, abandoned: 0, deferred: 0, skipped: 0 };
  let cached: Promise<BotIdentity> | undefined;
  const identity = () => (cached ??= botIdentity(client, deps).catch((error: unknown) => {
    cached = undefined;
    throw error;
  }));
  let owed: OwedWork[];
  try {
    owed = await deps.state.listOwed();
  } catch (error) {
    deps.logger.error('owed replies not read', { err: error });
    return report;
  }
  const now = Date.now();
  let away = false;
  for (const work of owed) {
    // Too young (a live instance may be on it), put off until later, being answered here, or Slack is away.
    const tooYoung = work.deferrals === undefined && now - work.at < options.graceMs;
    if (away || tooYoung || (work.retryAt ?? 0) > now || deps.answering?.has(work.id)) {
      report.deferred += 1;
      continue;
    }
    try {
      report[await replayOne(client, deps, work, identity, options)] += 1;
    } catch (error) {
      if (error instanceof SlackAway) {
        away = true;
        report.deferred += 1;
        continue;
      }
      deps.logger.error('owed reply replay failed', { channel: work.channel, messageTs: work.ts, err: error });
      report.skipped += 1;
    }
  }
  if (away) deps.logger.warn('slack does not answer yet; owed replies wait for the next pass', { event: 'owed_replay_waiting', owed: owed.length });
  if (!quietWhenNothingOwed || owed.length > 0) deps.logger.info('owed replies checked', { event: 'owed_replay_done', owed: owed.length, ...report });
  return report;
}
