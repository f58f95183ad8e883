/**
 * Groups the frames of a text into traces. Works on tokens, not lines, so a trace whose line
 * breaks were collapsed into spaces reads the same as the formatted original. Between two frames
 * of one trace only "glue" may appear: addresses, frame numbers, column headers, annotations
 * (`(FPO: ...)`, `[omap]`, `[x.cpp @ 212]`), argument lists. Prose, a new column header, a debugger
 * prompt or an "-or-" starts a new trace.
 */
import type { Frame, Trace } from '../model.js';
import { scanFrame } from './frame.js';
import { tokenize, type Token } from './tokens.js';

/** This many prose words between two frames split them into two traces. */
const PROSE_SPLIT = 3;
/** Bracketed annotations longer than this (in tokens) are not skipped as one. */
const MAX_GROUP_TOKENS = 16;
/** A WinDbg `WARNING:` line is skipped up to this many tokens. */
const MAX_WARNING_TOKENS = 20;
/** Output bounds: the matcher reads the top of a stack; pasted junk must not grow the result without limit. */
export const MAX_FRAMES_PER_TRACE = 256;
export const MAX_TRACES = 64;

/** Column headers that begin a new trace block. */
const HEADERS = new Set(['frameptr', 'childebp', 'child-sp', 'callee-sp', 'callee-sp:']);

/** Words of column headers and frame annotations: neither frames nor prose. */
const GLUE_WORDS = new Set([
  'retaddr', 'returnad', 'return-ra', 'return', '-ra', 'param#1', 'param#2', 'param#3', 'param#4', 'param1', 'param2',
  'param3', 'param4', 'function', 'name', 'args', 'to', 'child', 'call', 'site', 'arguments', 'callee', 'dll', 'base',
  '#', '|', 'bytes', 'line', 'c++', 'c', 'fpo:', 'trapframe', '@', '[omap]', 'stdcall:', 'inline', 'uknown', 'unknown',
  'fpo', 'type)', 'nosymbols', '<nosymbols>', 'dumpchildebp', 'ret', 'memory', 'frame', 'ip', 'sp',
]);

const SEPARATORS = new Set(['-or-', 'or', '*or*', 'or:']);

function isGlueChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102) || c === 120 || c === 88 || c === 96 ||
    c === 44 || c === 40 || c === 41 || c === 91 || c === 93 || c === 58 || c === 45 || c === 46 || c === 42 ||
    c === 35 || c === 124 || c === 60 || c === 62 || c === 43 || c === 61 || c === 95 || c === 47;
}

/** Addresses, numbers, argument values, punctuation rules: `0156f6d0`, `00000000`0012f0a8`, `0x0000)`, `*---->`. */
function isGlueToken(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isGlueChar(c)) return false;
    if ((c | 32) >= 97 && (c | 32) <= 102) letters++;
  }
  // All-letter words made of a-f ("add", "cafe", "bad") are prose, not hex.
  return letters < text.length || text.length >= 8;
}

function isPrompt(text: string): boolean {
  // `0:000>`, `kd>`, `1:`-prefixed prompts, `0:023:x86>`
  return text.endsWith('>') && text.length <= 16 && (text === 'kd>' || /^\d+:[\dA-Za-z:]*>$/.test(text));
}

/** Skips a bracketed annotation starting at i (`(FPO: [0,0,0])`, `[d:\src\x.cpp @ 212]`); returns the index after it. */
function skipGroup(tokens: Token[], i: number): number {
  let depth = 0;
  for (let t = i; t < tokens.length && t < i + MAX_GROUP_TOKENS; t++) {
    const text = tokens[t]!.text;
    // prose in parentheses may hold a frame: "(see kernel32!HeapFree)"
    if (t > i && text.includes('!')) return t;
    for (let k = 0; k < text.length; k++) {
      const ch = text[k];
      if (ch === '(' || ch === '[') depth++;
      else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    }
    if (depth === 0) return t + 1;
  }
  return i + 1;
}

/** Skips a WinDbg `WARNING: ...` line (to its end, or to "wrong." when line breaks were lost). */
function skipWarning(tokens: Token[], i: number): number {
  for (let t = i; t < tokens.length && t < i + MAX_WARNING_TOKENS; t++) {
    const tok = tokens[t]!;
    if (tok.lineEnd || tok.text === 'wrong.') return t + 1;
  }
  return i + 1;
}

/** An address printed this many tokens before a frame is that frame's (`0012f0a8 77e6cbe8 STORE!Foo`). */
const ADDRESS_REACH = 8;
const MODULE_EXTENSIONS = ['.exe', '.dll', '.sys', '.ocx', '.drv', '.cpl', '.com'];

/** An address column value: 8 or 16 hex digits, or a backtick-split 64-bit address. */
function isAddress(text: string): boolean {
  if (text.includes('`')) return text.length >= 9 && isGlueToken(text);
  return (text.length === 8 || text.length === 16) && isGlueToken(text) && /^[0-9a-fA-F]+$/.test(text);
}

