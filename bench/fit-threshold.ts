/**
 * Fitting a verdict threshold on a bench's calibration half: the threshold (0.40 to 0.95, by 0.01) that gets the
 * most verdicts right on the half's positives while answering at most `maxFalseMatch` of its negatives `match`.
 * Shared by the clue and message benches, so both fit the same way.
 */
export interface ThresholdFit<O> {
  positives: O[];
  negatives: O[];
  maxFalseMatch: number;
  isMatchAt: (o: O, t: number) => boolean;
  isRightAt: (o: O, t: number) => boolean;
}

/** The share of `os` passing `test` (NaN when empty). */
export const share = <O>(os: readonly O[], test: (o: O) => boolean): number => (os.length === 0 ? NaN : os.filter(test).length / os.length);

export function fitThreshold<O>({ positives, negatives, maxFalseMatch, isMatchAt, isRightAt }: ThresholdFit<O>): number {
  let best = 0.95;
  let bestRight = -1;
  for (let step = 40; step <= 95; step++) {
    // tested at the value reported: summing 0.01s drifts (0.53000000000001), so a score of exactly 0.53 passed the test and failed the report
    const t = step / 100;
    if (share(negatives, (o) => isMatchAt(o, t)) > maxFalseMatch) continue;
    const right = share(positives, (o) => isRightAt(o, t));
    if (right > bestRight) {
      bestRight = right;
      best = t;
    }
  }
  return best;
}
