/**
 * Redoing replies a dead process still owed. Slack never redelivers an event it saw acknowledged, so the
 * owed-work journal (StateStore.owe/settle) is the only trace of them. On start, every entry older than a
 * grace period (younger ones may still be in the hands of a live instance sharing Redis) is replayed once
 * more through the same answer path, at most `maxAttempts` times in all: a message that crashes the bot
 * cannot make it crash on every start. Before answering, the thread is read back: a reply the dead process
 * posted but had not yet settled is found there and not posted again. A replay claim keeps two instances
 * starting together from replaying the same entry.
 */
import type { webApi } from '@slack/bolt';
import type { OwedWork } from '../state/types.js';
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
}

/** A single process owns its data directory: everything owed there was left by a dead process. */
export const FILE_STORE_GRACE_MS = 0;
/** Behind Redis another instance may still be working: wait past callSlack's whole budget (120 s). */
export const SHARED_STORE_GRACE_MS = 150_000;
export const DEFAULT_MAX_REPLAYS = 3;
const REPLAY_CLAIM_TTL_MS = 10 * 60 * 1000;

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
    { logger: deps.logger, deadLetter: false },
  );
  return (replies.messages ?? []).some(
    (m) => typeof m.ts === 'string' && compareTs(m.ts, work.ts) > 0 && ((identity.botId !== undefined && m.bot_id === identity.botId) || (identity.botUserId !== undefined && m.user === identity.botUserId)),
  );
}

async function botIdentity(client: webApi.WebClient, deps: ListenerDeps): Promise<BotIdentity> {
  const auth = await callSlackOrThrow<{ user_id?: string; bot_id?: string }>(client, 'auth.test', {}, { logger: deps.logger, deadLetter: false });
  return { botUserId: auth.user_id, botId: auth.bot_id };
}

async function replayOne(client: webApi.WebClient, deps: ListenerDeps, work: OwedWork, identity: () => Promise<BotIdentity>, maxAttempts: number): Promise<keyof OwedReplayReport> {
  if (!(await deps.state.claim(`replay:${work.id}:${work.attempts}`, REPLAY_CLAIM_TTL_MS))) return 'skipped';
  if (work.attempts >= maxAttempts) {
    deps.logger.error('owed reply given up', { event: 'dead_letter', method: 'replay', error: 'too_many_attempts', attempts: work.attempts, work });
    await deps.state.settle(work.id);
    return 'abandoned';
  }
  // Counted before trying: if this replay kills the process, the next start sees the attempt.
  const attempt = { ...work, attempts: work.attempts + 1 };
  await deps.state.owe(attempt);
  let who: BotIdentity;
  try {
    who = await identity();
    if (await alreadyAnswered(client, deps, work, who)) {
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
    deps.logger.warn('owed reply not replayed: cannot tell whether it was posted', { channel: work.channel, messageTs: work.ts, attempts: attempt.attempts, err: error });
    return 'skipped';
  }
  deps.logger.info('replaying owed reply', { event: 'owed_replay', outcome: 'replayed', channel: work.channel, messageTs: work.ts, attempts: attempt.attempts });
  await answerIncoming(client, deps, who, {
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
  return 'replayed';
}

/** Replays the owed work left in the state store, one entry at a time; never throws. */
export async function replayOwed(client: webApi.WebClient, deps: ListenerDeps, options: OwedReplayOptions): Promise<OwedReplayReport> {
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
  for (const work of owed) {
    if (now - work.at < options.graceMs) {
      report.deferred += 1;
      continue;
    }
    try {
      report[await replayOne(client, deps, work, identity, options.maxAttempts)] += 1;
    } catch (error) {
      deps.logger.error('owed reply replay failed', { channel: work.channel, messageTs: work.ts, err: error });
      report.skipped += 1;
    }
  }
  deps.logger.info('owed replies checked', { event: 'owed_replay_done', owed: owed.length, ...report });
  return report;
}