/** Annotations only debuggers print: `(FPO: ...)`, `[omap]`, `[d:\src\x.cpp @ 212]`. */
function isDebuggerAnnotation(text: string): boolean {
  const lower = text.toLowerCase();
  return lower.startsWith('(fpo') || lower.startsWith('[omap') || (lower.startsWith('[') && lower.includes(':\\'));
}

function hasUpperAndNoLower(s: string): boolean {
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/**
 * What only a stack frame shows: an offset, a module file name or path, an upper-case module as
 * debuggers print them (`STORE!`, `NT!`), a C/C++ shape (`::`, decoration, mangling, arguments,
 * a leading underscore) or a Win32-style name (isApiShaped). `db!table` references in SQL (`tastrade!customer`) and VB field
 * references (`rs!EmployeeID`) show none of these.
 */
function isUpperLetter(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLowerLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

function hasCamelStep(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (isLowerLetter(s.charCodeAt(i - 1)) && isUpperLetter(s.charCodeAt(i))) return true;
  return false;
}

/**
 * `kernel32!CreateFileW`: a Win32-style function name in a module named as modules are (one case,
 * three or more characters). VB variables (`rs!EmployeeID`, `rsInvoices!ProductID`) are short or camelCase.
 */
function isApiShaped(frame: Frame, token: string): boolean {
  const { module, symbol } = frame;
  if (module.length < 3 || hasCamelStep(module) || token.indexOf(':') >= 0) return false;
  return symbol.length >= 5 && isUpperLetter(symbol.charCodeAt(0)) && hasCamelStep(symbol);
}

function frameShowsStack(frame: Frame, token: string): boolean {
  // Visual Studio prints `myapp!Foo()`; a call's argument list follows the name, not the module
  if (isApiShaped(frame, token) || token.indexOf('(', token.indexOf('!')) > 0) return true;
  if (frame.offset !== undefined) return true;
  const module = frame.module.toLowerCase();
  if (module.includes('\\') || MODULE_EXTENSIONS.some((ext) => module.endsWith(ext))) return true;
  if (hasUpperAndNoLower(frame.module)) return true;
  const symbol = frame.symbol;
  return symbol.includes('::') || symbol.includes('@') || symbol.includes('?') || symbol.includes('(') ||
    symbol.includes('<') || symbol.includes('~') || symbol.startsWith('_');
}

/**
 * The frame in tokens [start, next) is an item of a list: it fills its line, or follows a list
 * bullet (`- store!Foo - store!Bar`, also when the line breaks were collapsed). One frame an item is
 * a stack's layout; SQL and code put several references on one line between other words.
 */
function aloneOnLine(tokens: Token[], start: number, next: number): boolean {
  const bullet = tokens[start - 1]?.text;
  if (bullet === '-' || bullet === '*') return true;
  return tokens[start]!.lineStart && tokens[next - 1]!.lineEnd;
}

/** Every stack trace in the text, each crash frame first. */
export function parseTraces(text: string): Trace[] {
  return tracesFromTokens(tokenize(text));
}

/** parseTraces over tokens already made (parseMessage tokenizes once). */
export function tracesFromTokens(tokens: Token[]): Trace[] {
  const traces: Trace[] = [];
  let current: Trace = [];
  let prose = 0;
  // A trace of several frames must show it is a stack (see frameShowsStack), or come with
  // addresses, a column header, a prompt or debugger annotations.
  let evidence = false;
  let lastAddress = -Infinity;
  let stackedLines = 0;
  const flush = (): void => {
    if (current.length > 0 && traces.length < MAX_TRACES && (evidence || current.length === 1)) traces.push(current);
    current = [];
    prose = 0;
    evidence = false;
    stackedLines = 0;
  };
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    const text = tok.text;
    // Header, separator and glue words are short; longer tokens need no lower-case copy.
    const lower = text.length <= 16 ? text.toLowerCase() : text;
    if (tok.long) {
      prose++;
      i++;
      continue;
    }
    if (HEADERS.has(lower) || isPrompt(text) || SEPARATORS.has(lower)) {
      if (current.length > 0) flush();
      if (!SEPARATORS.has(lower)) evidence = true;
      i++;
      continue;
    }
    const scan = scanFrame(tokens, i);
    if (scan) {
      if (scan.frame) {
        if (prose >= PROSE_SPLIT) flush();
        const alone = aloneOnLine(tokens, i, scan.next);
        stackedLines = alone ? stackedLines + 1 : 0;
        if (i - lastAddress <= ADDRESS_REACH || frameShowsStack(scan.frame, text) || stackedLines >= 2) evidence = true;
        if (current.length < MAX_FRAMES_PER_TRACE) current.push(scan.frame);
        prose = 0;
      }
      i = scan.next;
      continue;
    }
    if (text.startsWith('(') || text.startsWith('[')) {
      if (current.length > 0 && isDebuggerAnnotation(text)) evidence = true;
      i = skipGroup(tokens, i);
    } else if (text === 'WARNING:') i = skipWarning(tokens, i);
    else {
      if (isAddress(text)) lastAddress = i;
      else if (!GLUE_WORDS.has(lower) && !isGlueToken(text)) prose++;
      i++;
    }
  }
  flush();
  return traces;
}
