/**
 * Text helpers for Slack mrkdwn. Anything taken from an article or a user goes through `escapeMrkdwn`:
 * Slack wants only `&`, `<` and `>` escaped (more would show as entities), and escaping `<` `>` also
 * defuses `<!here>`, `<@U…>` and link injection.
 */
import type { KbId } from '../model.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes `&`, `<`, `>` and nothing else. */
export function escapeMrkdwn(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const entity = ENTITIES[text[i] as string];
    if (entity === undefined) continue;
    out += text.slice(start, i) + entity;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Collapses runs of whitespace (article text keeps its hard line breaks) into single spaces. */
export function oneLine(text: string): string {
  return text.split(/\s+/).filter((w) => w !== '').join(' ');
}

/** Cuts `text` to at most `max` characters, ending in "…" when cut; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Plain text clipped at a word boundary when one is near, for summaries of article paragraphs. */
export function summarize(text: string, max: number): string {
  const flat = oneLine(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const sentenceEnd = cut.lastIndexOf('. ');
  if (sentenceEnd > max * 0.6) return cut.slice(0, sentenceEnd + 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** The article's page on support.microsoft.com (the old /kb/NNN form still redirects). */
export function kbUrl(kb: KbId): string {
  return `https://support.microsoft.com/kb/${kb.slice(1)}`;
}

/** A mrkdwn link; the label is escaped and may not hold `|`, which would end it early. */
export function link(url: string, label: string): string {
  return `<${url}|${escapeMrkdwn(label.replaceAll('|', '/'))}>`;
}

export function kbLink(kb: KbId): string {
  // A team's known issue has no page on support.microsoft.com: its id is shown as is (`/kb KI-3` opens it).
  if (kb.startsWith('KI-')) return kb;
  return link(kbUrl(kb), kb);
}

/** Inline code; a backtick inside would end the span, so it becomes a quote. */
export function code(text: string): string {
  return `\`${escapeMrkdwn(text.replaceAll('`', "'"))}\``;
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
