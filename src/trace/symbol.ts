/**
 * Reads the symbol part of a frame: brackets (`(args)`, `<T>`, backtick names) may hold spaces and
 * span tokens; mangled names and C++ names wrapped over lines are re-joined. Every loop is bounded.
 */
import type { Token } from './tokens.js';

/**
 * A symbol with its argument list (`kP` prints one argument per line) may span at most this many
 * tokens / characters. A continuation also stops at any token holding a `!`, so the token ranges
 * scanned from different frames never overlap and the total work stays linear.
 */
const MAX_SYMBOL_TOKENS = 96;
const MAX_SYMBOL_CHARS = 2048;
/** Wrapped pieces of one mangled name (`?Deal...` / `@WMSG...@@` / `0PAU...@Z`). */
const MAX_MANGLED_JOINS = 6;

function isLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

/** First character a printed symbol can start with: letters, `_`, `?` (mangled), `@` (fastcall), `~`, `$`, backtick. */
export function isSymbolStart(c: number): boolean {
  return isLetter(c) || c === 95 || c === 63 || c === 64 || c === 126 || c === 36 || c === 96;
}

/** Strips a trailing call-argument list `(...)` and a trailing ` const`. */
export function stripArguments(symbol: string): string {
  let s = symbol.trimEnd();
  if (s.endsWith(' const')) s = s.slice(0, -6).trimEnd();
  if (!s.endsWith(')')) return s;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    if (c === ')') depth++;
    else if (c === '(') {
      depth--;
      if (depth === 0) {
        // keep `operator()` whole
        if (s.slice(0, i).endsWith('operator')) return s;
        return i > 0 ? s.slice(0, i).trimEnd() : s;
      }
    }
  }
  return s;
}

/** Sentence punctuation glued to a frame in prose (`crash in store!EcRpc.`, `(see store!EcRpc)`). */
export function trimTrailingPunctuation(symbol: string): string {
  let end = symbol.length;
  const mangled = symbol.startsWith('?');
  for (; end > 0; end--) {
    const ch = symbol[end - 1];
    if (ch === '.' || ch === ',' || ch === ';' || ch === '"' || ch === '`' || ch === '*' || (ch === "'" && !symbol.includes('`')) || ch === '!' || (ch === '?' && !mangled)) continue;
    if (ch === ')' && unbalancedClose(symbol.slice(0, end))) continue;
    if (ch === ']' && !symbol.includes('[')) continue;
    break;
  }
  return symbol.slice(0, end);
}

function unbalancedClose(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
  }
  return depth < 0;
}

export interface SymbolRead {
  symbol: string;
  /** Offset text that followed a `+` in the same token ('' if the `+` ended the token). */
  offsetText?: string;
  /** Token index after the symbol. */
  next: number;
}

/**
 * Reads the symbol starting at character `from` of token i. Brackets `( < [` and backtick quotes may
 * contain spaces, so the symbol may continue into later tokens while one is open (bounded).
 */
export function readSymbol(tokens: Token[], i: number, from: number): SymbolRead {
  const pieces: string[] = [];
  let length = 0;
  let depth = 0;
  let quote = false;
  let t = i;
  let start = from;
  for (let used = 0; used < MAX_SYMBOL_TOKENS && t < tokens.length; used++, t++, start = 0) {
    const tok = tokens[t]!;
    // An argument list never holds another frame: a `!` means the bracket was not closed.
    if (t > i && (tok.long || tok.text.includes('!'))) break;
    const text = tok.text;
    for (let k = start; k < text.length; k++) {
      const ch = text[k]!;
      if (quote) {
        if (ch === "'") quote = false;
      } else if (ch === '`') quote = k < text.length - 1; // a closing inline-code backtick is not a quote
      else if (ch === '(' || ch === '[') depth++;
      else if (ch === '<') {
        if (!text.endsWith('operator', k) && !text.endsWith('operator<', k)) depth++;
      } else if (ch === ')' || ch === ']' || ch === '>') {
        const operatorChar = ch === '>' && (text.endsWith('operator', k) || text[k - 1] === '-');
        if (!operatorChar && depth > 0) depth--;
      } else if (ch === '-' && depth === 0 && k > start && text.startsWith('0x', k + 1)) {
        // a negative offset (`HrFindDataRows-0x26`): the symbol ends here; the offset is not kept
        pieces.push(text.slice(start, k));
        return { symbol: pieces.join(' '), next: t + 1 };
      } else if (ch === '+' && depth === 0 && (k > start || pieces.length > 0) && !text.endsWith('operator', k)) {
        pieces.push(text.slice(start, k));
        return { symbol: pieces.join(' '), offsetText: text.slice(k + 1), next: t + 1 };
      }
    }
    pieces.push(text.slice(start));
    length += text.length - start + 1;
    if (length > MAX_SYMBOL_CHARS) break;
    const operatorWord = text.endsWith('operator') && /^(new|delete)\b/.test(tokens[t + 1]?.text ?? '');
    if (depth === 0 && !quote && !operatorWord) return { symbol: pieces.join(' '), next: t + 1 };
  }
  return fallback(tokens, i, from);
}

/** An unclosed bracket: keep the first token's text up to the bracket or `+`. */
function fallback(tokens: Token[], i: number, from: number): SymbolRead {
  const text = tokens[i]!.text.slice(from);
  let end = text.length;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '(' || ch === '<' || ch === '[' || ch === '`') {
      end = k;
      break;
    }
    if (ch === '+' && k > 0) {
      return { symbol: text.slice(0, k), offsetText: text.slice(k + 1), next: i + 1 };
    }
  }
  return { symbol: text.slice(0, end), next: i + 1 };
}

/** Joins the wrapped pieces of a mangled name (`?Deal...` / `@WMSG@@...` / `0PAU...@Z+0x127`). */
export function joinMangled(tokens: Token[], read: SymbolRead): SymbolRead {
  let { symbol, offsetText, next } = read;
  for (let joins = 0; joins < MAX_MANGLED_JOINS && offsetText === undefined; joins++) {
    const tok = tokens[next];
    if (!tok || tok.long || !tok.text.includes('@') || tok.text.includes('!') || tok.text.includes('.')) break;
    const plus = tok.text.indexOf('+');
    if (plus >= 0) {
      symbol += tok.text.slice(0, plus);
      offsetText = tok.text.slice(plus + 1);
    } else symbol += tok.text;
    next++;
  }
  return { symbol, offsetText, next };
}

/** Joins a C++ name wrapped after `::` (`store!MDB_BASE::` / `EcFoo+0x12`). */
export function joinAfterScope(tokens: Token[], read: SymbolRead): SymbolRead {
  const tok = tokens[read.next];
  if (!tok || tok.long || tok.text.includes('!') || !isSymbolStart(tok.text.charCodeAt(0))) return read;
  const plus = tok.text.indexOf('+');
  if (plus >= 0) return { symbol: read.symbol + tok.text.slice(0, plus), offsetText: tok.text.slice(plus + 1), next: read.next + 1 };
  return { symbol: read.symbol + tok.text, next: read.next + 1 };
}
