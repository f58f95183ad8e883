/**
 * Alignment-aware similarity between a pasted trace and one signature trace, after
 * FaST/TraceSim (crash-matching.md §5): frames matched in order, each worth its weight
 * (IDF x rule factor) times a position weight that decays away from the crash point in
 * both traces and a small penalty for being at different depths. Unmatched frames count
 * against the score, but only down to a few frames below the last match on either side:
 * KB articles quote a cut-down stack and pastes hold much longer ones.
 */
import type { IndexedTrace, MatchIndex } from './build.js';
import { positionWeight } from './position.js';
import { editDistance } from './edit-distance.js';

export { ALPHA, positionWeight } from './position.js';
/** Misalignment decay e^(-GAMMA * |rank difference|). */
export const GAMMA = 0.05;
/** Unmatched frames counted below the last matched frame when one trace ends there (a cut-down quote). */
export const TAIL = 2;
/** ... and when both traces go on but differ (they fork: a different call path). */
export const FORK_TAIL = 6;
/** How hard substituted frames (both traces have their own frames in a gap) count. */
export const SUBSTITUTION_PENALTY = 0.7;
/** Evidence saturation: a few matched rare frames are near-certain, one is not. */
export const EVIDENCE_SCALE = 0.6;
/** A paste aligned from deep inside a signature's stack lacks its crash frame: a little less sure. */
export const DEEP_FACTOR = 0.85;
/** ... and only when a few frames are missing above it (a paste that lost its top lines). */
export const MAX_DEEP_START = 1;

/**
 * A pasted name the store does not know, one slip (or cut short) from the signature's frame in the same
 * slot of the alignment, counts as that frame at this factor: the matched frames around it confirm
 * the slot, which a store-wide spelling search (resolve.ts) cannot do for short names.
 */
export const SLOT_SLIP_FACTOR = 0.75;
/** Shortest pasted name read as a slip or a cut-short name in its slot. */
const MIN_SLOT_SYMBOL = 6;

/** The alignment table, reused across calls (matching is synchronous). */
let table = new Float64Array(41 * 41);

export type MatchHow = 'exact' | 'module differs' | 'cut short' | 'cut short in the article' | 'similar spelling';

export interface Resolution {
  id: number;
  /** 1 for an exact key, less for fuzzy resolutions. */
  factor: number;
  how: MatchHow;
}

/** An informative pasted frame with the store keys it may stand for. */
export interface QueryFrame {
  rank: number;
  /** Position in the printed trace. */
  index: number;
  resolved: Resolution[];
  /** What the frame is worth in the denominator (unknown frames count fully). */
  weight: number;
  /** Lower-cased module and symbol of a frame the store does not know (read by slotSlip). */
  unknown?: { module: string; symbol: string };
}

export interface AlignedPair {
  queryRank: number;
  signatureRank: number;
  resolution: Resolution;
}

export interface TraceScore {
  /** Similarity in [0, 1]. */
  similarity: number;
  /** Sum of the matched frames' weights (how much rare evidence agrees). */
  evidence: number;
  /** similarity x evidence saturation: the raw score turned into confidence. */
  raw: number;
  pairs: AlignedPair[];
}

function resolutionFor(frame: QueryFrame, id: number): Resolution | undefined {
  for (const r of frame.resolved) if (r.id === id) return r;
  return undefined;
}

/**
 * The signature trace's cumulative weights as if its stack began at `offset` (a paste that
 * starts deep inside it): position weights counted from there. Offset 0 is the index's own.
 */
let shifted = new Float64Array(41);
function cumulativeFrom(index: MatchIndex, trace: IndexedTrace, offset: number): Float64Array {
  if (offset === 0) return trace.cumulative;
  const n = trace.keys.length;
  if (shifted.length < n + 1) shifted = new Float64Array(n + 1);
  shifted.fill(0, 0, n + 1);
  for (let j = offset; j < n; j++) shifted[j + 1] = (shifted[j] ?? 0) + (index.weight[trace.keys[j] ?? -1] ?? 0) * positionWeight(j - offset);
  return shifted;
}

