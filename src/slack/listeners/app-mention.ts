/**
 * `app_mention`: answered through the same path as `message`, so a mention delivered as both is answered
 * once (the channel+ts claim), and a mention always gets an answer even when nothing matches.
 */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { answerIncoming } from './incoming.js';
import { isBotMessage } from './message-fields.js';
import { AppMentionEventSchema, readPayload } from '../payloads.js';

export function registerAppMention(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    const e = readPayload(AppMentionEventSchema, event, 'app_mention event', deps.logger);
    if (!e) return;
    if (isBotMessage(e)) return;
    await answerIncoming(client, deps, { botUserId: context.botUserId, botId: context.botId }, {
      eventId: body.event_id,
      channel: e.channel,
      channelType: undefined,
      ts: e.ts,
      threadTs: e.thread_ts,
      text: e.text,
      blocks: e.blocks,
      files: e.files,
      mention: true,
    });
  });
}
