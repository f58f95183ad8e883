/**
 * Builds the match index once, at load: every signature frame normalised and weighted
 * (IDF across the store times the rule lists' factor), and inverted indexes from frame
 * key, bare symbol and key prefix to the traces that hold them, so a query touches only
 * the postings of its own frames.
 */
import type { Signature } from '../model.js';
import type { Frame } from '../model.js';
import { frameKey, informative, prepareTrace, type FrameKey } from './prepare.js';
import { RuleClassifier, loadRules, type FrameVerdict, type Rules } from './rules.js';
import { positionWeight } from './position.js';
import type { SearchIndex } from './search-index.js';
import { buildClueIndex, type ClueIndex } from './clue-index.js';
import { buildMessageIndex, type MessageIndex } from './message-index.js';
import { findSharedSites, type SharedSites } from './crash-site.js';

/** One signature trace, reduced to its informative frames. */
export interface IndexedTrace {
  sig: number;
  traceIndex: number;
  keys: Int32Array;
  /** Position of each informative frame in the signature's printed trace. */
  positions: Int32Array;
  /** cumulative[j] = sum of weight * positionWeight over the first j informative frames. */
  cumulative: Float64Array;
}

export interface MatchIndex {
  signatures: Signature[];
  classifier: RuleClassifier;
  traces: IndexedTrace[];
  keyIds: Map<string, number>;
  keys: string[];
  /** How the trace module prints each key (`STORE!PUSH_NOTIFY::PushToClient`). */
  displays: string[];
  keyModules: string[];
  keySymbols: string[];
  /** Number of signatures holding each key. */
  df: Int32Array;
  /** IDF times rule factor: what one occurrence of the key is worth. */
  weight: Float64Array;
  /** Trace ids holding each key. */
  postings: Int32Array[];
  /** Bare symbol -> key ids (module missing or spelt differently in a paste). */
  symbolKeys: Map<string, number[]>;
  /** Keys in sorted order, for cut-short names. */
  sortedKeys: string[];
  sortedKeyIds: Int32Array;
  /** Module -> key ids, for fuzzy spelling within a module. */
  moduleKeys: Map<string, number[]>;
  /** Rule verdicts by key, shared by signatures and queries. */
  verdicts: Map<string, FrameVerdict>;
  /** Scratch accumulator for retrieval, one slot per trace. */
  scratch: Float64Array;
  /** Frames in the crash sites of several signatures, and the traces holding them there (crash-site.ts). */
  sharedSites: SharedSites;
  /** Event, STOP and faulting-module indexes (clue-index.ts). */
  clues: ClueIndex;
  /** The articles' error messages by word (message-index.ts). */
  messages: MessageIndex;
  /** Built on first use (free-text search is rarer than matching). */
  search?: SearchIndex;
}

/** A normalised frame with its rule verdict and sentinel rule (null: none) once looked up. */
interface MemoKey extends FrameKey {
  verdict?: FrameVerdict;
  sentinel?: string | null;
}

/** ln(1 + N/df) / ln(1 + N) over the N signatures with traces, raised to this power: frames in many signatures say little. */
export const IDF_POWER = 1.5;

export function idfWeight(df: number, signatureCount: number): number {
  const n = Math.max(signatureCount, 1);
  const d = Math.max(df, 1);
  return (Math.log(1 + n / d) / Math.log(1 + n)) ** IDF_POWER;
}

/**
 * Normalises and classifies each printed frame spelling once: the verdict and sentinel ride on its memo
 * record, so a frame costs two small map lookups (module, symbol).
 */
function frameMemo(classifier: RuleClassifier) {
  const verdicts = new Map<string, FrameVerdict>();
  const classify = (k: FrameKey): FrameVerdict => {
    const memo = k as MemoKey;
    if (!memo.verdict) {
      memo.verdict = verdicts.get(k.key) ?? classifier.classify(k.module, k.key);
      verdicts.set(k.key, memo.verdict);
    }
    return memo.verdict;
  };
  const sentinel = (k: FrameKey): string | undefined => {
    const memo = k as MemoKey;
    if (memo.sentinel === undefined) memo.sentinel = classifier.sentinel(k.key) ?? null;
    return memo.sentinel ?? undefined;
  };
  const byModule = new Map<string, Map<string, MemoKey>>();
  const keyOf = (frame: Frame): FrameKey => {
    let bySymbol = byModule.get(frame.module);
    if (!bySymbol) byModule.set(frame.module, (bySymbol = new Map()));
    let k = bySymbol.get(frame.symbol);
    if (!k) {
      k = frameKey(frame);
      bySymbol.set(frame.symbol, k);
    }
    return k;
  };
  return { verdicts, classify, sentinel, keyOf };
}

/** Every signature trace's informative frames as key ids, back to back, with document frequencies and (key, trace) pairs. */
interface CollectedTraces {
  keyIds: Map<string, number>;
  keyInfo: FrameKey[];
  factors: number[];
  dfCount: number[];
  pairKeys: number[];
  pairTraces: number[];
  flatKeys: number[];
  flatPositions: number[];
  raw: { sig: number; traceIndex: number; start: number; end: number }[];
}

