/**
 * Buttons on kbbot's replies. Ack first; then the bot answers the click and the answer is delivered as it
 * asks: feedback is recorded (a structured log line and state), "wrong" updates the reply to the next
 * candidates, Share posts in the channel, details go to the clicker in the thread.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { BlockActionSchema, ButtonSchema, readPayload } from '../payloads.js';
import { ACTION_ID_PATTERN, ActionId, baseActionId } from '../../reply/ids.js';
import { applyEffect, deliver } from '../deliver.js';
import type { ListenerDeps } from '../deps.js';
import { openRecordFromButton, voteOnFeedback } from './record.js';

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_ID_PATTERN, async ({ ack, body: payload, action: clicked, client, respond, context }) => {
    await ack();
    const body = readPayload(BlockActionSchema, payload, 'button click', deps.logger);
    const action = body && readPayload(ButtonSchema, clicked, 'button click action', deps.logger);
    if (!body || !action) return;
    if (baseActionId(action.action_id) === ActionId.Record) return openRecordFromButton(client, deps, body, action, respond);
    const channel = body.channel?.id;
    const user = body.user.id;
    if (!channel) return;
    const message = body.message;
    // An ephemeral message (a /kb answer) has no thread to read back.
    const ephemeral = body.container?.is_ephemeral === true;
    const threadTs = ephemeral ? undefined : (message?.thread_ts ?? message?.ts);
    const thread = threadTs ? await deps.threads.recover(client, channel, threadTs, context.botUserId, context.botId) : undefined;
    const answer = deps.bot.answerAction(action.action_id, action.value ?? '', thread);
    await applyEffect(deps, answer.effect, { channel, user, ...(threadTs ? { threadTs } : {}) });
    await voteOnFeedback(client, deps, answer.effect, { thread, user, channel, triggerId: body.trigger_id, ...(threadTs ? { threadTs } : {}) });
    await deliver(client, deps, answer, { channel, user, respond, ...(threadTs ? { threadTs } : {}), ...(thread ? { thread } : {}) });
  });
}
