/**
 * Queries for the accuracy bench: real article traces re-printed the ways engineers paste
 * them (WinDbg k/kb/kv/kn, x64 Child-SP, Dr. Watson, Visual Studio, bare frames, collapsed
 * onto one line, Slack-escaped), damaged the ways real pastes are, and traces of unrelated
 * software as negatives.
 */
import type { Frame, Trace } from '../src/model.js';
import { seededRng, type Rng } from '../test/support/seeded-random.js';

export type { Rng };
export { seededRng };

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function hex(rng: Rng, digits: number): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += '0123456789abcdef'[Math.floor(rng() * 16)];
  return s;
}

function offset(rng: Rng, f: Frame): string {
  return f.offset ?? `0x${Math.floor(rng() * 0x400).toString(16)}`;
}

const sym = (f: Frame): string => `${f.module}!${f.symbol}`;

type Printer = (frames: Frame[], rng: Rng) => string;

export const PRINTERS: Record<string, Printer> = {
  'windbg-k': (fs, rng) => ['ChildEBP RetAddr', ...fs.map((f) => `${hex(rng, 8)} ${hex(rng, 8)} ${sym(f)}+${offset(rng, f)}`)].join('\n'),
  'windbg-kb': (fs, rng) =>
    ['ChildEBP RetAddr  Args to Child', ...fs.map((f) => `${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${sym(f)}+${offset(rng, f)}`)].join('\n'),
  'windbg-kv': (fs, rng) =>
    ['ChildEBP RetAddr  Args to Child', ...fs.map((f) => `${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${sym(f)}+${offset(rng, f)} (FPO: [Non-Fpo])`)].join('\n'),
  'windbg-kn': (fs, rng) => [' # ChildEBP RetAddr', ...fs.map((f, i) => `${i.toString(16).padStart(2, '0')} ${hex(rng, 8)} ${hex(rng, 8)} ${sym(f)}+${offset(rng, f)}`)].join('\n'),
  'x64-child-sp': (fs, rng) =>
    ['Child-SP          RetAddr           Call Site', ...fs.map((f) => `00000000\`${hex(rng, 8)} 00000000\`${hex(rng, 8)} ${sym(f)}+${offset(rng, f)}`)].join('\n'),
  'dr-watson': (fs, rng) =>
    [
      '*----> Stack Back Trace <----*',
      'FramePtr ReturnAd Param#1  Param#2  Param#3  Param#4  Function Name',
      ...fs.map((f) => `${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${hex(rng, 8)} ${sym(f)}`),
    ].join('\n'),
  'visual-studio': (fs, rng) => fs.map((f) => `${f.module}!${f.symbol}() + 0x${Math.floor(rng() * 0x200).toString(16)} bytes`).join('\n'),
  bare: (fs) => fs.map(sym).join('\n'),
};

const EXCEPTION_TOP: Frame[] = [
  { module: 'ntdll', symbol: 'KiUserExceptionDispatcher' },
  { module: 'ntdll', symbol: 'RtlDispatchException' },
  { module: 'ntdll', symbol: 'ExecuteHandler' },
  { module: 'KERNEL32', symbol: 'UnhandledExceptionFilter' },
];

const CALLERS: Frame[] = [
  { module: 'KERNEL32', symbol: 'BaseThreadStart' },
  { module: 'RPCRT4', symbol: 'DispatchToStubInC' },
  { module: 'RPCRT4', symbol: 'NdrServerCall' },
  { module: 'ntdll', symbol: 'RtlUserThreadStart' },
];

function changeModuleSpelling(rng: Rng, f: Frame): Frame {
  const base = f.module.replace(/\.(exe|dll|sys)$/i, '');
  const variants = [base.toLowerCase(), base.toUpperCase(), `${base.toLowerCase()}.dll`, `${base}.exe`, `${base.toUpperCase()}.DLL`];
  return { ...f, module: pick(rng, variants) };
}

function cutShort(rng: Rng, f: Frame): Frame {
  if (f.symbol.length < 14 || f.symbol.startsWith('?')) return f;
  const keep = Math.max(10, f.symbol.length - 2 - Math.floor(rng() * 6));
  return { ...f, symbol: f.symbol.slice(0, keep), offset: undefined };
}

/** One slip of the keyboard (a letter replaced, dropped or swapped with the next) inside a name. */
function typo(rng: Rng, f: Frame): Frame {
  const s = f.symbol;
  const at = 2 + Math.floor(rng() * (s.length - 4));
  const kind = Math.floor(rng() * 3);
  const letter = 'etaoinsrhl'[Math.floor(rng() * 10)] ?? 'e';
  const symbol = kind === 0 ? s.slice(0, at) + (s[at] === letter ? 'x' : letter) + s.slice(at + 1) : kind === 1 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + (s[at + 1] ?? '') + (s[at] ?? '') + s.slice(at + 2);
  return { ...f, symbol, offset: undefined };
}

export type Damage = 'none' | 'missing-top' | 'exception-frames-added' | 'top-only' | 'extra-frames' | 'cut-short' | 'module-spelling' | 'typo' | 'wrapped';
export const DAMAGES: Damage[] = ['none', 'missing-top', 'exception-frames-added', 'top-only', 'extra-frames', 'cut-short', 'module-spelling', 'typo', 'wrapped'];

/**
 * Lines wrapped the way mail clients and narrow terminals wrap them (issue 9.5's "wrapped
 * lines"): at the last space before the width, else after the last `::` of a long C++ name.
 */
