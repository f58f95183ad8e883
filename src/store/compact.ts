/**
 * Shrinks loaded signatures without changing what they say: a big store repeats the same strings
 * (module and symbol names, offsets, products, keywords, platforms) thousands of times, each a separate
 * copy out of JSON.parse, and gives every signature its own empty arrays for the fields it leaves out.
 * One copy of each repeated string and one shared (frozen) empty array cut a 100,000-signature trace
 * store's heap by about a third, which is also less for the garbage collector to copy and mark, and lets
 * the match index's maps compare names by reference.
 */
import type { FileRow, Signature } from '../model.js';

const EMPTY: readonly never[] = Object.freeze([]);

type ArrayKey = 'versions' | 'keywords' | 'traces' | 'files' | 'packages' | 'rollback' | 'related' | 'eventIds' | 'stopCodes' | 'exceptionCodes';
const ARRAY_FIELDS: readonly ArrayKey[] = ['versions', 'keywords', 'traces', 'files', 'packages', 'rollback', 'related', 'eventIds', 'stopCodes', 'exceptionCodes'];
/** Longest string value V8's JSON.parse internalises (json-parser.h, kMaxInternalizedStringValueLength). */
const SHARED_BY_JSON_PARSE = 10;
const ROW_STRINGS = ['version', 'date', 'time', 'platform', 'component', 'language'] as const;

/** A compactor shares strings across every signature it is given (one per store load). */
export function createCompactor(): (sig: Signature) => Signature {
  const seen = new Map<string, string>();
  const one = (s: string): string => {
    // V8's JSON.parse already returns one shared (internalised) copy of every string value this short, such as
    // most offsets and module names: looking them up again cost a third of a trace store's load.
    if (s.length <= SHARED_BY_JSON_PARSE) return s;
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
  const rows = (list: FileRow[]): void => {
    for (const row of list) {
      for (const key of ROW_STRINGS) {
        const value = row[key];
        if (value !== undefined) row[key] = one(value);
      }
    }
  };
  return (sig) => {
    sig.product = one(sig.product);
    for (let i = 0; i < sig.versions.length; i++) sig.versions[i] = one(sig.versions[i] as string);
    for (let i = 0; i < sig.keywords.length; i++) sig.keywords[i] = one(sig.keywords[i] as string);
    for (const trace of sig.traces) {
      for (const frame of trace) {
        frame.module = one(frame.module);
        frame.symbol = one(frame.symbol);
        if (frame.offset !== undefined) frame.offset = one(frame.offset);
      }
    }
    rows(sig.files);
    rows(sig.packages);
    for (const key of ARRAY_FIELDS) if (sig[key].length === 0) (sig as Record<ArrayKey, unknown>)[key] = EMPTY;
    return sig;
  };
}
