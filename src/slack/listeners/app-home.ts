/** `app_home_opened`: publishes the Home tab (what the bot knows, how to use it). */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { callSlack } from '../web-api-policy.js';
import { AppHomeOpenedEventSchema, readPayload } from '../payloads.js';

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    const e = readPayload(AppHomeOpenedEventSchema, event, 'app_home_opened event', deps.logger);
    if (!e || e.tab !== 'home') return;
    const home = deps.bot.homeView();
    // Retried like a reply; a Home tab owes nobody an answer, so a final failure is a warning, not a dead letter.
    const outcome = await callSlack(client, 'views.publish', { user_id: e.user, view: { type: 'home', blocks: home.blocks } }, { logger: deps.logger, deadLetter: false });
    if (!outcome.ok) deps.logger.warn('home tab publish failed', { op: 'views.publish', error: outcome.error, attempts: outcome.attempts });
  });
}
