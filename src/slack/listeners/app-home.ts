/** `app_home_opened`: publishes the Home tab (what the bot knows, how to use it). */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      const home = deps.bot.homeView();
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: home.blocks } });
    } catch (error) {
      deps.logger.warn('home tab publish failed', { op: 'views.publish', err: error });
    }
  });
}