function collectTraces(signatures: Signature[], classifier: RuleClassifier, memo: ReturnType<typeof frameMemo>): CollectedTraces {
  const c: CollectedTraces = { keyIds: new Map(), keyInfo: [], factors: [], dfCount: [], pairKeys: [], pairTraces: [], flatKeys: [], flatPositions: [], raw: [] };
  // Last signature / trace that counted each key: stamps instead of a Set per trace.
  const sigStamp: number[] = [];
  const traceStamp: number[] = [];
  signatures.forEach((sig, s) => {
    sig.traces.forEach((trace, traceIndex) => {
      const frames = informative(prepareTrace(trace, classifier, memo));
      if (frames.length === 0) return;
      const traceId = c.raw.length;
      const start = c.flatKeys.length;
      for (const f of frames) {
        let id = c.keyIds.get(f.key);
        if (id === undefined) {
          id = c.keyInfo.length;
          c.keyIds.set(f.key, id);
          c.keyInfo.push(f);
          c.factors.push(f.factor);
          c.dfCount.push(0);
          sigStamp.push(-1);
          traceStamp.push(-1);
        }
        c.flatKeys.push(id);
        c.flatPositions.push(f.index);
        if (sigStamp[id] !== s) {
          sigStamp[id] = s;
          c.dfCount[id] = (c.dfCount[id] ?? 0) + 1;
        }
        // (key, trace) pairs, laid out per key at the end (one buffer, not one array per key).
        if (traceStamp[id] !== traceId) {
          traceStamp[id] = traceId;
          c.pairKeys.push(id);
          c.pairTraces.push(traceId);
        }
      }
      c.raw.push({ sig: s, traceIndex, start, end: c.flatKeys.length });
    });
  });
  return c;
}

/** Key weights (IDF over the signatures with traces, times the rule factor) and each trace's cumulative weights. */
function weighTraces(c: CollectedTraces): { df: Int32Array; weight: Float64Array; traces: IndexedTrace[] } {
  // Frames only occur in signatures that have traces: N counts those, not the whole archive.
  let n = 0;
  for (let t = 0; t < c.raw.length; t++) if (t === 0 || c.raw[t]!.sig !== c.raw[t - 1]!.sig) n++;
  const df = Int32Array.from(c.dfCount);
  const weight = Float64Array.from(c.dfCount, (d, id) => idfWeight(d, n) * (c.factors[id] ?? 1));
  const allKeys = Int32Array.from(c.flatKeys);
  const allPositions = Int32Array.from(c.flatPositions);
  const allCumulative = new Float64Array(allKeys.length + c.raw.length);
  const traces: IndexedTrace[] = c.raw.map((t, traceId) => {
    const cumulative = allCumulative.subarray(t.start + traceId, t.end + traceId + 1);
    for (let r = 0; r < t.end - t.start; r++) {
      cumulative[r + 1] = (cumulative[r] ?? 0) + (weight[allKeys[t.start + r] ?? 0] ?? 0) * positionWeight(r);
    }
    return { sig: t.sig, traceIndex: t.traceIndex, keys: allKeys.subarray(t.start, t.end), positions: allPositions.subarray(t.start, t.end), cumulative };
  });
  return { df, weight, traces };
}

/** The lookups a query's frames go through besides the exact key: bare symbol, module, sorted prefixes. */
function keyLookups(keyInfo: FrameKey[], keyIds: Map<string, number>) {
  const symbolKeys = new Map<string, number[]>();
  const moduleKeys = new Map<string, number[]>();
  keyInfo.forEach((k, id) => {
    const bySymbol = symbolKeys.get(k.symbol);
    if (bySymbol) bySymbol.push(id);
    else symbolKeys.set(k.symbol, [id]);
    const byModule = moduleKeys.get(k.module);
    if (byModule) byModule.push(id);
    else moduleKeys.set(k.module, [id]);
  });
  const keys = keyInfo.map((k) => k.key);
  // The default sort orders by UTF-16 code units, as `<` does; no comparator call per step.
  const sortedKeys = keys.slice().sort();
  return { symbolKeys, moduleKeys, keys, sortedKeys, sortedKeyIds: Int32Array.from(sortedKeys, (k) => keyIds.get(k) ?? 0) };
}

export function buildIndex(signatures: Signature[], rules: Rules = loadRules()): MatchIndex {
  const classifier = new RuleClassifier(rules);
  const memo = frameMemo(classifier);
  const collected = collectTraces(signatures, classifier, memo);
  const { df, weight, traces } = weighTraces(collected);
  const { keyInfo, keyIds } = collected;
  return {
    signatures,
    classifier,
    traces,
    keyIds,
    ...keyLookups(keyInfo, keyIds),
    displays: keyInfo.map((k) => k.display),
    keyModules: keyInfo.map((k) => k.module),
    keySymbols: keyInfo.map((k) => k.symbol),
    df,
    weight,
    postings: layOutPostings(keyInfo.length, collected.pairKeys, collected.pairTraces),
    verdicts: memo.verdicts,
    scratch: new Float64Array(traces.length),
    sharedSites: findSharedSites(traces, keyInfo.length),
    clues: buildClueIndex(signatures),
    messages: buildMessageIndex(signatures),
  };
}

/** Postings of each key as views into one buffer, trace ids ascending (a counting sort of the pairs). */
function layOutPostings(keyCount: number, pairKeys: number[], pairTraces: number[]): Int32Array[] {
  const offsets = new Int32Array(keyCount + 1);
  for (const id of pairKeys) offsets[id + 1]!++;
  for (let id = 0; id < keyCount; id++) offsets[id + 1]! += offsets[id]!;
  const fill = offsets.slice(0, keyCount);
  const all = new Int32Array(pairKeys.length);
  pairKeys.forEach((id, k) => {
    all[fill[id]!++] = pairTraces[k]!;
  });
  return Array.from({ length: keyCount }, (_, id) => all.subarray(offsets[id]!, offsets[id + 1]!));
}
