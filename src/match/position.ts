/**
 * How much a frame counts by its distance from the crash point: the index weighs signature frames with it
 * (build.ts) and the scorer weighs pasted frames with it (score.ts). Its own module, so the index and the
 * scorer do not import each other.
 */

/** Position decay 1/(1+rank)^ALPHA. */
export const ALPHA = 0.7;

const POSITION_WEIGHTS = Float64Array.from({ length: 64 }, (_, r) => 1 / (1 + r) ** ALPHA);

export function positionWeight(rank: number): number {
  return POSITION_WEIGHTS[rank] ?? 1 / (1 + rank) ** ALPHA;
}
