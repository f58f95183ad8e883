/**
 * KB article references in free text: `Q272274`, `KB272274`, `KB 272274`, `kb#272274`,
 * `support.microsoft.com/kb/272274`, `...scid=kb;en-us;Q272274`, `Article ID: 272274`.
 * A bare number is never a reference in free text (it may be an address in a trace), and
 * fewer than five digits (`Q3`) is not an article number. One pass, constant work per position.
 */
import type { KbId } from '../model.js';

const MIN_DIGITS = 5;
const MAX_DIGITS = 8;
/** Characters allowed between `KB` / `Article ID` and the number. */
const FILLER_CHARS = ' \t#:/-;=.';
const MAX_FILLER = 16;
const HOST = 'support.microsoft.com';
const MAX_URL = 300;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The id for the digit run starting at i (5-8 digits, not followed by another digit), or undefined. */
function digitsAt(text: string, i: number): KbId | undefined {
  let j = i;
  while (j < text.length && j - i <= MAX_DIGITS && isDigit(text[j])) j++;
  const len = j - i;
  if (len < MIN_DIGITS || len > MAX_DIGITS) return undefined;
  return `Q${Number(text.slice(i, j))}`;
}

function isLetterAt(text: string, i: number): boolean {
  const lower = text.charCodeAt(i) | 32;
  return lower >= 97 && lower <= 122;
}

/** `en-us;` as in `scid=kb;en-us;Q272274`. */
function isLocaleAt(text: string, i: number): boolean {
  return isLetterAt(text, i) && isLetterAt(text, i + 1) && text[i + 2] === '-' && isLetterAt(text, i + 3) &&
    isLetterAt(text, i + 4) && text[i + 5] === ';';
}

/** After `KB` or `Article ID`: separators, the words `article`/`id`, a locale `en-us;`, an optional `Q`, then digits. */
function numberAfter(text: string, i: number): KbId | undefined {
  let j = i;
  const stop = Math.min(text.length, i + MAX_FILLER);
  while (j < stop) {
    const c = text[j]!;
    if (FILLER_CHARS.includes(c)) j++;
    else if (text.startsWith('article', j) || text.startsWith('Article', j)) j += 7;
    else if (isLocaleAt(text, j)) j += 6;
    else break;
  }
  if (text[j] === 'Q' || text[j] === 'q') j++;
  return digitsAt(text, j);
}

/** Old-style `/support/kb/articles/q247/2/97.asp` → Q247297. */
const OLD_ARTICLE_URL = /^\/support\/kb\/articles\/q(\d{2,5})\/(\d)\/(\d{2})\./i;

/** The article number in a support.microsoft.com URL starting at i: the last 5-8 digit run after `/ = ; Q`. */
function numberInUrl(text: string, i: number): KbId | undefined {
  const old = OLD_ARTICLE_URL.exec(text.slice(i, i + 40));
  if (old) return `Q${Number(old[1]! + old[2]! + old[3]!)}`;
  let found: KbId | undefined;
  const stop = Math.min(text.length, i + MAX_URL);
  for (let j = i; j < stop; j++) {
    const c = text[j]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '>' || c === ')' || c === '|') break;
    if (isDigit(c) && !isDigit(text[j - 1]) && '/=;Qq'.includes(text[j - 1] ?? '')) {
      const id = digitsAt(text, j);
      if (id !== undefined) found = id;
    }
  }
  return found;
}

/** `KI-12`: a team's known issue (1-7 digits, no leading zero, not followed by another digit). */
function teamIdAt(text: string, i: number): KbId | undefined {
  let j = i;
  while (j < text.length && j - i <= 7 && isDigit(text[j])) j++;
  if (j === i || j - i > 7 || text[i] === '0') return undefined;
  return `KI-${text.slice(i, j)}`;
}

/** Canonical ids of the articles the text names, in order of first mention, no repeats. */
export function extractKbRefs(text: string): KbId[] {
  const refs: KbId[] = [];
  const seen = new Set<string>();
  const add = (id: KbId | undefined): void => {
    if (id !== undefined && !seen.has(id)) {
      seen.add(id);
      refs.push(id);
    }
  };
  let prevAlnum = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lower = code | 32;
    const alnum = (code >= 48 && code <= 57) || (lower >= 97 && lower <= 122);
    const afterWord = prevAlnum;
    prevAlnum = alnum;
    if (lower === 115 /* s */ && text.startsWith(HOST, i)) add(numberInUrl(text, i + HOST.length));
    if (afterWord || !alnum) continue;
    if (lower === 113 /* q */) add(digitsAt(text, i + 1));
    else if (lower === 107 /* k */ && (text.charCodeAt(i + 1) | 32) === 98 /* b */) add(numberAfter(text, i + 2));
    else if (code === 75 /* K */ && text.charCodeAt(i + 1) === 73 /* I */ && text[i + 2] === '-') add(teamIdAt(text, i + 3));
    else if (lower === 97 /* a */ && text.slice(i, i + 10).toLowerCase() === 'article id') add(numberAfter(text, i + 10));
  }
  return refs;
}

/** One reference as typed to `/kb`: also a bare number (`272274`) or a URL. */
export function parseKbRef(ref: string): KbId | undefined {
  const s = ref.trim();
  if (s.length === 0 || s.length > 2048) return undefined;
  if (/^[Qq]?\d{1,8}$/.test(s)) return `Q${Number(s.replace(/^[Qq]/, ''))}`;
  // a team's known issue: KI-12 (any case, `KI 12`, `ki-012`)
  const team = /^KI[-\s]?0*([1-9]\d{0,6})$/i.exec(s);
  if (team) return `KI-${team[1]}`;
  return extractKbRefs(s)[0];
}
