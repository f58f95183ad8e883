/**
 * Builds the match index once, at load: every signature frame normalised and weighted
 * (IDF across the store times the rule lists' factor), and inverted indexes from frame
 * key, bare symbol and key prefix to the traces that hold them, so a query touches only
 * the postings of its own frames.
 */
import type { Signature } from '../model.js';
import type { Frame } from '../model.js';
import { frameKey, Judged, MAX_FRAMES_READ, MAX_INFORMATIVE_FRAMES, type FrameKey } from './prepare.js';
import { RuleClassifier, loadRules, type FrameVerdict, type Rules } from './rules.js';
import { positionWeight } from './position.js';
import type { SearchIndex } from './search-index.js';
import { buildClueIndex, type ClueIndex } from './clue-index.js';
import { buildMessageIndex, type MessageIndex } from './message-index.js';
import { findSharedSites, type SharedSites } from './crash-site.js';
import { buildTextIndex, type TextIndex } from './text-index.js';

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
  /** The articles' error messages by word (message-index.ts), built on the first paste that needs it. */
  readonly messages: MessageIndex;
  /** Every article's title, symptoms and messages by word (text-index.ts), built on the first paste without a trace. */
  readonly text: TextIndex;
  /** Article id → its position in `signatures` (candidates name articles by id), built on first use. */
  readonly sigOf: ReadonlyMap<string, number>;
  /** Built on first use (free-text search is rarer than matching). */
  search?: SearchIndex;
}

/**
 * A printed frame spelling, normalised once, with its rule verdict, sentinel rule (null: none) and key id once
 * known. A class, so every record has one shape from the start: a million frame visits stay monomorphic.
 */
class MemoKey implements FrameKey {
  readonly module: string;
  readonly symbol: string;
  readonly key: string;
  readonly display: string;
  readonly symbolless: boolean;
  verdict: FrameVerdict | undefined = undefined;
  sentinel: string | null | undefined = undefined;
  /** The key's id in the index, -1 until the key is first counted. */
  id = -1;
  /** The module and ecosystem as printed, which (with the symbol) this record stands for. */
  readonly printedModule: string;
  readonly lang: Frame['lang'];
  constructor(k: FrameKey, printed: Frame) {
    this.printedModule = printed.module;
    this.lang = printed.lang;
    this.module = k.module;
    this.symbol = k.symbol;
    this.key = k.key;
    this.display = k.display;
    this.symbolless = k.symbolless;
  }
}

/** Modules scanned for a printed symbol before its spellings are looked up by module and symbol together. */
const CROWDED_SYMBOL = 32;

/** ln(1 + N/df) / ln(1 + N) over the N signatures with traces, raised to this power: frames in many signatures say little. */
export const IDF_POWER = 1.5;

export function idfWeight(df: number, signatureCount: number): number {
  const n = Math.max(signatureCount, 1);
  const d = Math.max(df, 1);
  return (Math.log(1 + n / d) / Math.log(1 + n)) ** IDF_POWER;
}

/**
 * Normalises and classifies each printed frame spelling once: the verdict, sentinel and key id ride on its
 * memo record, so a frame costs two small map lookups (module, symbol) and no allocation.
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
  // By printed symbol, then the few modules printing it (1.1-1.3 on average in the archive and the synthetic
  // 100k store): one map lookup per frame. A symbol printed under very many modules goes on to a map by both.
  const bySymbol = new Map<string, MemoKey[]>();
  const crowded = new Map<string, MemoKey>();
  const keyOf = (frame: Frame): MemoKey => {
    let spellings = bySymbol.get(frame.symbol);
    if (!spellings) bySymbol.set(frame.symbol, (spellings = []));
    for (const k of spellings) if (k.printedModule === frame.module && k.lang === frame.lang) return k;
    if (spellings.length < CROWDED_SYMBOL) {
      const k = new MemoKey(frameKey(frame), frame);
      spellings.push(k);
      return k;
    }
    const both = `${frame.lang ?? ''}\n${frame.module}\n${frame.symbol}`;
    let k = crowded.get(both);
    if (!k) crowded.set(both, (k = new MemoKey(frameKey(frame), frame)));
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
  pairKeys: Int32Array;
  pairTraces: Int32Array;
  flatKeys: Int32Array;
  flatPositions: Int32Array;
  /** Per trace: its signature, its index there, and where its frames start in flatKeys (one more entry: the end). */
  traceSig: Int32Array;
  traceIndex: Int32Array;
  traceStart: Int32Array;
}

/** An upper bound on informative frames and traces, so the buffers are sized once instead of grown frame by frame. */
function capacityOf(signatures: Signature[]): { frames: number; traces: number } {
  let frames = 0;
  let traces = 0;
  for (const sig of signatures) {
    traces += sig.traces.length;
    for (const trace of sig.traces) frames += Math.min(trace.length, MAX_INFORMATIVE_FRAMES);
  }
  return { frames, traces };
}

