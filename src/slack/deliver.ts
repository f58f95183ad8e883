/**
 * Delivering a BotAnswer the way it asks: `thread` (a reply in the thread, never broadcast), `ephemeral`
 * (only the asker sees it), `replace` (chat.update of the bot's earlier reply) or `channel` (a shared /kb
 * answer). The thread's match is remembered in state and written into the reply's metadata. Effects
 * (mute, unmute, feedback) are applied here, where state lives. Every failure is logged with enough to redo it.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { BotAnswer, BotEffect } from '../bot/index.js';
import type { ThreadMatch } from '../model.js';
import type { Reply } from '../reply/index.js';
import type { ListenerDeps } from './deps.js';
import { respondOrThrow, RespondFailed } from './respond-policy.js';
import { matchMetadata } from './threads.js';
import { callSlackOrThrow, SlackCallFailed, type RetryPolicy } from './web-api-policy.js';

type WebClient = webApi.WebClient;

export interface Place {
  channel: string;
  /** Thread root for `thread` delivery: the message's thread_ts, else its ts. */
  threadTs?: string;
  /** Who asked: ephemeral answers go to them. */
  user?: string;
  /** The thread's current memory (`replace` needs its replyTs). */
  thread?: ThreadMatch;
  /** response_url of a command, action or shortcut: reaches people in channels the bot is not in. */
  respond?: RespondFn;
  /** Deliver a `thread` answer by updating this earlier reply instead (an edited source message). */
  updateTs?: string;
  /**
   * An owed-work entry backs this answer (true once it is durable): when Slack stays down past the retry
   * budget the reply is left owed, to be retried in the background, instead of dead-lettered.
   */
  owed?: Promise<boolean>;
}

/**
 * How a delivery ended: posted (or nothing to post); failed for good (logged, or dead-lettered with what
 * is needed to redo it); or still `owed` because Slack did not answer (`notPosted`: certainly not posted).
 */
export type DeliveryOutcome = { kind: 'delivered' } | { kind: 'failed' } | { kind: 'owed'; notPosted: boolean };
const DELIVERED: DeliveryOutcome = { kind: 'delivered' };
const FAILED: DeliveryOutcome = { kind: 'failed' };

function tuned(deps: ListenerDeps): { policy?: Partial<RetryPolicy> } {
  return deps.outageTuning?.webApi ? { policy: deps.outageTuning.webApi } : {};
}

/** Whether a final failure of a call may be left owed rather than dead-lettered. */
async function keepsOwed(place: Place): Promise<boolean> {
  return place.owed !== undefined && (await place.owed);
}

async function remember(deps: ListenerDeps, match: ThreadMatch | undefined, replyTs: string | undefined): Promise<void> {
  if (!match) return;
  await deps.threads.remember(match.replyTs || !replyTs ? match : { ...match, replyTs });
}

async function post(client: WebClient, deps: ListenerDeps, place: Place, reply: Reply, match: ThreadMatch | undefined, threaded: boolean): Promise<string | undefined> {
  // Retries, Retry-After, a shortened retry on msg_too_long and the dead-letter line live in callSlack.
  const result = await callSlackOrThrow<{ ts?: string }>(client, 'chat.postMessage', {
    channel: place.channel,
    ...(threaded && place.threadTs ? { thread_ts: place.threadTs, reply_broadcast: false } : {}),
    text: reply.text,
    blocks: reply.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(match ? { metadata: matchMetadata(match) } : {}),
  }, { logger: deps.logger, deadLetter: threaded || !place.respond, keepOwed: threaded && (await keepsOwed(place)), ...tuned(deps) });
  return result.ts;
}

async function update(client: WebClient, deps: ListenerDeps, place: Place, ts: string, reply: Reply, match: ThreadMatch | undefined): Promise<void> {
  const args = { channel: place.channel, ts, text: reply.text, blocks: reply.blocks, ...(match ? { metadata: matchMetadata(match) } : {}) };
  await callSlackOrThrow(client, 'chat.update', args, { logger: deps.logger, keepOwed: await keepsOwed(place), ...tuned(deps) });
}