export function wrapLines(text: string, width: number): string {
  const out: string[] = [];
  for (let line of text.split('\n')) {
    while (line.length > width) {
      const head = line.slice(0, width);
      let cut = head.lastIndexOf(' ');
      if (cut <= 0) {
        const colons = head.lastIndexOf('::');
        cut = colons > 0 ? colons + 2 : -1;
      }
      if (cut <= 0) break;
      out.push(line.slice(0, cut).trimEnd());
      line = line.slice(cut).trimStart();
    }
    out.push(line);
  }
  return out.join('\n');
}

/** The trace as a paste would hold it after one kind of damage. */
export function damage(trace: Trace, kind: Damage, rng: Rng, unrelated: () => Frame[]): Trace {
  const t = [...trace];
  switch (kind) {
    case 'none':
      return t;
    case 'missing-top':
      return t.length >= 4 ? t.slice(t.length >= 6 ? 1 + Math.floor(rng() * 2) : 1) : t;
    case 'exception-frames-added':
      return [...EXCEPTION_TOP.slice(Math.floor(rng() * 3)), ...t];
    case 'top-only':
      return t.slice(0, Math.max(2, Math.ceil(t.length / 2)));
    case 'extra-frames': {
      // the caller's own frames below the quoted stack, and one more inside it
      const own = unrelated().filter((f) => !GENERIC_FRAMES.includes(f));
      const at = 1 + Math.floor(rng() * Math.max(1, t.length - 1));
      return [...t.slice(0, at), ...own.slice(0, 1), ...t.slice(at), ...own.slice(1, 4), pick(rng, CALLERS)];
    }
    case 'cut-short':
      return t.map((f, i) => (i < 3 && rng() < 0.6 ? cutShort(rng, f) : f));
    case 'module-spelling':
      return t.map((f) => changeModuleSpelling(rng, f));
    case 'typo': {
      // in one of the top three names long enough to mistype inside (mangled names left alone)
      const at = t.findIndex((f, i) => i < 3 && f.symbol.length >= 8 && !f.symbol.startsWith('?') && rng() < 0.7);
      return at < 0 ? t : t.map((f, i) => (i === at ? typo(rng, f) : f));
    }
    case 'wrapped':
      // the text is wrapped after printing (wrapLines)
      return t;
  }
}

/** Prints a trace in one paste format, sometimes collapsed onto one line or Slack-escaped. */
export function printTrace(trace: Trace, format: string, rng: Rng): string {
  let text = (PRINTERS[format] ?? PRINTERS.bare)!(trace, rng);
  const intro = pick(rng, ['', 'store keeps crashing, stack below:\n', 'seeing this again on EXCH01 -\n', 'any idea? ']);
  if (rng() < 0.2) text = text.split('\n').join(' ');
  text = intro + text;
  if (rng() < 0.5) text = '```' + text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') + '```';
  return text;
}

const SYLLABLES = ['ac', 'me', 'con', 'to', 'so', 'fab', 'ri', 'kam', 'nor', 'th', 'wind', 'tail', 'lit', 'ware', 'zen', 'qu', 'ix', 'vel', 'dra', 'mon'];
const WORDS = ['Render', 'Queue', 'Cache', 'Socket', 'Parse', 'Flush', 'Index', 'Buffer', 'Session', 'Worker', 'Commit', 'Layout', 'Token', 'Stream', 'Frame', 'Scene', 'Paint', 'Billing', 'Ledger', 'Invoice'];
const ACTIONS = ['Process', 'Handle', 'Update', 'Free', 'Alloc', 'Dispatch', 'Write', 'Read', 'Validate', 'Release', 'Open', 'Close', 'Run', 'Tick'];
export const GENERIC_FRAMES: Frame[] = [...EXCEPTION_TOP, ...CALLERS, { module: 'ntdll', symbol: 'RtlFreeHeap' }, { module: 'ntdll', symbol: 'RtlAllocateHeap' }, { module: 'msvcrt', symbol: 'free' }, { module: 'KERNEL32', symbol: 'WaitForSingleObject' }];

export function inventedModule(rng: Rng): string {
  const n = 2 + Math.floor(rng() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, SYLLABLES);
  return s + pick(rng, ['', 'svc', 'core', '32', 'drv', 'ui']);
}

export function inventedSymbol(rng: Rng): string {
  const name = `${pick(rng, ACTIONS)}${pick(rng, WORDS)}${rng() < 0.5 ? pick(rng, WORDS) : ''}`;
  return rng() < 0.4 ? `C${pick(rng, WORDS)}${pick(rng, WORDS)}::${name}` : name;
}

/**
 * A plausible trace of software the store knows nothing about: 2-8 frames of invented
 * product modules, OS frames the store does know (from `knownOsFrames`), generic frames.
 */
export function unrelatedTrace(rng: Rng, knownOsFrames: Frame[]): Trace {
  const modules = [inventedModule(rng), inventedModule(rng)];
  const own: Frame[] = [];
  const count = 2 + Math.floor(rng() * 7);
  for (let i = 0; i < count; i++) own.push({ module: pick(rng, modules), symbol: inventedSymbol(rng), offset: `0x${Math.floor(rng() * 999).toString(16)}` });
  const trace: Frame[] = [];
  if (rng() < 0.3) trace.push(...EXCEPTION_TOP.slice(Math.floor(rng() * 3)));
  if (rng() < 0.4) trace.push(pick(rng, GENERIC_FRAMES));
  if (knownOsFrames.length > 0 && rng() < 0.5) trace.push(pick(rng, knownOsFrames));
  trace.push(...own);
  if (knownOsFrames.length > 0 && rng() < 0.5) trace.splice(trace.length - 1, 0, pick(rng, knownOsFrames));
  trace.push(pick(rng, CALLERS));
  return trace;
}
