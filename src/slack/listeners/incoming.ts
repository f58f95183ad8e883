/**
 * One path for every new message the bot sees (channel message, snippet, mention, thread follow-up):
 * dedupe → mute check → read text and snippets → ask the bot → reply in the thread.
 */
import type { webApi } from '@slack/bolt';
import type { ChannelType } from '../../bot/index.js';
import type { OwedWork } from '../../state/types.js';
import type { ListenerDeps } from '../deps.js';
import { isFirstDelivery } from '../deps.js';
import { deliver, type DeliveryOutcome } from '../deliver.js';
import { deferOwed, owedId } from '../../state/owed.js';
import { readSnippets, type FileInfo, type SlackFile } from '../snippets.js';
import { mentionsUser, messageText, withoutUnfurledLinks } from '../text.js';

export interface IncomingMessage {
  eventId: unknown;
  channel: string;
  /** From the event's channel_type; app_mention events carry none. */
  channelType: string | undefined;
  ts: string;
  threadTs: string | undefined;
  text?: unknown;
  blocks?: unknown;
  files?: unknown;
  /** True for app_mention events. */
  mention: boolean;
  /** The caller already claimed this delivery (edits claim their own event id). */
  claimed?: boolean;
  /** A replay of owed work (after a restart, or once Slack answers again): already owed, settled when answered. */
  replay?: OwedWork;
}

export interface BotIdentity {
  botUserId: string | undefined;
  botId: string | undefined;
}

/** Slack's channel_type, or a guess from the id's prefix (D = DM, G = private or group DM, C = channel). */
export function channelTypeOf(channelType: string | undefined, channel: string): ChannelType {
  if (channelType === 'im' || channelType === 'mpim' || channelType === 'group' || channelType === 'channel') return channelType;
  if (channel.startsWith('D')) return 'im';
  return channel.startsWith('G') ? 'group' : 'channel';
}

/** files.info through the listener's client, for snippet stubs. */
export function fileInfoVia(client: webApi.WebClient): FileInfo {
  return async (id) => (await client.files.info({ file: id })).file as SlackFile | undefined;
}

/** The text the bot reads: message text (or its rich_text blocks) and any text snippets. */
export async function readMessage(client: webApi.WebClient, deps: ListenerDeps, message: { text?: unknown; blocks?: unknown; files?: unknown }): Promise<string> {
  const snippets = await readSnippets(message.files, deps.snippets, fileInfoVia(client));
  return [withoutUnfurledLinks(messageText(message)), snippets].filter((t) => t.trim() !== '').join('\n\n');
}

/** What to write down so the answer can be redone after a crash: the message as the bot will read it. */
export function owedWorkOf(message: IncomingMessage): OwedWork {
  const files = Array.isArray(message.files) ? (message.files as { id?: unknown }[]) : [];
  return {
    id: owedId(message.channel, message.ts),
    kind: message.mention ? 'mention' : 'message',
    ...(typeof message.eventId === 'string' ? { eventId: message.eventId } : {}),
    channel: message.channel,
    ...(message.channelType ? { channelType: message.channelType } : {}),
    ts: message.ts,
    ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    text: messageText(message),
    fileIds: files.flatMap((f) => (typeof f?.id === 'string' ? [f.id] : [])),
    at: Date.now(),
    attempts: 0,
  };
}

/**
 * Answers a new message once: claim it, write down that a reply is owed (after the ack, alongside the
 * matching: never in the ack's way), answer, then settle the debt. A crash before the settle leaves the
 * entry for `replayOwed` on the next start.
 */
export async function answerIncoming(client: webApi.WebClient, deps: ListenerDeps, identity: BotIdentity, message: IncomingMessage): Promise<DeliveryOutcome | undefined> {
  const { channel, ts } = message;
  if (!message.claimed && !(await isFirstDelivery(deps.state, message.eventId, channel, ts))) {
    deps.logger.info('duplicate delivery ignored', { channel, ts, eventId: message.eventId });
    return undefined;
  }
  const work = message.replay ?? owedWorkOf(message);
  if (deps.answering?.has(work.id)) return undefined;
  deps.answering?.add(work.id);
  try {
    const owing = message.replay
      ? Promise.resolve(true)
      : deps.state.owe(work).then(
          () => true,
          (error: unknown) => {
            deps.logger.warn('owed reply not recorded', { channel, ts, err: error });
            return false;
          },
        );
    const outcome = await answerClaimed(client, deps, identity, message, owing);
    if (!(await owing)) return outcome;
    if (outcome.kind === 'owed') {
      // Slack did not answer within the retry budget: the entry stays, tried again in the background.
      const deferred = deferOwed(work, { countedAttempt: message.replay !== undefined, notPosted: outcome.notPosted, now: Date.now(), firstDeferMs: deps.outageTuning?.firstDeferMs });
      await deps.state.owe(deferred).catch((error: unknown) => deps.logger.warn('owed reply not deferred', { channel, ts, err: error }));
      return outcome;
    }
    // Reached once the reply is posted, dead-lettered (deliver logs it) or not needed (muted, nothing to say).
    await deps.state.settle(work.id).catch((error: unknown) => deps.logger.warn('owed reply not settled', { channel, ts, err: error }));
    return outcome;
  } finally {
    deps.answering?.delete(work.id);
  }
}

const NOTHING_TO_DELIVER: DeliveryOutcome = { kind: 'delivered' };

async function answerClaimed(client: webApi.WebClient, deps: ListenerDeps, identity: BotIdentity, message: IncomingMessage, owed: Promise<boolean>): Promise<DeliveryOutcome> {
  const { channel, ts } = message;
  const channelType = channelTypeOf(message.channelType, channel);
  const isMention = message.mention || mentionsUser(messageText(message), identity.botUserId);
  if (channelType !== 'im' && !isMention && (await deps.state.isMuted(channel))) return NOTHING_TO_DELIVER;

  const inThread = message.threadTs !== undefined && message.threadTs !== ts;
  const threadTs = message.threadTs ?? ts;
  const thread = inThread ? await deps.threads.recover(client, channel, threadTs, identity.botUserId, identity.botId) : undefined;
  // A thread the bot never answered is someone else's conversation, unless they ask the bot.
  if (inThread && !thread && !isMention && channelType !== 'im') return NOTHING_TO_DELIVER;

  const text = await readMessage(client, deps, message);
  const answer = deps.bot.answerMessage({ text, channelType, isMention, channel, threadTs, ...(thread ? { threadMatch: thread } : {}) });
  return deliver(client, deps, answer, { channel, threadTs, owed, ...(thread ? { thread } : {}) });
}
