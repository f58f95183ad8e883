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
 * Between two consecutive matched frames (and above the first), both traces holding frames
 * of their own is a substitution: a different crash frame, or a different caller on the
 * way. Frames missing on one side only (a cut-down quote, extra frames in a paste) are
 * not. Substituted weight, near the crash point most, multiplies the score down.
 */
function substitutionFactor(query: QueryFrame[], trace: IndexedTrace, pairs: AlignedPair[], forked: boolean): number {
  let substituted = 0;
  let prevQ = -1;
  let prevS = -1;
  for (const pair of pairs) {
    let gapQ = 0;
    for (let i = prevQ + 1; i < pair.queryRank; i++) gapQ += (query[i]?.weight ?? 0) * positionWeight(i);
    const gapS = (trace.cumulative[pair.signatureRank] ?? 0) - (trace.cumulative[prevS + 1] ?? 0);
    if (gapQ > 0 && gapS > 0) substituted += Math.min(gapQ, gapS);
    prevQ = pair.queryRank;
    prevS = pair.signatureRank;
  }
  if (forked) {
    // below the last shared frame both go on differently: a different call path into it
    let tailQ = 0;
    for (let i = prevQ + 1; i < Math.min(query.length, prevQ + 1 + FORK_TAIL); i++) tailQ += (query[i]?.weight ?? 0) * positionWeight(i);
    const tailS = (trace.cumulative[Math.min(trace.keys.length, prevS + 1 + FORK_TAIL)] ?? 0) - (trace.cumulative[prevS + 1] ?? 0);
    substituted += Math.min(tailQ, tailS);
  }
  return Math.exp(-SUBSTITUTION_PENALTY * substituted);
}

/** Weighted in-order alignment (dynamic programming over at most 40 x 40 frames). */
export function scoreTrace(index: MatchIndex, query: QueryFrame[], trace: IndexedTrace): TraceScore {
  const m = query.length;
  const n = trace.keys.length;
  const width = n + 1;
  if (table.length < (m + 1) * width) table = new Float64Array((m + 1) * width);
  const best = table;
  best.fill(0, 0, (m + 1) * width);
  for (let i = 1; i <= m; i++) {
    const q = query[i - 1] as QueryFrame;
    const pq = positionWeight(i - 1);
    for (let j = 1; j <= n; j++) {
      const up = best[(i - 1) * width + j] ?? 0;
      const left = best[i * width + j - 1] ?? 0;
      let value = up > left ? up : left;
      const r = q.resolved.length > 0 ? resolutionFor(q, trace.keys[j - 1] ?? -1) : undefined;
      if (r) {
        const w = (index.weight[r.id] ?? 0) * r.factor * Math.sqrt(pq * positionWeight(j - 1)) * Math.exp(-GAMMA * Math.abs(i - j));
        const diag = (best[(i - 1) * width + j - 1] ?? 0) + w;
        if (diag > value) value = diag;
      }
      best[i * width + j] = value;
    }
  }
  const pairs: AlignedPair[] = [];
  let evidence = 0;
  for (let i = m, j = n; i > 0 && j > 0; ) {
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
  const matched = best[m * width + n] ?? 0;
  if (pairs.length === 0) return { similarity: 0, evidence: 0, raw: 0, pairs };
  const last = pairs[pairs.length - 1] as AlignedPair;
  const forked = m - last.queryRank > 2 && n - last.signatureRank > 2;
  const tail = forked ? FORK_TAIL : TAIL;
  const lq = Math.min(m, last.queryRank + 1 + tail);
  const ls = Math.min(n, last.signatureRank + 1 + tail);
  let wq = 0;
  for (let i = 0; i < lq; i++) wq += (query[i]?.weight ?? 0) * positionWeight(i);
  const ws = trace.cumulative[ls] ?? 0;
  const similarity = Math.min(1, (2 * matched) / (wq + ws));
  const raw = similarity * (1 - Math.exp(-evidence / EVIDENCE_SCALE)) * substitutionFactor(query, trace, pairs, forked);
  return { similarity, evidence, raw, pairs };
}