/**
 * Between two consecutive matched frames (and above the first), both traces holding frames
 * of their own is a substitution: a different crash frame, or a different caller on the
 * way. Frames missing on one side only (a cut-down quote, extra frames in a paste) are
 * not. Substituted weight, near the crash point most, multiplies the score down.
 */
function substitutionFactor(query: QueryFrame[], trace: IndexedTrace, cumulative: Float64Array, offset: number, pairs: AlignedPair[], forked: boolean): number {
  let substituted = 0;
  let prevQ = -1;
  let prevS = offset - 1;
  for (const pair of pairs) {
    let gapQ = 0;
    for (let i = prevQ + 1; i < pair.queryRank; i++) gapQ += (query[i]?.weight ?? 0) * positionWeight(i);
    const gapS = (cumulative[pair.signatureRank] ?? 0) - (cumulative[prevS + 1] ?? 0);
    if (gapQ > 0 && gapS > 0) substituted += Math.min(gapQ, gapS);
    prevQ = pair.queryRank;
    prevS = pair.signatureRank;
  }
  if (forked) {
    // below the last shared frame both go on differently: a different call path into it
    let tailQ = 0;
    for (let i = prevQ + 1; i < Math.min(query.length, prevQ + 1 + FORK_TAIL); i++) tailQ += (query[i]?.weight ?? 0) * positionWeight(i);
    const tailS = (cumulative[Math.min(trace.keys.length, prevS + 1 + FORK_TAIL)] ?? 0) - (cumulative[prevS + 1] ?? 0);
    substituted += Math.min(tailQ, tailS);
  }
  return Math.exp(-SUBSTITUTION_PENALTY * substituted);
}

/** What one aligned pair adds to the alignment (1-based positions i, j, as in the table). */
function pairWeight(index: MatchIndex, r: Resolution, i: number, j: number, offset: number): number {
  return (index.weight[r.id] ?? 0) * r.factor * Math.sqrt(positionWeight(i - 1) * positionWeight(j - 1 - offset)) * Math.exp(-GAMMA * Math.abs(i - (j - offset)));
}

/** The pasted name is the printed one with one slip (two in long names), or cut short. */
function slipOf(pasted: string, printed: string): boolean {
  if (pasted.length < MIN_SLOT_SYMBOL) return false;
  if (printed.startsWith(pasted)) return true;
  const limit = printed.length > 24 ? 2 : 1;
  return editDistance(pasted, printed, limit) <= limit;
}

/**
 * Slots of the alignment holding one frame on each side, the one pasted unknown to the store and a
 * slip of the signature's: the top slot right above the first matched pair, or a slot between two
 * matched pairs. Each is added to `pairs` (in order) and returned.
 */
function slotSlips(index: MatchIndex, query: QueryFrame[], trace: IndexedTrace, offset: number, pairs: AlignedPair[]): AlignedPair[] {
  const slots: [number, number][] = [];
  const first = pairs[0];
  if (first && first.queryRank === 1 && first.signatureRank === offset + 1) slots.push([0, offset]);
  for (let k = 1; k < pairs.length; k++) {
    const a = pairs[k - 1] as AlignedPair;
    const b = pairs[k] as AlignedPair;
    if (b.queryRank === a.queryRank + 2 && b.signatureRank === a.signatureRank + 2) slots.push([a.queryRank + 1, a.signatureRank + 1]);
  }
  const added: AlignedPair[] = [];
  for (const [q, s] of slots) {
    const unknown = query[q]?.unknown;
    const id = trace.keys[s] ?? -1;
    if (!unknown || (index.keyModules[id] ?? '').toLowerCase() !== unknown.module || !slipOf(unknown.symbol, (index.keySymbols[id] ?? '').toLowerCase())) continue;
    added.push({ queryRank: q, signatureRank: s, resolution: { id, factor: SLOT_SLIP_FACTOR, how: 'similar spelling' } });
  }
  if (added.length > 0) {
    pairs.push(...added);
    pairs.sort((x, y) => x.queryRank - y.queryRank);
  }
  return added;
}

/**
 * Weighted in-order alignment (dynamic programming over at most 40 x 40 frames), with the
 * signature's stack read from `offset` on: its frames above are neither matched nor counted.
 */
