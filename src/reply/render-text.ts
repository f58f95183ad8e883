/**
 * A reply rendered as plain text for the console, from the very blocks Slack would receive, so what
 * the console shows is what Slack shows: links become `label (url)`, entities are decoded, buttons
 * are listed in brackets.
 */
import type { KnownBlock } from '@slack/types';
import type { Reply } from './types.js';

const EMOJI: Record<string, string> = {
  warning: '⚠', white_check_mark: '✓', x: '✗', mag: '🔎', grey_question: '?', shrug: '¯\\_(ツ)_/¯', thumbsup: '👍', thumbsdown: '👎',
  wrench: '🔧', package: '📦', page_facing_up: '📄', floppy_disk: '💾', books: '📚', no_entry: '⛔', construction: '🚧',
  arrow_up: '⬆', arrows_counterclockwise: '🔄', no_bell: '🔕', bell: '🔔',
};

function emoji(text: string): string {
  return text.replace(/:([a-z_]{1,30}):/g, (whole, name: string) => EMOJI[name] ?? whole);
}

/** `<url|label>` → `label (url)`, `<url>` → `url`; then `&lt; &gt; &amp;` (amp last, as Slack does). */
export function mrkdwnToPlain(text: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    const close = open === -1 ? -1 : text.indexOf('>', open);
    if (open === -1 || close === -1) break;
    out += text.slice(at, open);
    const inner = text.slice(open + 1, close);
    const bar = inner.indexOf('|');
    out += bar === -1 ? inner : `${inner.slice(bar + 1)} (${inner.slice(0, bar)})`;
    at = close + 1;
  }
  out += text.slice(at);
  return emoji(out).replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

function renderBlock(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [`== ${block.text.text} ==`];
    case 'section': {
      const lines: string[] = [];
      if (block.text) lines.push(mrkdwnToPlain(block.text.text));
      for (const f of block.fields ?? []) lines.push(`  ${mrkdwnToPlain(f.text)}`);
      return lines;
    }
    case 'context':
      return [`  ${block.elements.map((e) => ('text' in e && typeof e.text === 'string' ? mrkdwnToPlain(e.text) : '')).join(' · ')}`];
    case 'actions':
      return [block.elements.map((e) => (e.type === 'button' ? `[${emoji(e.text.text)}]` : '')).join(' ')];
    case 'divider':
      return ['—'.repeat(20)];
    default:
      return [];
  }
}

/** The reply as the console prints it; blocks when present, else the fallback text. */
export function renderText(reply: Reply): string {
  if (reply.blocks.length === 0) return mrkdwnToPlain(reply.text);
  return reply.blocks.flatMap(renderBlock).join('\n');
}
