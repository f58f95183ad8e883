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
  /** Built on first use (free-text search is rarer than matching). */
  search?: SearchIndex;
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
  const classify = (module: string, key: string): FrameVerdict => {
    let v = verdicts.get(key);
    if (!v) {
      v = classifier.classify(module, key);
      verdicts.set(key, v);
    }
    return v;
  };
  // Articles repeat the same frames; normalise each printed spelling once.
  const normalised = new Map<string, FrameKey>();
  const keyOf = (frame: Frame): FrameKey => {
    const printed = `${frame.module}!${frame.symbol}`;
    let k = normalised.get(printed);
    if (!k) {
      k = frameKey(frame);
      normalised.set(printed, k);
    }
    return k;
  };
  const keyIds = new Map<string, number>();
  const keyInfo: FrameKey[] = [];
  const factors: number[] = [];
  const dfCount: number[] = [];
  const postingLists: number[][] = [];
  const raw: { sig: number; traceIndex: number; keys: number[]; positions: number[] }[] = [];

  signatures.forEach((sig, s) => {
    const seenInSig = new Set<number>();
    sig.traces.forEach((trace, traceIndex) => {
      const frames = informative(prepareTrace(trace, classifier, { classify, keyOf }));
      if (frames.length === 0) return;
      const traceId = raw.length;
      const keys: number[] = [];
      const seenInTrace = new Set<number>();
      for (const f of frames) {
        let id = keyIds.get(f.key);
        if (id === undefined) {
          id = keyInfo.length;
          keyIds.set(f.key, id);
          keyInfo.push(f);
          factors.push(f.factor);
          dfCount.push(0);
          postingLists.push([]);
        }
        keys.push(id);
        if (!seenInSig.has(id)) {
          seenInSig.add(id);
          dfCount[id] = (dfCount[id] ?? 0) + 1;
        }
        if (!seenInTrace.has(id)) {
          seenInTrace.add(id);
          postingLists[id]?.push(traceId);
        }
      }
      raw.push({ sig: s, traceIndex, keys, positions: frames.map((f) => f.index) });
    });
  });

  // Frames only occur in signatures that have traces: N counts those, not the whole archive.
  const n = new Set(raw.map((t) => t.sig)).size;
  const df = Int32Array.from(dfCount);
  const weight = Float64Array.from(dfCount, (d, id) => idfWeight(d, n) * (factors[id] ?? 1));
  const traces: IndexedTrace[] = raw.map((t) => {
    const cumulative = new Float64Array(t.keys.length + 1);
    t.keys.forEach((id, r) => {
      cumulative[r + 1] = (cumulative[r] ?? 0) + (weight[id] ?? 0) * positionWeight(r);
    });
    return { sig: t.sig, traceIndex: t.traceIndex, keys: Int32Array.from(t.keys), positions: Int32Array.from(t.positions), cumulative };
  });

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
  const order = keyInfo.map((_, id) => id).sort((a, b) => {
    const ka = keyInfo[a]?.key ?? '';
    const kb = keyInfo[b]?.key ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

  return {
    signatures,
    classifier,
    traces,
    keyIds,
    keys: keyInfo.map((k) => k.key),
    displays: keyInfo.map((k) => k.display),
    keyModules: keyInfo.map((k) => k.module),
    keySymbols: keyInfo.map((k) => k.symbol),
    df,
    weight,
    postings: postingLists.map((p) => Int32Array.from(p)),
    symbolKeys,
    sortedKeys: order.map((id) => keyInfo[id]?.key ?? ''),
    sortedKeyIds: Int32Array.from(order),
    moduleKeys,
    verdicts,
    scratch: new Float64Array(traces.length),
  };
}
