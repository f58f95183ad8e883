/**
 * Clues other than traces: STOP codes, exception codes, Event IDs (with their source when stated)
 * and file versions the person reports (not the rows of a pasted file table, nor an article's
 * `or later` bounds). Regular expressions here have only bounded quantifiers;
 * token checks look at most a few neighbours.
 */
import type { Clue } from '../model.js';
import { readAppErrors } from './app-error.js';
import { readBugchecks, withProseDrivers } from './bugcheck.js';
import { readEvents, sourceAgreement } from './events.js';
import { tokenize, type Token } from './tokens.js';

const STOP_PATTERNS = [
  /\b(?:stop|bug ?check|bsod|blue ?screen)(?:_str|_code| error| code)?\s{0,3}[:#]?\s{0,3}(0x[0-9a-f]{1,8}|[0-9a-f]{8})\b/gi,
  // WinDbg: "BugCheck D1, {0, 2, 0, f8a4c9a1}"
  /\bbug ?check\s{1,3}([0-9a-f]{1,8}),/gi,
];
const EVENT_PATTERN = /\bevent(?:[ _-]?id)?\s{0,3}[:#=]?\s{0,3}(\d{1,5})\b/gi;
const SOURCE_PATTERN = /\bsource\s{0,3}[:=]\s{0,3}([A-Za-z][A-Za-z0-9_. -]{0,60})/gi;
/** Words that end a stated source ("Source: MSExchangeIS Event ID: 1000"). */
const SOURCE_STOP = new Set(['event', 'category', 'type', 'date', 'time', 'user', 'computer', 'description', 'id', 'and', 'with', 'logged', 'in', 'on']);
/** An Event ID takes the nearest stated source within this many characters. */
const SOURCE_WINDOW = 300;
const FILE_EXTENSIONS = ['.exe', '.dll', '.sys', '.ocx', '.drv', '.cpl', '.com'];

interface Found {
  at: number;
  clue: Clue;
}

function stopCode(hex: string): string {
  const digits = hex.replace(/^0x/i, '');
  return `0x${digits.padStart(8, '0').toUpperCase()}`;
}

function findStopCodes(text: string, out: Found[]): void {
  for (const pattern of STOP_PATTERNS) {
    for (const m of text.matchAll(pattern)) out.push({ at: m.index, clue: { kind: 'stop-code', code: stopCode(m[1]!) } });
  }
}

function cleanSource(raw: string): string | undefined {
  const words: string[] = [];
  for (const word of raw.trim().split(/\s+/)) {
    if (SOURCE_STOP.has(word.toLowerCase()) || word.endsWith(':')) break;
    words.push(word.replace(/[.,;]+$/, ''));
    if (word.endsWith('.') || word.endsWith(',') || word.endsWith(';')) break;
  }
  const source = words.join(' ').trim();
  return source.length > 0 ? source : undefined;
}

function findEventIds(text: string, out: Found[]): void {
  const sources: { at: number; source: string }[] = [];
  for (const m of text.matchAll(SOURCE_PATTERN)) {
    const source = cleanSource(m[1]!);
    if (source) sources.push({ at: m.index, source });
  }
  // Both lists are in text order: walk them together (the nearest source is just before or after).
  let k = 0;
  for (const m of text.matchAll(EVENT_PATTERN)) {
    while (k + 1 < sources.length && sources[k + 1]!.at <= m.index) k++;
    let best: { at: number; source: string } | undefined;
    for (const s of [sources[k], sources[k + 1]]) {
      if (!s) continue;
      const distance = Math.abs(s.at - m.index);
      if (distance <= SOURCE_WINDOW && (!best || distance < Math.abs(best.at - m.index))) best = s;
    }
    const id = Number(m[1]);
    out.push({ at: m.index, clue: best ? { kind: 'event-id', id, source: best.source } : { kind: 'event-id', id } });
  }
}

/** Token text without surrounding quotes, brackets and sentence punctuation. */
function bare(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && '([{"\'`'.includes(text[start]!)) start++;
  while (end > start && ')]}"\'`,.;:!?'.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function isHex8(s: string): boolean {
  return /^[0-9a-f]{8}$/i.test(s);
}

/** An address column next to the token: the code is then an argument value, not a reported code. */
function inHexColumns(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.text ?? '';
  const next = tokens[i + 1]?.text ?? '';
  return isHex8(prev) || isHex8(next) || prev.includes('`') || next.includes('`');
}

const CODE_WORDS = new Set(['code', 'exception', 'number:', 'code:', 'status', 'status:', 'exception:']);

/** Named exceptions people report without the code. */
const ACCESS_VIOLATION = /\baccess violation\b/gi;

function findExceptionCodes(tokens: Token[], out: Found[]): void {
  tokens.forEach((tok, i) => {
    if (tok.long || tok.text.length < 8 || tok.text.length > 16 || tok.text.includes('=')) return;
    const word = bare(tok.text);
    const m = /^(0x)?([ce]0[0-9a-f]{6}|8000000[0-9a-f])$/i.exec(word);
    if (!m) return;
    const before = (tokens[i - 1]?.text ?? '').toLowerCase();
    if (before === 'stop' || before === 'stop:' || before === 'bugcheck') return;
    const stated = CODE_WORDS.has(before);
    // 8000000x (breakpoint, single step...) only when named as a code: it is also a common address
    if (m[2]!.startsWith('8') && !stated) return;
    if (!stated && !m[1] && inHexColumns(tokens, i)) return;
    out.push({ at: tok.start, clue: { kind: 'exception-code', code: m[2]!.toLowerCase() } });
  });
}

/** A dotted file version of 3-4 numeric parts that is not an IPv4 address. */
function asVersion(word: string): string | undefined {
  if (!/^\d{1,3}(\.\d{1,6}){2,3}$/.test(word)) return undefined;
  const parts = word.split('.').map(Number);
  if (parts.length === 4 && parts.every((p) => p <= 255) && parts[0]! >= 10) return undefined;
  return word;
}

function asFileName(word: string): string | undefined {
  if (word.length > 64 || !/^[A-Za-z0-9_.$~-]+$/.test(word)) return undefined;
  const lower = word.toLowerCase();
  return FILE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length) ? word : undefined;
}

/** Tokens either side of a version read for the columns of a file-table row. */
const ROW_REACH = 4;
const PLATFORMS = new Set(['i386', 'x86', 'alpha', 'ia64', 'x64', 'amd64', 'arm64']);
const DATE = /^(\d{1,2}[-/.](\d{1,2}|[a-z]{3})[-/.]\d{2,4}|\d{4}-\d{2}-\d{2})$/i;
const TIME = /^\d{1,2}:\d{2}(:\d{2})?$/;
/** A file size as tables print it: `2,621,440`. */
const SIZE = /^\d{1,3}(,\d{3}){1,4}$/;

/**
 * A version in a row of a pasted file table (`9/16/2000 6:26:35 5.5.2654.3 2,621,440 Store.exe i386`)
 * is what a fix installs, not what the person runs: a size column, or two of date / time /
 * platform, within a few tokens says so. Works on tokens, so a table collapsed onto one line reads the same.
 */
function inFileTableRow(tokens: Token[], i: number): boolean {
  let date = false;
  let time = false;
  let platform = false;
  for (let k = Math.max(0, i - ROW_REACH); k <= i + ROW_REACH && k < tokens.length; k++) {
    if (k === i || tokens[k]!.long) continue;
    const word = bare(tokens[k]!.text);
    if (SIZE.test(word)) return true;
    date ||= DATE.test(word);
    time ||= TIME.test(word);
    platform ||= PLATFORMS.has(word.toLowerCase());
  }
  return Number(date) + Number(time) + Number(platform) >= 2;
}

/** `version 5.5.2652.68 or later`, `earlier than 5.5.2652.68`: a bound an article states, not a version someone runs. */
function isStatedBound(tokens: Token[], i: number): boolean {
  const after = `${tokens[i + 1]?.text ?? ''} ${tokens[i + 2]?.text ?? ''}`.toLowerCase();
  if (/^(or|and) (later|earlier|higher|lower|newer|older|above|greater)\b/.test(after)) return true;
  const before = (tokens[i - 1]?.text ?? '').toLowerCase();
  const twoBefore = `${tokens[i - 2]?.text ?? ''} ${before}`.toLowerCase();
  return before === 'than' || twoBefore === 'prior to' || (before === 'version' && /^(than|to) version$/.test(twoBefore));
}

function findVersions(tokens: Token[], out: Found[]): void {
  tokens.forEach((tok, i) => {
    if (tok.long || tok.text.length < 5 || tok.text.length > 40 || !tok.text.includes('.')) return;
    if (tok.text.includes('!') || tok.text.includes('=')) return;
    const version = asVersion(bare(tok.text));
    if (!version || inFileTableRow(tokens, i) || isStatedBound(tokens, i)) return;
    let file: string | undefined;
    for (let back = 1; back <= 3 && !file; back++) {
      const prev = tokens[i - back];
      if (!prev || prev.long) break;
      file = asFileName(bare(prev.text));
    }
    out.push({ at: tok.start, clue: file ? { kind: 'file-version', version, file } : { kind: 'file-version', version } });
  });
}

/** Event-log entries, bug checks and application errors read as whole records (events.ts, bugcheck.ts, app-error.ts). */
function findRecords(text: string, out: Found[]): void {
  for (const e of readEvents(text)) {
    const { at, how: _how, ...rest } = e;
    out.push({ at, clue: { kind: 'event-id', ...rest } });
  }
  for (const b of withProseDrivers(text, readBugchecks(text))) {
    const { at, ...rest } = b;
    // a code alone is already a stop-code clue (findStopCodes)
    if (rest.name === undefined && rest.driver === undefined && rest.parameters === undefined) continue;
    out.push({ at, clue: { kind: 'bugcheck', ...rest } });
  }
  for (const a of readAppErrors(text)) {
    const { at, ...rest } = a;
    out.push({ at, clue: { kind: 'app-error', ...rest } });
  }
}

type EventClue = Extract<Clue, { kind: 'event-id' }>;

/** `a` says all that `b` says and more: same id, a source agreeing with b's (or b has none), and a's description when b has one. */
function covers(a: EventClue, b: EventClue): boolean {
  if (a.id !== b.id) return false;
  if (b.source !== undefined && (a.source === undefined || sourceAgreement(a.source, b.source) === 0)) return false;
  if (b.description !== undefined && a.description === undefined) return false;
  const richer = Number(a.source !== undefined) + Number(a.description !== undefined) + Number(a.level !== undefined);
  const poorer = Number(b.source !== undefined) + Number(b.description !== undefined) + Number(b.level !== undefined);
  // two equally rich readings: keep the first (JSON repeats are removed below)
  return richer > poorer || (richer === poorer && (a.source?.length ?? 0) > (b.source?.length ?? 0));
}

/** Every clue in the text in order of appearance, without repeats. */
export function extractClues(text: string): Clue[] {
  return cluesFromTokens(text, tokenize(text));
}

/** extractClues over tokens already made from `text` (parseMessage tokenizes once). */
export function cluesFromTokens(text: string, tokens: Token[]): Clue[] {
  const found: Found[] = [];
  findStopCodes(text, found);
  findExceptionCodes(tokens, found);
  for (const m of text.matchAll(ACCESS_VIOLATION)) found.push({ at: m.index, clue: { kind: 'exception-code', code: 'c0000005' } });
  findEventIds(text, found);
  findVersions(tokens, found);
  findRecords(text, found);
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  // "Event ID 9405" mentioned again elsewhere without its source is the same clue
  const sourced = new Set(found.flatMap(({ clue }) => (clue.kind === 'event-id' && clue.source ? [clue.id] : [])));
  const clues: Clue[] = [];
  const events = found.flatMap(({ clue }) => (clue.kind === 'event-id' ? [clue] : []));
  for (const { clue } of found) {
    if (clue.kind === 'event-id' && !clue.source && sourced.has(clue.id)) continue;
    if (clue.kind === 'event-id' && events.some((e) => e !== clue && covers(e, clue))) continue;
    const key = JSON.stringify(clue);
    if (!seen.has(key)) {
      seen.add(key);
      clues.push(clue);
    }
  }
  return clues;
}
