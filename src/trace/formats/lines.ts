/**
 * Pasted text → clean lines for the readers of non-Windows stacks. Chat damages traces in a few
 * ways, undone here once for every reader: `>` quote marks, log prefixes (timestamps, levels,
 * logcat tags, kernel timestamps) before each line, traces collapsed onto one line (split again
 * before each frame marker), and frames wrapped over two lines (joined while a bracket is open).
 * Every step is one pass with bounded regular expressions; over-long lines are cut.
 */

/** Longer lines are cut: no frame is this long, and every reader's work stays bounded per line. */
export const MAX_LINE = 2000;
/** A message is read up to this many lines (a paste of a whole log is cut, not scanned forever). */
export const MAX_LINES = 20000;
/** A wrapped frame is re-joined over at most this many lines. */
const MAX_JOINS = 3;

export interface Line {
  text: string;
  /** Index of the pasted line it came from (several clean lines may share one when a trace was collapsed). */
  source: number;
}

/** Log prefixes, removed repeatedly from the start of a line (at most PREFIX_PASSES times). */
const PREFIX = new RegExp(
  '^(?:' +
    [
      '\\[[^\\]<>]{1,40}\\]:?', // [12/29/2021, 3:22:05 PM], [ 1234.567890], [main], [ERROR]
      '\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?', // ISO timestamps
      '\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{1,6}', // logcat 09-12 10:00:00.123
      '\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?', // Go's log: 2016/03/11 13:08:48
      '[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d(?: [\\w.-]{1,64})?(?: kernel:)?', // syslog Jan  2 10:00:00 host kernel:
      '\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,6})?', // 12:23:29.016
      '[VDIWEF]/[\\w.$-]{1,64}\\(\\s{0,6}\\d{1,7}\\):', // E/AndroidRuntime( 1234):
      '\\d{1,7}\\s{1,6}\\d{1,7}\\s[VDIWEF]\\s[\\w.$-]{1,64}\\s{0,4}:', // logcat threadtime: 1234  1234 E AndroidRuntime:
      '(?:INFO|WARN|ERROR|FATAL|DEBUG|TRACE|SEVERE|CRITICAL|ERR!?)\\b:?', // level words (not WARNING: the kernel's warnings start so)
      'kernel:', // syslog remnant
    ].join('|') +
    ')[ \\t]*',
);
const PREFIX_PASSES = 4;

/** Places a collapsed trace is split at: before each frame marker of some format (each alternative anchored on a fixed word). */
const SPLIT_BEFORE = new RegExp(
  [
    // Java / .NET / JavaScript `at X(...)`, localised .NET `bei`/`à`/`ved`, JS `at file:1:2`
    // (not V8's `eval at create (...)`, which is a location inside one frame)
    '(?<!eval)\\s(?=(?:at|bei|à|ved|в|en)\\s(?:async\\s)?(?:new\\s)?[^\\s()]{1,300}\\s?\\()',
    '\\s(?=at\\s[^\\s()]{1,300}:\\d{1,7}:\\d{1,7})',
    '\\s(?=Caused by:\\s)',
    '\\s(?=Suppressed:\\s)',
    '\\s(?=\\.\\.\\.\\s\\d{1,6}\\smore)',
    '\\s(?=---\\s?>\\s)',
    '\\s(?=--- End of)',
    // Python
    '\\s(?=File\\s"[^"]{1,400}",\\sline\\s\\d)',
    '\\s(?=Traceback \\(most recent call last\\):)',
    // PHP and gdb `#3 ...`
    '\\s(?=#\\d{1,4}\\s{1,4}(?:0x[0-9a-f]{1,16}\\sin\\s|[/\\\\{\\[]|[A-Za-z]:\\\\|[A-Za-z_][\\w:~<>]{0,200}\\s\\())',
    // Ruby `from file:12:in`
    '\\s(?=from\\s\\S{1,400}:\\d{1,7}:in\\s)',
  ].join('|'),
  'g',
);

function stripQuote(line: string): string {
  let i = 0;
  // `> `, `>> ` (Slack and e-mail quoting), `│ ` (boxes drawn around logs)
  while (i < line.length && (line[i] === '>' || line[i] === ' ' || line[i] === '\t' || line[i] === '│')) {
    if (line[i] === '>' || line[i] === '│') {
      i++;
      if (line[i] === ' ') i++;
      continue;
    }
    // leading spaces before a quote mark only
    let j = i;
    while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
    if (line[j] === '>' || line[j] === '│') {
      i = j;
      continue;
    }
    break;
  }
  // keep the indentation after the quote mark (Java's tab, Go's tab before file:line)
  return line.slice(i);
}

function stripPrefixes(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  let s = line.slice(indent.length);
  for (let pass = 0; pass < PREFIX_PASSES; pass++) {
    const m = PREFIX.exec(s);
    if (!m || m[0].length === 0) break;
    // `[<ffffffff81234567>]` kernel addresses and `[0x0001]` offsets are not prefixes worth keeping either
    s = s.slice(m[0].length);
  }
  return s.length === line.length - indent.length ? line : `${indent}${s}`;
}

function unbalanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

const FRAME_START = /^\s*(?:at\s|File\s"|#\d|from\s|\d{1,4}[:\s]|Caused by|\.\.\.\s\d|---)/;

/** `terraform-provider-aws: `, `gopls stderr: `: a tag a program's log puts before each line of another's output. */
const TAG = /^[\w.-]{1,60}(?: [\w.-]{1,30})?: /;

/**
 * Removes a tag that starts this line and a neighbouring one alike (a log wrapping a child's stderr);
 * one line starting `panic: ` or `Caused by: ` alone is content, not a tag.
 */
function stripSharedTags(lines: Line[]): void {
  const tags = lines.map((l) => TAG.exec(l.text.trimStart())?.[0]);
  for (let i = 0; i < lines.length; i++) {
    const tag = tags[i];
    if (tag === undefined || (tags[i - 1] !== tag && tags[i + 1] !== tag)) continue;
    const text = lines[i]!.text.trimStart();
    lines[i] = { text: text.slice(tag.length), source: lines[i]!.source };
  }
}

/** The pasted text as clean lines (see the file comment). */
export function cleanLines(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n|\u2028|\u2029/, MAX_LINES);
  const stripped: Line[] = raw.map((line, source) => ({ text: stripPrefixes(stripQuote(line.length > MAX_LINE * 50 ? line.slice(0, MAX_LINE * 50) : line)), source }));
  stripSharedTags(stripped);
  const out: Line[] = [];
  for (const { text: line, source } of stripped) {
    const pieces = line.length > 80 ? line.split(SPLIT_BEFORE) : [line];
    for (const piece of pieces) {
      if (piece === undefined || (pieces.length > 1 && piece.trim() === '')) continue;
      const text = piece.length > MAX_LINE ? piece.slice(0, MAX_LINE) : piece;
      out.push({ text: pieces.length > 1 ? text.trim() : text, source });
    }
  }
  return joinWrapped(out);
}

/** Joins a frame wrapped by the chat client: a line with an open `(` continues on the next (bounded). */
function joinWrapped(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    let cur = lines[i]!;
    let joins = 0;
    while (joins < MAX_JOINS && i + 1 < lines.length && /^\s*(?:at|bei)\s/.test(cur.text) && unbalanced(cur.text) &&
      !FRAME_START.test(lines[i + 1]!.text) && lines[i + 1]!.text.trim() !== '') {
      cur = { text: `${cur.text}${lines[i + 1]!.text.trim()}`.slice(0, MAX_LINE), source: cur.source };
      i++;
      joins++;
    }
    out.push(cur);
  }
  return out;
}