function collectTraces(signatures: Signature[], memo: ReturnType<typeof frameMemo>): CollectedTraces {
  const capacity = capacityOf(signatures);
  const keyIds = new Map<string, number>();
  const keyInfo: FrameKey[] = [];
  const factors: number[] = [];
  const dfCount: number[] = [];
  const flatKeys = new Int32Array(capacity.frames);
  const flatPositions = new Int32Array(capacity.frames);
  const pairKeys = new Int32Array(capacity.frames);
  const pairTraces = new Int32Array(capacity.frames);
  const traceSig = new Int32Array(capacity.traces);
  const traceIndexes = new Int32Array(capacity.traces);
  const traceStart = new Int32Array(capacity.traces + 1);
  let flat = 0;
  let pairs = 0;
  let traceCount = 0;
  // Last signature / trace that counted each key: stamps instead of a Set per trace.
  const sigStamp: number[] = [];
  const traceStamp: number[] = [];
  const frames: MemoKey[] = [];
  const judged = new Judged();
  for (let s = 0; s < signatures.length; s++) {
    const traces = (signatures[s] as Signature).traces;
    for (let traceIndex = 0; traceIndex < traces.length; traceIndex++) {
      const trace = traces[traceIndex] as Frame[];
      const count = Math.min(trace.length, MAX_FRAMES_READ);
      for (let i = 0; i < count; i++) frames[i] = memo.keyOf(trace[i] as Frame);
      judged.judge(frames, count, memo.classify, memo.sentinel);
      if (judged.informative === 0) continue;
      const traceId = traceCount++;
      traceSig[traceId] = s;
      traceIndexes[traceId] = traceIndex;
      traceStart[traceId] = flat;
      for (let i = 0; i < count; i++) {
        if ((judged.rank[i] as number) < 0) continue;
        const f = frames[i] as MemoKey;
        let id = f.id;
        if (id < 0) {
          // Another spelling may have normalised to the same key already.
          id = keyIds.get(f.key) ?? -1;
          if (id < 0) {
            id = keyInfo.length;
            keyIds.set(f.key, id);
            keyInfo.push(f);
            factors.push(judged.factor[i] as number);
            dfCount.push(0);
            sigStamp.push(-1);
            traceStamp.push(-1);
          }
          f.id = id;
        }
        flatKeys[flat] = id;
        flatPositions[flat++] = i;
        if (sigStamp[id] !== s) {
          sigStamp[id] = s;
          dfCount[id] = (dfCount[id] ?? 0) + 1;
        }
        // (key, trace) pairs, laid out per key at the end (one buffer, not one array per key).
        if (traceStamp[id] !== traceId) {
          traceStamp[id] = traceId;
          pairKeys[pairs] = id;
          pairTraces[pairs++] = traceId;
        }
      }
    }
  }
  traceStart[traceCount] = flat;
  return {
    keyIds,
    keyInfo,
    factors,
    dfCount,
    // Copies the size of what was filled: the index keeps these, not the upper-bound buffers.
    flatKeys: flatKeys.slice(0, flat),
    flatPositions: flatPositions.slice(0, flat),
    pairKeys: pairKeys.subarray(0, pairs),
    pairTraces: pairTraces.subarray(0, pairs),
    traceSig: traceSig.subarray(0, traceCount),
    traceIndex: traceIndexes.subarray(0, traceCount),
    traceStart: traceStart.subarray(0, traceCount + 1),
  };
}

/** Key weights (IDF over the signatures with traces, times the rule factor) and each trace's cumulative weights. */
function weighTraces(c: CollectedTraces): { df: Int32Array; weight: Float64Array; traces: IndexedTrace[] } {
  // Frames only occur in signatures that have traces: N counts those, not the whole archive.
  const traceCount = c.traceSig.length;
  let n = 0;
  for (let t = 0; t < traceCount; t++) if (t === 0 || c.traceSig[t] !== c.traceSig[t - 1]) n++;
  const df = Int32Array.from(c.dfCount);
  const weight = Float64Array.from(c.dfCount, (d, id) => idfWeight(d, n) * (c.factors[id] ?? 1));
  const allKeys = c.flatKeys;
  const allCumulative = new Float64Array(allKeys.length + traceCount);
  const traces: IndexedTrace[] = new Array<IndexedTrace>(traceCount);
  for (let traceId = 0; traceId < traceCount; traceId++) {
    const start = c.traceStart[traceId] as number;
    const end = c.traceStart[traceId + 1] as number;
    const cumulative = allCumulative.subarray(start + traceId, end + traceId + 1);
    for (let r = 0; r < end - start; r++) {
      cumulative[r + 1] = (cumulative[r] ?? 0) + (weight[allKeys[start + r] ?? 0] ?? 0) * positionWeight(r);
    }
    traces[traceId] = { sig: c.traceSig[traceId] as number, traceIndex: c.traceIndex[traceId] as number, keys: allKeys.subarray(start, end), positions: c.flatPositions.subarray(start, end), cumulative };
  }
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
  // Built on first use, as the search index is: only pastes holding error text and no stronger clue read it,
  // and it is a third of the archive's index time.
  let messages: MessageIndex | undefined;
  let text: TextIndex | undefined;
  let sigOf: Map<string, number> | undefined;
  const classifier = new RuleClassifier(rules);
  const memo = frameMemo(classifier);
  const collected = collectTraces(signatures, memo);
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
    get messages(): MessageIndex {
      return (messages ??= buildMessageIndex(signatures));
    },
    get text(): TextIndex {
      return (text ??= buildTextIndex(signatures));
    },
    get sigOf(): ReadonlyMap<string, number> {
      return (sigOf ??= new Map(signatures.map((sig, k) => [sig.id as string, k])));
    },
  };
}

/** Postings of each key as views into one buffer, trace ids ascending (a counting sort of the pairs). */
function layOutPostings(keyCount: number, pairKeys: Int32Array, pairTraces: Int32Array): Int32Array[] {
  const offsets = new Int32Array(keyCount + 1);
  for (const id of pairKeys) offsets[id + 1]!++;
  for (let id = 0; id < keyCount; id++) offsets[id + 1]! += offsets[id]!;
  const fill = offsets.slice(0, keyCount);
  const all = new Int32Array(pairKeys.length);
  for (let k = 0; k < pairKeys.length; k++) all[fill[pairKeys[k]!]!++] = pairTraces[k]!;
  return Array.from({ length: keyCount }, (_, id) => all.subarray(offsets[id]!, offsets[id + 1]!));
}
