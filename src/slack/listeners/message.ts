/**
 * `message` events (message.channels / .groups / .im / .mpim): new messages and snippets go to the shared
 * answer path; edits update the bot's earlier reply in place. Bot messages (ours and others') are ignored.
 */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { answerEdit } from './edit.js';
import { answerIncoming } from './incoming.js';
import { isBotMessage } from './message-fields.js';
import { MessageEventSchema, readPayload } from '../payloads.js';

export { isBotMessage, type MessageEventFields } from './message-fields.js';

/** Subtypes that are newly posted messages (Bolt docs, message-listening). */
const NEW_MESSAGE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

export function registerMessage(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, body, client, context }) => {
    const e = readPayload(MessageEventSchema, event, 'message event', deps.logger);
    if (!e) return;
    const identity = { botUserId: context.botUserId, botId: context.botId };
    if (e.subtype === 'message_changed') {
      await answerEdit(client, deps, identity, e, body.event_id);
      return;
    }
    if (isBotMessage(e) || !NEW_MESSAGE_SUBTYPES.has(e.subtype)) return;
    await answerIncoming(client, deps, identity, {
      eventId: body.event_id,
      channel: e.channel,
      channelType: e.channel_type,
      ts: e.ts,
      threadTs: e.thread_ts,
      text: e.text,
      blocks: e.blocks,
      files: e.files,
      mention: false,
    });
  });
}
