/**
 * `message_changed`: when someone edits a message the bot answered, the answer is recomputed and the bot's
 * reply is updated in place (`chat.update`), never posted again. Edits of a message the bot did not answer
 * are treated as new messages. Slack also sends message_changed for unfurls and for the bot's own updates:
 * those carry the same text or a bot author and are ignored.
 */
import type { webApi } from '@slack/bolt';
import { DEDUPE_TTL_MS, type ListenerDeps } from '../deps.js';
import { deliver } from '../deliver.js';
import { messageText } from '../text.js';
import { answerIncoming, channelTypeOf, readMessage, type BotIdentity } from './incoming.js';
import { isBotMessage, type MessageEventFields } from './message-fields.js';

export async function answerEdit(client: webApi.WebClient, deps: ListenerDeps, identity: BotIdentity, event: MessageEventFields, eventId: unknown): Promise<void> {
  const edited = event.message;
  if (!edited || isBotMessage(edited) || (identity.botUserId !== undefined && edited.user === identity.botUserId)) return;
  if (messageText(edited) === messageText(event.previous_message ?? {})) return;
  // Edits of follow-ups inside a thread are left alone: the thread's answer is about its first message.
  if (edited.thread_ts !== undefined && edited.thread_ts !== edited.ts) return;
  if (typeof eventId === 'string' && !(await deps.state.claim(`event:${eventId}`, DEDUPE_TTL_MS))) return;
  const channel = event.channel;
  const thread = await deps.threads.get(channel, edited.ts);
  const common = { channel, channelType: event.channel_type, ts: edited.ts, text: edited.text, blocks: edited.blocks, files: edited.files };
  if (!thread?.replyTs) {
    await answerIncoming(client, deps, identity, { ...common, eventId, claimed: true, threadTs: undefined, mention: false });
    return;
  }
  const channelType = channelTypeOf(event.channel_type, channel);
  if (channelType !== 'im' && (await deps.state.isMuted(channel))) return;
  const text = await readMessage(client, deps, edited);
  const answer = deps.bot.answerMessage({ text, channelType, isMention: false, channel, threadTs: edited.ts, threadMatch: thread, isEdit: true });
  await deliver(client, deps, answer, { channel, threadTs: edited.ts, thread, updateTs: thread.replyTs });
}
