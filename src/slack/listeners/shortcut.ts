/**
 * Message shortcut "Find KB for this trace": works on any message, also inside threads (where slash commands
 * cannot run). The answer goes only to the person who asked, in the message's thread.
 */
import type { App, MessageShortcut } from '@slack/bolt';
import { MessageShortcutSchema, readPayload } from '../payloads.js';
import { SHORTCUT_FIND_KB } from '../../reply/ids.js';
import { deliver } from '../deliver.js';
import type { ListenerDeps } from '../deps.js';
import { channelTypeOf, readMessage } from './incoming.js';

export function registerShortcut(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: SHORTCUT_FIND_KB, type: 'message_action' }, async ({ ack, shortcut: payload, client, respond }) => {
    await ack();
    const shortcut = readPayload(MessageShortcutSchema, payload, 'message shortcut', deps.logger);
    if (!shortcut) return;
    const message = shortcut.message;
    const channel = shortcut.channel.id;
    const threadTs = message.thread_ts ?? message.ts;
    const text = await readMessage(client, deps, message);
    const answer = deps.bot.answerMessage({ text, channelType: channelTypeOf(undefined, channel), isMention: true, channel, threadTs });
    // Asked by one person: whatever the bot would post, only they see it (in the thread, with its buttons).
    await deliver(client, deps, { ...answer, delivery: 'ephemeral' }, { channel, user: shortcut.user.id, threadTs, respond });
  });
}
