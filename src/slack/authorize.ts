/**
 * Bolt's `authorize` for one workspace that does not tie every event to a live `auth.test`. Bolt's own (given
 * `token`) calls auth.test once, at construction, and keeps the promise: if Slack's Web API was down just then,
 * every event fails authorization, unacknowledged, until a restart. Here the bot's identity (user id, bot id)
 * is asked once and remembered; while Slack does not answer, events are authorized with the token alone (the
 * identity is asked again on a later event), so they are still acknowledged and answered, and replies owed.
 */
import type { Authorize, webApi } from '@slack/bolt';
import type { Logger } from '../log.js';

/** How long an event waits for the identity the first time; later, while Slack is away, not at all. */
const FIRST_WAIT_MS = 1_000;
/** After a failed look-up, events go on without the identity for this long before it is asked again. */
const RETRY_AFTER_MS = 10_000;

export function workspaceAuthorize(client: webApi.WebClient, botToken: string, logger: Logger): Authorize<boolean> {
  let known: { botUserId?: string; botId?: string; teamId?: string } | undefined;
  let asking: Promise<void> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;
  const ask = (): Promise<void> =>
    (asking ??= client.auth
      .test()
      .then(
        (result) => {
          known = { botUserId: result.user_id, botId: result.bot_id, teamId: result.team_id };
        },
        (error: unknown) => {
          failedAt = Date.now();
          logger.warn('auth.test failed; authorizing events with the token alone until Slack answers', { err: error });
        },
      )
      .finally(() => {
        asking = undefined;
      }));
  // Asked at once, so the first event normally finds the identity known.
  void ask();
  return async () => {
    if (!known && Date.now() - failedAt >= RETRY_AFTER_MS) {
      await Promise.race([ask(), new Promise((resolve) => setTimeout(resolve, FIRST_WAIT_MS).unref())]);
    }
    return { botToken, ...known };
  };
}
