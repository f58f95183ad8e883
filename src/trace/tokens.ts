/**
 * Splits text into whitespace-separated tokens in one linear pass, remembering the line layout
 * (first/last token of a line, blank line before) so the trace reader can re-join wrapped frames.
 * `<BR/>`-style remnants count as line breaks: KB articles converted from HTML keep them.
 */

/** Tokens longer than this are never frames or clues; their text is dropped (megabyte runs of one character). */
export const MAX_TOKEN_LENGTH = 1024;

export interface Token {
  /** The token's text, or '' when it was longer than MAX_TOKEN_LENGTH. */
  text: string;
  /** Character index of the token in the text. */
  start: number;
  /** True when the token was too long to keep. */
  long: boolean;
  /** First token on its line. */
  lineStart: boolean;
  /** Last token on its line. */
  lineEnd: boolean;
  /** At least one empty line separates this token from the previous one. */
  blankBefore: boolean;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 160 || code === 0x3000;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** Length of a `<br>`, `<br/>`, `<br />` tag (any case) starting at i, or 0. */
function breakTagLength(text: string, i: number): number {
  if (text.charCodeAt(i) !== 60 /* < */) return 0;
  const b = text.charCodeAt(i + 1) | 32;
  const r = text.charCodeAt(i + 2) | 32;
  if (b !== 98 || r !== 114) return 0;
  let j = i + 3;
  if (text.charCodeAt(j) === 32) j++;
  if (text.charCodeAt(j) === 47 /* / */) j++;
  return text.charCodeAt(j) === 62 /* > */ ? j + 1 - i : 0;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let newlines = 1; // line breaks seen since the previous token (start of text counts as one)
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) {
      // \r\n is one break
      if (!(code === 13 && text.charCodeAt(i + 1) === 10)) newlines++;
      i++;
      continue;
    }
    if (isSpace(code)) {
      i++;
      continue;
    }
    const tag = breakTagLength(text, i);
    if (tag > 0) {
      newlines++;
      i += tag;
      continue;
    }
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isSpace(c) || isLineBreak(c) || (c === 60 && breakTagLength(text, i) > 0)) break;
      i++;
    }
    const long = i - start > MAX_TOKEN_LENGTH;
    const prev = tokens[tokens.length - 1];
    if (prev && newlines > 0) prev.lineEnd = true;
    tokens.push({
      text: long ? '' : text.slice(start, i),
      start,
      long,
      lineStart: newlines > 0,
      lineEnd: false,
      blankBefore: newlines > 1 && tokens.length > 0,
    });
    newlines = 0;
  }
  const last = tokens[tokens.length - 1];
  if (last) last.lineEnd = true;
  return tokens;
}