async function ephemeral(client: WebClient, deps: ListenerDeps, place: Place, reply: Reply): Promise<void> {
  if (place.user) {
    const args = { channel: place.channel, user: place.user, text: reply.text, blocks: reply.blocks, ...(place.threadTs ? { thread_ts: place.threadTs } : {}) };
    try {
      // With a response_url to fall back on, a final failure is not dead-lettered: the fallback answers.
      await callSlackOrThrow(client, 'chat.postEphemeral', args, { logger: deps.logger, deadLetter: !place.respond });
      return;
    } catch (error) {
      if (!place.respond) throw error;
      deps.logger.debug('chat.postEphemeral failed; answering through response_url', { channel: place.channel, err: error });
    }
  }
  if (!place.respond) throw new Error('no way to answer ephemerally');
  await respondOrThrow(place.respond, { response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks }, { logger: deps.logger });
}

export async function deliver(client: WebClient, deps: ListenerDeps, answer: BotAnswer, place: Place): Promise<DeliveryOutcome> {
  const reply = answer.replies[0];
  if (!reply) return DELIVERED;
  const match = answer.threadMatch;
  try {
    switch (answer.delivery) {
      case 'thread': {
        if (place.updateTs) {
          await update(client, deps, place, place.updateTs, reply, match);
          await remember(deps, match, place.updateTs);
        } else {
          // Remembered before posting too: a follow-up can arrive the moment the reply shows up.
          if (match) await deps.threads.remember(match);
          await remember(deps, match, await post(client, deps, place, reply, match, true));
        }
        return DELIVERED;
      }
      case 'replace': {
        const ts = place.thread?.replyTs ?? match?.replyTs;
        if (ts) {
          await update(client, deps, place, ts, reply, match);
          await remember(deps, match, ts);
        } else {
          await remember(deps, match, await post(client, deps, place, reply, match, true));
        }
        return DELIVERED;
      }
      case 'channel': {
        try {
          const ts = await post(client, deps, place, reply, match, false);
          if (match && ts) await remember(deps, { ...match, channel: place.channel, threadTs: ts }, ts);
        } catch (error) {
          // The bot may not be in the channel: response_url posts there anyway, visible to everyone.
          if (!place.respond) throw error;
          await respondOrThrow(place.respond, { response_type: 'in_channel', replace_original: false, text: reply.text, blocks: reply.blocks }, { logger: deps.logger });
        }
        return DELIVERED;
      }
      case 'ephemeral':
        await ephemeral(client, deps, place, reply);
        return DELIVERED;
    }
  } catch (error) {
    if (error instanceof SlackCallFailed && error.retryable && !error.deadLettered && (await keepsOwed(place))) {
      deps.logger.warn('slack did not answer; reply kept owed for a later try', { event: 'reply_owed', method: error.method, error: error.error, channel: place.channel, threadTs: place.threadTs });
      return { kind: 'owed', notPosted: !error.mayHaveLanded };
    }
    // Already written as one dead-letter line with everything needed to redo it.
    if ((error instanceof SlackCallFailed && error.deadLettered) || error instanceof RespondFailed) return FAILED;
    deps.logger.error('reply failed', { delivery: answer.delivery, channel: place.channel, threadTs: place.threadTs, user: place.user, text: reply.text, err: error });
  }
  return FAILED;
}


/** Applies what the bot asked for: channel mutes and recorded feedback (durable before this resolves). */
export async function applyEffect(deps: ListenerDeps, effect: BotEffect | undefined, where: { channel: string; user: string; threadTs?: string }): Promise<void> {
  if (!effect) return;
  if (effect.kind === 'mute' || effect.kind === 'unmute') {
    await deps.state.setMuted(where.channel, effect.kind === 'mute');
    deps.logger.info('channel mute changed', { event: 'mute', channel: where.channel, user: where.user, muted: effect.kind === 'mute' });
    return;
  }
  // Edits and retirements need the team store and a trigger: the record listener applies them.
  if (effect.kind !== 'feedback') return;
  deps.logger.info('feedback', { event: 'feedback', verdict: effect.verdict, kb: effect.kb, channel: where.channel, threadTs: where.threadTs, user: where.user });
  await deps.state.recordFeedback({ channel: where.channel, threadTs: where.threadTs ?? '', kb: effect.kb, user: where.user, verdict: effect.verdict, at: Date.now() });
}
