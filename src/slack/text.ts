/**
 * Reading what people wrote, as Slack delivers it: message text, `rich_text` blocks (when a client sends no
 * usable text), mentions of the bot, and support.microsoft.com links (unfurled rather than answered twice).
 * Every scan is a single pass over bounded input; no backtracking patterns.
 */
import { escapeMrkdwn } from '../reply/text.js';

/** Longest message text considered (Slack caps text at 40,000; snippets are read separately). */
export const MAX_TEXT = 40_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens rich_text elements to text, entity-escaped like `event.text` so one decoder serves both. */
function richTextOf(element: unknown, out: string[], depth: number): void {
  if (depth > 8 || !isObject(element)) return;
  switch (element.type) {
    case 'text':
      if (typeof element.text === 'string') out.push(escapeMrkdwn(element.text));
      return;
    case 'link':
      if (typeof element.url === 'string') out.push(`<${element.url}${typeof element.text === 'string' ? `|${element.text}` : ''}>`);
      return;
    case 'user':
      if (typeof element.user_id === 'string') out.push(`<@${element.user_id}>`);
      return;
    default:
      break;
  }
  if (Array.isArray(element.elements)) {
    for (const child of element.elements) richTextOf(child, out, depth + 1);
    if (element.type === 'rich_text_preformatted' || element.type === 'rich_text_section' || element.type === 'rich_text_quote') out.push('\n');
  }
}

/** The text of a message: `text` when it holds anything, else the text of its rich_text blocks. */
export function messageText(event: { text?: unknown; blocks?: unknown }): string {
  const text = typeof event.text === 'string' ? event.text : '';
  if (text.trim() !== '' || !Array.isArray(event.blocks)) return text.slice(0, MAX_TEXT);
  const out: string[] = [];
  for (const block of event.blocks) if (isObject(block) && block.type === 'rich_text') richTextOf(block, out, 0);
  return out.join('').slice(0, MAX_TEXT);
}

/** True when the text mentions `<@botUserId>` (with or without a `|label`). */
export function mentionsUser(text: string, userId: string | undefined): boolean {
  return userId !== undefined && (text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`));
}

export const UNFURL_DOMAIN = 'support.microsoft.com';

function isUnfurlLink(target: string): boolean {
  const bar = target.indexOf('|');
  const url = bar === -1 ? target : target.slice(0, bar);
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === UNFURL_DOMAIN;
  } catch {
    return false;
  }
}

/**
 * Removes `<https://support.microsoft.com/…>` link tokens: link_shared unfurls them, so the thread reply
 * must not answer the same link again (one answer per message).
 */
export function withoutUnfurledLinks(text: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open === -1) break;
    const close = text.indexOf('>', open + 1);
    if (close === -1) break;
    out += text.slice(at, open);
    const inner = text.slice(open + 1, close);
    if (!isUnfurlLink(inner)) out += text.slice(open, close + 1);
    at = close + 1;
  }
  return out + text.slice(at);
}
