/**
 * One frame → the key the matcher indexes on. Spellings of the same function in KB articles,
 * WinDbg, Dr. Watson and Visual Studio must give the same key: `STORE!@EcRpc@16`, `store.exe!EcRpc()`
 * and `store!EcRpc+0x12` all become `store!ecrpc`.
 */
import type { Frame } from '../model.js';
import { demangleMsvc } from './demangle.js';
import { normalizeForeign } from './formats/ecosystems.js';

export interface NormalFrame {
  module: string;
  symbol: string;
  /** `module!symbol` */
  key: string;
}

const EXTENSIONS = ['.exe', '.dll', '.sys', '.ocx', '.drv', '.cpl'];

/** Kernel images print under several names; the KB articles mix them (`NT!`, `ntkrnlmp!`, `ntoskrnl!`). */
const MODULE_ALIASES = new Map([['ntoskrnl', 'nt'], ['ntkrnlmp', 'nt'], ['ntkrnlpa', 'nt'], ['ntkrpamp', 'nt']]);

export function normalizeModule(module: string): string {
  let m = module.trim();
  const slash = Math.max(m.lastIndexOf('\\'), m.lastIndexOf('/'));
  if (slash >= 0) m = m.slice(slash + 1);
  m = m.toLowerCase();
  for (const ext of EXTENSIONS) {
    if (m.endsWith(ext) && m.length > ext.length) {
      m = m.slice(0, -ext.length);
      break;
    }
  }
  return MODULE_ALIASES.get(m) ?? m;
}

/** Removes bracketed parts at any depth: `(args)` always, `<T>` unless it belongs to an operator name. */
function removeBracketed(s: string): string {
  let out = '';
  let paren = 0;
  let angle = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const afterOperator = out.endsWith('operator') || out.endsWith('operator<') || out.endsWith('operator>') || out.endsWith('-');
    if (ch === '(' && !out.endsWith('operator')) paren++;
    else if (ch === ')' && paren > 0) paren--;
    else if (ch === '<' && !afterOperator) angle++;
    else if (ch === '>' && angle > 0 && !afterOperator) angle--;
    else if (paren === 0 && angle === 0) out += ch;
  }
  return out;
}

/** Drops return type and calling convention: the name is the last space-separated word (`operator new` kept whole). */
function lastWord(s: string): string {
  let quote = false;
  let cut = -1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '`') quote = true;
    else if (ch === "'") quote = false;
    else if (ch === ' ' && !quote && !s.endsWith('operator', i)) cut = i;
  }
  return s.slice(cut + 1);
}

/** `_Func@12` → `Func`, `@EcRpc@16` → `EcRpc`, `__imp_X` → `imp_X`. */
function stripDecoration(s: string): string {
  let name = s;
  const at = name.lastIndexOf('@');
  if (at > 0 && at < name.length - 1 && /^\d+$/.test(name.slice(at + 1))) name = name.slice(0, at);
  let start = 0;
  while (start < name.length - 1 && (name[start] === '_' || name[start] === '@')) start++;
  return name.slice(start);
}

/** Plain identifiers (`PUSH_NOTIFY::PushToClient`), the bulk of any store, need no bracket or word parsing. */
function isPlainName(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const plain = (c | 32) >= 97 && (c | 32) <= 122 ? true : (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 64 || c === 36;
    if (!plain) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlnum(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57);
}

/**
 * Old articles print symbols through binaries rearranged by BBT/OMAP, which appends `_<number>`
 * pieces, sometimes with fragments of other names: `HMDestroyUnlockedObject_162`,
 * `EcProcessCategMessageEvent_1128ool_7571e`, `_ds_search_172ry_139y_146_70own_99`. A pasted
 * modern symbol has none, so in each `::` part the run of `_`-pieces that each begin with two
 * digits is dropped, with any parts after it, (when a name of at least two characters stays). One digit is a real name:
 * `Msv1_0SubAuthenticationRoutine`.
 */
export function stripToolSuffix(symbol: string): string {
  if (!symbol.includes('::')) return stripPartSuffix(symbol);
  const parts = symbol.split('::');
  const out: string[] = [];
  for (const part of parts) {
    const stripped = stripPartSuffix(part);
    out.push(stripped);
    // a scope never ends in such a suffix: what follows is a fragment of another name
    // (`otpmmain_897nThread::HrGetListenPort_26ad` is otpmmain)
    if (stripped !== part) break;
  }
  return out.join('::');
}

function stripPartSuffix(s: string): string {
  let cut = s.length;
  let i = s.length;
  while (i > 0) {
    let j = i;
    while (j > 0 && isAlnum(s.charCodeAt(j - 1))) j--;
    if (j === 0 || s[j - 1] !== '_' || !isDigit(s.charCodeAt(j)) || !isDigit(s.charCodeAt(j + 1))) break;
    cut = j - 1;
    i = j - 1;
  }
  if (cut === s.length) return s;
  const name = s.slice(0, cut);
  const last = name.charCodeAt(name.length - 1);
  // `_1_2` or `Foo__12` is not a name followed by a suffix
  return name.length >= 2 && isAlnum(last) && !isDigit(name.charCodeAt(0)) ? name : s;
}

export function normalizeSymbol(symbol: string): string {
  let s = symbol.trim();
  if (!isPlainName(s)) {
    const plus = s.indexOf('+');
    if (plus > 0 && !s.includes('operator')) s = s.slice(0, plus);
    if (s.startsWith('?')) s = demangleMsvc(s);
    s = lastWord(removeBracketed(s).replace(/\s+/g, ' ').trim());
    if (s.endsWith(' const')) s = s.slice(0, -6);
  }
  s = stripToolSuffix(stripDecoration(s));
  // 2000-2002 articles print C++ scopes as `__` (store!OMSG__EcFlushXAI)
  s = s.split('__').join('::');
  return s.toLowerCase();
}

/**
 * A frame of another ecosystem (Java, Python, ...): its ecosystem's normalisation, lower-cased, and the
 * module tagged `lang:` so its key never equals a Windows frame's or another ecosystem's.
 */
function normalizeForeignFrame(frame: Frame & { lang: NonNullable<Frame['lang']> }): NormalFrame {
  const n = normalizeForeign(frame.lang, { module: frame.module.trim(), symbol: frame.symbol.trim() });
  const module = `${frame.lang}:${n.module.toLowerCase().replace(/!/g, '.')}`;
  // Native (C/C++/Swift) names, once ecosystems.ts took off their decorations, read as Windows symbols do;
  // normalizeSymbol reads `__` as a C++ scope (old KB articles print `A__B`); native names keep theirs.
  const symbol = frame.lang === 'native' ? normalizeSymbol(n.symbol).replace(/:{3,}/g, '::').replace(/^:+|:+$/g, '') : n.symbol.toLowerCase();
  return { module, symbol, key: `${module}!${symbol}` };
}

/** The ecosystem tag of a normalised module (`java:com.foo` → `java`), '' for Windows frames. */
export function langOfModule(module: string): string {
  const colon = module.indexOf(':');
  return colon > 0 && /^[a-z]+$/.test(module.slice(0, colon)) ? module.slice(0, colon) : '';
}

export function normalizeFrame(frame: Frame): NormalFrame {
  if (frame.lang !== undefined) return normalizeForeignFrame(frame as Frame & { lang: NonNullable<Frame['lang']> });
  const module = normalizeModule(frame.module);
  const symbol = normalizeSymbol(frame.symbol);
  return { module, symbol, key: `${module}!${symbol}` };
}
