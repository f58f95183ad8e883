/**
 * Article text clean-up shared by every part of the KB parser. Archive files are Latin-1 with CRLF,
 * `<BR/>` remnants, NBSPs and TABs; pasted copies arrive with every line break collapsed into a space
 * ("flattened"). Both forms go through the same clean-up so the parsers downstream see the same words.
 */

/** cp1252 characters that Latin-1 decoding leaves as C1 controls (curly quotes, dashes, bullet). */
const CP1252: Readonly<Record<string, string>> = {
  '\u0091': "'",
  '\u0092': "'",
  '\u0093': '"',
  '\u0094': '"',
  '\u0095': '*',
  '\u0096': '-',
  '\u0097': '-',
  '\u0085': '...',
};

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(_match: string, name: string): string {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
  }
  return ENTITIES[name.toLowerCase()] ?? `&${name};`;
}

/** Expands TABs to 8-column stops so whitespace-aligned tables keep their columns. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

/**
 * Normalises raw article text: CRLF/CR to LF, `<BR/>`/`<BR>` removed, the few HTML entities decoded,
 * cp1252 punctuation mapped, NBSP and other Unicode spaces to space, TABs expanded, other control
 * characters dropped. Afterwards the only whitespace left is space and line feed.
 */
export function cleanArticleText(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('<')) text = text.replace(/<br\s?\/?>/gi, '');
  if (text.includes('&')) text = text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g, decodeEntity);
  // Most articles are plain ASCII: one scan decides whether the character fix-ups are needed at all.
  if (/[^\n\x20-\x7e]/.test(text)) {
    text = text.replace(/[\u0080-\u009f\u00a0\u2000-\u200b\u3000\ufeff]/g, (ch) => (ch in CP1252 ? (CP1252[ch] ?? '') : ch >= '\u00a0' ? ' ' : ''));
    text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
    if (text.includes('\t')) text = text.split('\n').map(expandTabs).join('\n');
  }
  return text;
}

/** Collapses every whitespace run (line breaks included) into one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \n]{2,}|\n/g, ' ').trim();
}

/**
 * A flattened article has its header fields on one line: `DOCUMENT:Q272274 08-MAY-2002 [exchange] TITLE :...`.
 * A real archive file has them on lines 1-6.
 */
export function isFlattened(text: string): boolean {
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  return /\bTITLE\s*:/.test(firstLine.slice(0, 2000)) || (firstBreak === -1 && text.length > 200);
}

const LEAD_INS = new Set(['NOTE:', 'Note:', 'NOTES:', 'Notes:', 'IMPORTANT:', 'Important:', 'WARNING:', 'Warning:', 'CAUTION:', 'Caution:']);

/**
 * Splits collapsed prose into sentences: after `.`, `!` or `?` when the next word starts with an upper-case
 * letter, a digit or a quote; before `NOTE:`-style lead-ins; and at `----`/`====` rules (dropped), so a
 * table never glues the sentences around it together. One scan from space to space.
 */
export function splitSentences(prose: string): string[] {
  const sentences: string[] = [];
  const lead = ruleEnd(prose, 0);
  let start = lead === -1 ? 0 : lead + 1;
  const push = (end: number) => {
    if (end > start) sentences.push(prose.slice(start, end));
  };
  for (let space = prose.indexOf(' '); space !== -1; space = prose.indexOf(' ', space + 1)) {
    const before = prose.charCodeAt(space - 1);
    const after = prose.charCodeAt(space + 1);
    if (after === 45 || after === 61) {
      const end = ruleEnd(prose, space + 1);
      if (end !== -1) {
        push(space);
        start = end + 1;
        space = end;
        continue;
      }
    }
    if ((before === 46 || before === 33 || before === 63) && isSentenceStart(after) && !isAbbreviation(prose, space - 1)) {
      push(space);
      start = space + 1;
    } else if (after >= 67 && after <= 87 && LEAD_INS.has(prose.slice(space + 1, prose.indexOf(' ', space + 1) >>> 0))) {
      push(space);
      start = space + 1;
    }
  }
  if (start < prose.length) {
    const end = ruleEnd(prose, start) === prose.length ? start : prose.length;
    push(end);
  }
  return sentences;
}

/** End of a `---`/`===` rule word starting at `at` (the index after it), or -1. */
function ruleEnd(prose: string, at: number): number {
  const ch = prose.charCodeAt(at);
  if (ch !== 45 && ch !== 61) return -1;
  let i = at;
  while (prose.charCodeAt(i) === ch) i++;
  if (i - at < 3 || (i < prose.length && prose.charCodeAt(i) !== 32)) return -1;
  return i;
}

function isSentenceStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 34 || code === 39 || code === 40;
}

/** `U.S.`, `e.g.`, `Dr.` and single initials never end a sentence; `dot` is the index of the period. */
function isAbbreviation(prose: string, dot: number): boolean {
  if (prose.charCodeAt(dot) !== 46) return false;
  const wordStart = prose.lastIndexOf(' ', dot - 1) + 1;
  if (dot - wordStart > 6) return false;
  const bare = prose.slice(wordStart, dot).replace(/^[("']+/, '');
  return /^(U\.S|e\.g|i\.e|Dr|Mr|Ms|No|vs|etc|Inc|Corp|approx)$/i.test(bare) || /^[A-Z]$/.test(bare);
}