function scoreFrom(index: MatchIndex, query: QueryFrame[], trace: IndexedTrace, offset: number): TraceScore {
  const m = query.length;
  const n = trace.keys.length;
  const width = n + 1;
  if (table.length < (m + 1) * width) table = new Float64Array((m + 1) * width);
  const best = table;
  best.fill(0, 0, (m + 1) * width);
  for (let i = 1; i <= m; i++) {
    const q = query[i - 1] as QueryFrame;
    const pq = positionWeight(i - 1);
    for (let j = offset + 1; j <= n; j++) {
      const up = best[(i - 1) * width + j] ?? 0;
      const left = best[i * width + j - 1] ?? 0;
      let value = up > left ? up : left;
      const r = q.resolved.length > 0 ? resolutionFor(q, trace.keys[j - 1] ?? -1) : undefined;
      if (r) {
        const w = (index.weight[r.id] ?? 0) * r.factor * Math.sqrt(pq * positionWeight(j - 1 - offset)) * Math.exp(-GAMMA * Math.abs(i - (j - offset)));
        const diag = (best[(i - 1) * width + j - 1] ?? 0) + w;
        if (diag > value) value = diag;
      }
      best[i * width + j] = value;
    }
  }
  const pairs: AlignedPair[] = [];
  let evidence = 0;
  for (let i = m, j = n; i > 0 && j > offset; ) {
    const here = best[i * width + j] ?? 0;
    if (here === (best[(i - 1) * width + j] ?? 0)) i--;
    else if (here === (best[i * width + j - 1] ?? 0)) j--;
    else {
      const r = resolutionFor(query[i - 1] as QueryFrame, trace.keys[j - 1] ?? -1) as Resolution;
      pairs.push({ queryRank: i - 1, signatureRank: j - 1, resolution: r });
      evidence += (index.weight[r.id] ?? 0) * r.factor;
      i--;
      j--;
    }
  }
  pairs.reverse();
  let matched = best[m * width + n] ?? 0;
  for (const slip of slotSlips(index, query, trace, offset, pairs)) {
    matched += pairWeight(index, slip.resolution, slip.queryRank + 1, slip.signatureRank + 1, offset);
    evidence += (index.weight[slip.resolution.id] ?? 0) * slip.resolution.factor;
  }
  if (pairs.length === 0) return { similarity: 0, evidence: 0, raw: 0, pairs };
  const cumulative = cumulativeFrom(index, trace, offset);
  const last = pairs[pairs.length - 1] as AlignedPair;
  const forked = m - last.queryRank > 2 && n - last.signatureRank > 2;
  const tail = forked ? FORK_TAIL : TAIL;
  const lq = Math.min(m, last.queryRank + 1 + tail);
  const ls = Math.min(n, last.signatureRank + 1 + tail);
  let wq = 0;
  for (let i = 0; i < lq; i++) wq += (query[i]?.weight ?? 0) * positionWeight(i);
  const ws = (cumulative[ls] ?? 0) - (cumulative[offset] ?? 0);
  const similarity = Math.min(1, (2 * matched) / (wq + ws));
  const raw = similarity * (1 - Math.exp(-evidence / EVIDENCE_SCALE)) * substitutionFactor(query, trace, cumulative, offset, pairs, forked);
  return { similarity, evidence, raw, pairs };
}

/**
 * The pasted trace against one signature trace. When the paste's first informative frame
 * sits deeper in the signature's stack (the paste lost the frames above it, or quotes a
 * caller's part of a long stack), the alignment is also tried from that position, and the
 * better fit kept: the signature's frames above the paste's start are not counted against it.
 */
export function scoreTrace(index: MatchIndex, query: QueryFrame[], trace: IndexedTrace): TraceScore {
  const whole = scoreFrom(index, query, trace, 0);
  const first = whole.pairs[0];
  // only a paste that begins with that frame: one whose own top frames were skipped (an
  // anonymous function, a generic frame) may have crashed elsewhere
  if (!first || first.queryRank !== 0 || query[0]?.index !== 0 || first.signatureRank === 0 || first.signatureRank > MAX_DEEP_START) return whole;
  const deep = scoreFrom(index, query, trace, first.signatureRank);
  deep.raw *= DEEP_FACTOR;
  return deep.raw > whole.raw ? deep : whole;
}
