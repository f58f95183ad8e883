/**
 * `link_shared` for support.microsoft.com: unfurls each KB link with the article card from the store. Only
 * store content goes into an unfurl, never text from the message. Links shared while still in the composer
 * (`channel: COMPOSER`) are unfurled by `unfurl_id` + `source`.
 */
import type { App } from '@slack/bolt';
import { DEDUPE_TTL_MS, type ListenerDeps } from '../deps.js';
import { UNFURL_DOMAIN } from '../text.js';
import { callSlack } from '../web-api-policy.js';
import { LinkSharedEventSchema, readPayload } from '../payloads.js';

const MAX_LINKS = 5;

export function registerLinkShared(app: App, deps: ListenerDeps): void {
  app.event('link_shared', async ({ event, body, client }) => {
    const e = readPayload(LinkSharedEventSchema, event, 'link_shared event', deps.logger);
    if (!e) return;
    if (!(await deps.state.claim(`event:${String(body.event_id)}`, DEDUPE_TTL_MS))) return;
    const urls = e.links.flatMap((l) => (l.domain?.toLowerCase() === UNFURL_DOMAIN && typeof l.url === 'string' ? [l.url] : [])).slice(0, MAX_LINKS);
    const unfurls: Record<string, { blocks: unknown[] }> = {};
    for (const { url, reply } of deps.bot.answerUnfurl(urls)) unfurls[url] = { blocks: reply.blocks };
    if (Object.keys(unfurls).length === 0) return;
    const target = e.unfurl_id && e.source ? { unfurl_id: e.unfurl_id, source: e.source } : { channel: e.channel, ts: e.message_ts };
    // Retried like a reply (429, 5xx); a final failure is one dead-letter line with the unfurls.
    await callSlack(client, 'chat.unfurl', { ...target, unfurls }, { logger: deps.logger });
  });
}
