/**
 * Splits article text into classified tokens for the file-table reader. Tables are read from
 * the token stream by value shape, never by character column, so an article whose line breaks
 * were collapsed into spaces reads exactly like the formatted original. One pass, linear.
 */
import {
  ampmSuffix, isPlaceholder, monthNumber, parseDateToken, parseFileName, parseGroupedNumber, parseLanguage,
  parsePlatform, parseSizeWithUnit, parseTimeToken, parseVersionToken, sizeUnit,
} from './file-table-values.js';

export type TokenKind =
  | 'date' | 'time' | 'version' | 'size' | 'file' | 'path' | 'platform' | 'language' | 'placeholder'
  | 'pipe' | 'rule' | 'connector' | 'header' | 'word';

export interface Token {
  kind: TokenKind;
  /** The token as printed, wrapping punctuation removed. */
  text: string;
  /** Lower-cased text, for phrase matching. */
  lower: string;
  /** Normalised value: ISO date, time, dotted version, file name, platform, language, size in bytes. */
  value?: string | number;
  /** A dotted number that may also be a dot-grouped size (1.234.567): its byte count. */
  altSize?: number;
  /** True when the token ends with sentence or list punctuation (`,` `;` `.` `:`), which prose has and cells rarely do. */
  punct: boolean;
}

/** Column words of header rows (survey §4.1). */
export const HEADER_WORDS = new Set([
  'date', 'time', 'version', 'versions', 'ver', 'size', 'sizes', 'file', 'files', 'filename', 'filenames', 'name', 'names',
  'platform', 'processor', 'language', 'locale', 'description', 'folder', 'directory', 'destination', 'path',
  'location', 'filesize', 'filedate', 'filetime', 'fileversion', 'date/time', 'bytes', 'architecture',
]);

const CONNECTORS = new Set(['dated', 'bytes', 'byte', 'at', '&', '/']);

const LEADING = '(["\'[<*';
const TRAILING = ')]"\',;:>*';

function trimPunctuation(raw: string): { text: string; punct: boolean } {
  let start = 0;
  let end = raw.length;
  while (start < end && LEADING.includes(raw[start]!)) start++;
  let punct = false;
  while (end > start && TRAILING.includes(raw[end - 1]!)) {
    if (raw[end - 1] !== ')' && raw[end - 1] !== ']') punct = true;
    end--;
  }
  return { text: raw.slice(start, end), punct };
}

function isRule(t: string): boolean {
  if (t.length < 3) return false;
  for (const ch of t) if (!'-=_+|:~'.includes(ch)) return false;
  return true;
}

/** Classify one cleaned token by shape. */
function classify(text: string, punct: boolean): Token {
  const lower = text.toLowerCase();
  const tok = (kind: TokenKind, value?: string | number): Token => ({ kind, text, lower, value, punct });
  if (text === '|' || text === '¦') return tok('pipe');
  if (isRule(text)) return tok('rule');
  if (isPlaceholder(text)) return tok('placeholder');
  const date = parseDateToken(text);
  if (date) return tok('date', date);
  const time = parseTimeToken(text);
  if (time) return tok('time', time);
  const version = parseVersionToken(text);
  if (version) {
    const t = tok('version', version);
    const asSize = /^\d{1,3}(\.\d{3})+$/.test(text) ? parseGroupedNumber(text) : undefined;
    if (asSize !== undefined) t.altSize = asSize;
    return t;
  }
  const size = parseGroupedNumber(text) ?? parseSizeWithUnit(text);
  // One- and two-digit numbers are list numbers or days far more often than file sizes.
  if (size !== undefined && (text.length >= 3 || /[a-z]/i.test(text))) return tok('size', size);
  const platform = parsePlatform(text);
  if (platform) return tok('platform', platform);
  const file = parseFileName(text);
  if (file) return tok('file', file);
  if (text.includes('\\') || /^%\w+%/.test(text)) return tok('path', text);
  const language = parseLanguage(text);
  if (language) return tok('language', language);
  if (HEADER_WORDS.has(lower)) return tok('header');
  if (CONNECTORS.has(lower)) return tok('connector');
  return tok('word');
}

/** Raw tokens: whitespace-separated, with `|` split off as its own token. */
function rawTokens(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 32;
    const space = ch <= 32 || ch === 0xa0;
    const pipe = ch === 124 || ch === 0xa6;
    if (space || pipe) {
      if (start >= 0) out.push(text.slice(start, i));
      start = -1;
      if (pipe) out.push('|');
    } else if (start < 0) start = i;
  }
  return out;
}

/** Classified tokens of `text`, with multi-token values (221,089 bytes; 3:00 P.M.; May 02 2001) merged. */
export function tokenize(text: string): Token[] {
  const raws = rawTokens(text);
  const out: Token[] = [];
  for (let i = 0; i < raws.length; i++) {
    let { text: t, punct } = trimPunctuation(raws[i]!);
    if (t.length === 0) continue;
    let token = classify(t, punct);
    // A sentence-final period: "... Store.exe." / "version 5.5.2654.3."
    if (token.kind === 'word' && t.endsWith('.') && t.length > 1) {
      t = t.slice(0, -1);
      const retry = classify(t, true);
      if (retry.kind !== 'word') token = retry;
    }
    const next = i + 1 < raws.length ? trimPunctuation(raws[i + 1]!) : undefined;
    if (next) {
      if (token.kind === 'size' && /^[\d,.]+$/.test(t)) {
        const unit = sizeUnit(next.text);
        if (unit !== undefined) {
          token.value = (token.value as number) * unit;
          token.punct = next.punct;
          i++;
        }
      } else if (token.kind === 'time' && !/[AP]M$/.test(String(token.value))) {
        const suffix = ampmSuffix(next.text);
        if (suffix) {
          token.value = String(token.value) + suffix;
          token.punct = next.punct;
          i++;
        }
      } else if (token.kind === 'word' && monthNumber(t) && i + 2 < raws.length) {
        // Mon dd yyyy / Mon dd, yyyy
        const day = next.text;
        const year = trimPunctuation(raws[i + 2]!);
        const date = /^\d{1,2}$/.test(day) && /^\d{4}$/.test(year.text) ? parseDateToken(`${t}-${day}-${year.text}`) : undefined;
        if (date) {
          token = { kind: 'date', text: `${t} ${day} ${year.text}`, lower: t.toLowerCase(), value: date, punct: year.punct };
          i += 2;
        }
      } else if (token.kind === 'word' && token.lower === 'not' && next.text.toLowerCase() === 'applicable') {
        token = { kind: 'placeholder', text: 'not applicable', lower: 'not applicable', punct: next.punct };
        i++;
      }
    }
    out.push(token);
  }
  return out;
}
