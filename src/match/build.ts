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
import type { SearchIndex } from './search.js';
import { buildClueIndex, type ClueIndex } from './clue-index.js';
import { positionWeight } from './score.js';

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
  /** Event, STOP and faulting-module indexes (clue-index.ts). */
  clues: ClueIndex;
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

export function buildIndex(signatures: Signature[], rules: Rules = loadRules()): MatchIndex {
  const classifier = new RuleClassifier(rules);
  const verdicts = new Map<string, FrameVerdict>();
  // Each printed spelling is normalised, classified and checked for a sentinel once; the
  // results ride on its memo record, so a frame costs two small map lookups (module, symbol).
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
  const keyIds = new Map<string, number>();
  const keyInfo: FrameKey[] = [];
  const factors: number[] = [];
  const dfCount: number[] = [];
  // Last signature / trace that counted each key: stamps instead of a Set per trace.
  const sigStamp: number[] = [];
  const traceStamp: number[] = [];
  // (key, trace) pairs, laid out per key at the end (one buffer, not one array per key).
  const pairKeys: number[] = [];
  const pairTraces: number[] = [];
  // Every trace's keys and positions, back to back.
  const flatKeys: number[] = [];
  const flatPositions: number[] = [];
  const raw: { sig: number; traceIndex: number; start: number; end: number }[] = [];

  signatures.forEach((sig, s) => {
    sig.traces.forEach((trace, traceIndex) => {
      const frames = informative(prepareTrace(trace, classifier, { classify, keyOf, sentinel }));
      if (frames.length === 0) return;
      const traceId = raw.length;
      const start = flatKeys.length;
      for (const f of frames) {
        let id = keyIds.get(f.key);
        if (id === undefined) {
          id = keyInfo.length;
          keyIds.set(f.key, id);
          keyInfo.push(f);
          factors.push(f.factor);
          dfCount.push(0);
          sigStamp.push(-1);
          traceStamp.push(-1);
        }
        flatKeys.push(id);
        flatPositions.push(f.index);
        if (sigStamp[id] !== s) {
          sigStamp[id] = s;
          dfCount[id] = (dfCount[id] ?? 0) + 1;
        }
        if (traceStamp[id] !== traceId) {
          traceStamp[id] = traceId;
          pairKeys.push(id);
          pairTraces.push(traceId);
        }
      }
      raw.push({ sig: s, traceIndex, start, end: flatKeys.length });
    });
  });

  // Frames only occur in signatures that have traces: N counts those, not the whole archive.
  let n = 0;
  for (let t = 0; t < raw.length; t++) if (t === 0 || raw[t]!.sig !== raw[t - 1]!.sig) n++;
  const df = Int32Array.from(dfCount);
  const weight = Float64Array.from(dfCount, (d, id) => idfWeight(d, n) * (factors[id] ?? 1));
  const allKeys = Int32Array.from(flatKeys);
  const allPositions = Int32Array.from(flatPositions);
  const allCumulative = new Float64Array(allKeys.length + raw.length);
  const traces: IndexedTrace[] = raw.map((t, traceId) => {
    const cumulative = allCumulative.subarray(t.start + traceId, t.end + traceId + 1);
    for (let r = 0; r < t.end - t.start; r++) {
      cumulative[r + 1] = (cumulative[r] ?? 0) + (weight[allKeys[t.start + r] ?? 0] ?? 0) * positionWeight(r);
    }
    return { sig: t.sig, traceIndex: t.traceIndex, keys: allKeys.subarray(t.start, t.end), positions: allPositions.subarray(t.start, t.end), cumulative };
  });
  const postings = layOutPostings(keyInfo.length, pairKeys, pairTraces);

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

  return {
    signatures,
    classifier,
    traces,
    keyIds,
    keys,
    displays: keyInfo.map((k) => k.display),
    keyModules: keyInfo.map((k) => k.module),
    keySymbols: keyInfo.map((k) => k.symbol),
    df,
    weight,
    postings,
    symbolKeys,
    sortedKeys,
    sortedKeyIds: Int32Array.from(sortedKeys, (k) => keyIds.get(k) ?? 0),
    moduleKeys,
    verdicts,
    scratch: new Float64Array(traces.length),
    clues: buildClueIndex(signatures),
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
