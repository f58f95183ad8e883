/**
 * `/kb`: acknowledged at once (empty ack), then answered ephemerally through `respond` (works in channels the
 * bot is not in). `/kb mute` and `/kb unmute` come back from the bot as effects, applied to the channel here.
 */
import type { App } from '@slack/bolt';
import { SLASH_COMMAND } from '../../reply/ids.js';
import { applyEffect, deliver } from '../deliver.js';
import type { ListenerDeps } from '../deps.js';
import { applyTeamCommand } from './record.js';
import { readPayload, SlashCommandSchema } from '../payloads.js';

export function registerCommand(app: App, deps: ListenerDeps): void {
  app.command(SLASH_COMMAND, async ({ command: payload, ack, respond, client }) => {
    await ack();
    const command = readPayload(SlashCommandSchema, payload, '/kb command', deps.logger);
    if (!command) return;
    const answer = deps.bot.answerCommand(command.text);
    if (answer.effect?.kind === 'edit' || answer.effect?.kind === 'retire') return applyTeamCommand(client, deps, answer.effect, command, respond, answer.replies[0]);
    await applyEffect(deps, answer.effect, { channel: command.channel_id, user: command.user_id });
    // No `user` in the place: a /kb answer goes through response_url, the one way that works everywhere.
    await deliver(client, deps, answer, { channel: command.channel_id, respond });
  });
}
