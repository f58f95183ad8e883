/**
 * Slack delivers message text with `& < >` escaped and its own `<...>` markup for links, mentions
 * and channels. Decode it back into what the person typed before looking for traces and clues.
 */

/** Slack's `<...>` constructs are short; a longer run is not one. */
const MAX_MARKUP = 2048;

const SMART: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u00a0': ' ', '\u200b': '',
};

/** What one `<...>` construct reads as. */
function renderMarkup(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : '';
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!subteam^S123|@team>, <!date^...|fallback>
    if (label) return label;
    const word = target.slice(1).split('^')[0] ?? '';
    return `@${word}`;
  }
  if (!label) return target.replace(/^mailto:/, '');
  // Slack auto-links what people type: <http://support.microsoft.com/kb/1|support.microsoft.com/kb/1>
  if (target.endsWith(label) || target.replace(/^mailto:/, '') === label) return label;
  return `${label} (${target})`;
}

/** Slack markup starts `@`, `#`, `!` or a URL scheme, and its target has no spaces. */
function isMarkup(inner: string): boolean {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  if (target.length === 0 || /\s/.test(target)) return false;
  return '@#!'.includes(target[0]!) || /^[a-z][a-z0-9+.-]{0,20}:/i.test(target);
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_m, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'");
}

/**
 * Decodes Slack message text: `<url|label>` links, `<@U123>` mentions, `<#C123|name>` channels,
 * `<!here>`, the `&amp; &lt; &gt;` entities, ``` fences (become line breaks) and smart quotes.
 * One pass; the position of the next `<`/`>` is cached so hostile runs of `<` stay linear.
 */
export function decodeSlackText(text: string): string {
  const parts: string[] = [];
  let run = 0; // start of the current stretch of ordinary characters
  let nextGt = -2; // cached index of the next '>' at or after i (-1: none left)
  let nextLt = -2; // cached index of the next '<' after the current one
  let nextBreak = -2; // cached index of the next line break
  const n = text.length;
  const emit = (i: number, replacement: string, resume: number): number => {
    if (i > run) parts.push(text.slice(run, i));
    parts.push(replacement);
    run = resume;
    return resume;
  };
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 60 /* < */) {
      if (nextGt !== -1 && nextGt < i) nextGt = text.indexOf('>', i);
      if (nextLt !== -1 && nextLt <= i) nextLt = text.indexOf('<', i + 1);
      if (nextBreak !== -1 && nextBreak < i) nextBreak = text.indexOf('\n', i);
      const closes = nextGt > i && nextGt - i <= MAX_MARKUP && (nextLt === -1 || nextLt > nextGt) &&
        (nextBreak === -1 || nextBreak > nextGt);
      const inner = closes ? text.slice(i + 1, nextGt) : '';
      i = closes && isMarkup(inner) ? emit(i, decodeEntities(renderMarkup(inner)), nextGt + 1) : i + 1;
    } else if (code === 96 /* ` */ && text.startsWith('```', i)) {
      i = emit(i, '\n', i + 3);
    } else if (code === 38 /* & */) {
      let semi = -1;
      for (let k = i + 1; k < n && k <= i + 6; k++) {
        if (text.charCodeAt(k) === 59 /* ; */) {
          semi = k;
          break;
        }
      }
      const decoded = semi > i ? decodeEntities(text.slice(i, semi + 1)) : '';
      i = decoded.length === 1 ? emit(i, decoded, semi + 1) : i + 1;
    } else if (code >= 0xa0) {
      const smart = SMART[text[i]!];
      i = smart === undefined ? i + 1 : emit(i, smart, i + 1);
    } else i++;
  }
  if (run < n) parts.push(text.slice(run));
  return parts.join('');
}
