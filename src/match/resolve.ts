/**
 * Finds the store keys a pasted frame may stand for: the exact key, else the same symbol
 * under another module spelling (or none), else a key the pasted name is a cut-short
 * prefix of (or that is a cut-short prefix of it), else a close spelling within the same
 * module. fuse.js runs only over one module's distinct symbols, never over traces.
 */
import Fuse from 'fuse.js';
import { langOfModule } from '../trace/index.js';
import type { MatchIndex } from './build.js';
import type { PreparedFrame } from './prepare.js';
import type { Resolution } from './score.js';
import { editDistance } from './edit-distance.js';

export { editDistance };

/** Shortest symbol tried as a cut-short prefix or a misspelling. */
const MIN_FUZZY_SYMBOL = 6;
/** Shorter names are too easily one slip away from another real name. */
const MIN_MISSPELT_SYMBOL = 8;
/**
 * Below this length a slip is trusted only when one name of the module is that close: one
 * archive name in ten this short has a neighbour one edit away (`otpmmain`, `otpsmain`, `otpamain`).
 */
const UNIQUE_MISSPELT_SYMBOL = 10;
/** A symbol this long is distinctive even under another module's name. */
const DISTINCTIVE_SYMBOL = 14;
/** More completions than this and a cut-short name is too ambiguous to use. */
const MAX_COMPLETIONS = 3;
/** Modules with more distinct symbols than this are not searched for misspellings. */
const MAX_FUZZY_VOCABULARY = 20000;
const FUSE_THRESHOLD = 0.25;
/** Longer names are not real symbols; fuzzy lookups stay bounded. */
const MAX_FUZZY_KEY = 300;

const fuzzyByIndex = new WeakMap<MatchIndex, Map<string, Fuse<string> | null>>();

function lowerBound(sorted: string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function completions(index: MatchIndex, key: string): number[] {
  const out: number[] = [];
  for (let i = lowerBound(index.sortedKeys, key); i < index.sortedKeys.length; i++) {
    if (!(index.sortedKeys[i] ?? '').startsWith(key)) break;
    out.push(index.sortedKeyIds[i] ?? -1);
    if (out.length > MAX_COMPLETIONS) break;
  }
  return out;
}

function moduleFuse(index: MatchIndex, module: string): Fuse<string> | null {
  let cache = fuzzyByIndex.get(index);
  if (!cache) {
    cache = new Map();
    fuzzyByIndex.set(index, cache);
  }
  let fuse = cache.get(module);
  if (fuse === undefined) {
    const ids = index.moduleKeys.get(module) ?? [];
    fuse = ids.length === 0 || ids.length > MAX_FUZZY_VOCABULARY ? null : new Fuse(ids.map((id) => index.keySymbols[id] ?? ''), { includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true });
    cache.set(module, fuse);
  }
  return fuse;
}

/**
 * A typing slip: fuse.js proposes close spellings from the module's symbols, and only a
 * slip of one edit (two in names over 24 characters) is accepted: `EcLast` is not
 * `EcArticle`, however similar fuse finds them.
 */
function misspelt(index: MatchIndex, frame: PreparedFrame): Resolution[] {
  if (frame.symbol.length < MIN_MISSPELT_SYMBOL) return [];
  const fuse = moduleFuse(index, frame.module);
  if (!fuse) return [];
  const ids = index.moduleKeys.get(frame.module) ?? [];
  const limit = frame.symbol.length > 24 ? 2 : 1;
  const close: number[] = [];
  for (const hit of fuse.search(frame.symbol, { limit: 5 })) {
    const id = ids[hit.refIndex];
    if (id !== undefined && editDistance(frame.symbol, hit.item, limit) <= limit) close.push(id);
  }
  const [id] = close;
  if (id === undefined || (frame.symbol.length < UNIQUE_MISSPELT_SYMBOL && close.length > 1)) return [];
  return [{ id, factor: 0.75, how: 'similar spelling' }];
}

/**
 * The same symbol under another module: trusted when the paste names no module (Visual
 * Studio frames without one), when one module name is a cut-short form of the other, or
 * when the symbol is long enough to be distinctive on its own.
 */
function otherModules(index: MatchIndex, frame: PreparedFrame): Resolution[] {
  const ids = index.symbolKeys.get(frame.symbol);
  if (!ids || ids.length > MAX_COMPLETIONS) return [];
  const out: Resolution[] = [];
  const lang = langOfModule(frame.module);
  for (const id of ids) {
    const module = index.keyModules[id] ?? '';
    // frames of different ecosystems never stand for each other (a Java `run` is not a Windows `Run`)
    if (langOfModule(module) !== lang) continue;
    const factor =
      frame.module === '' ? 0.9 : module.startsWith(frame.module) || frame.module.startsWith(module) ? 0.8 : frame.symbol.length >= DISTINCTIVE_SYMBOL ? 0.6 : 0;
    if (factor > 0) out.push({ id, factor, how: 'module differs' });
  }
  return out;
}

export function resolveFrame(index: MatchIndex, frame: PreparedFrame): Resolution[] {
  const exact = index.keyIds.get(frame.key);
  if (exact !== undefined) return [{ id: exact, factor: 1, how: 'exact' }];
  const sameSymbol = otherModules(index, frame);
  if (sameSymbol.length > 0) return sameSymbol;
  if (frame.symbol.length < MIN_FUZZY_SYMBOL || frame.module === '' || frame.key.length > MAX_FUZZY_KEY) return [];
  const longer = completions(index, frame.key);
  if (longer.length > 0 && longer.length <= MAX_COMPLETIONS) return longer.map((id) => ({ id, factor: 0.85, how: 'cut short' }));
  const minLength = frame.module.length + 1 + MIN_FUZZY_SYMBOL;
  for (let length = frame.key.length - 1; length >= minLength && frame.key.length - length <= 60; length--) {
    const id = index.keyIds.get(frame.key.slice(0, length));
    if (id !== undefined) return [{ id, factor: 0.85, how: 'cut short in the article' }];
  }
  return misspelt(index, frame);
}
