/**
 * When a short list of messages is noise. A `possible` answer from error text is worth a channel's attention
 * when its best candidate carries most of an article's message (a message many articles print: "Access
 * denied"; twins; a message cut short) or fits well; a best candidate that shares a few words of a long
 * message ("npm ERR! Could not resolve dependency" against "Could not resolve the specified host name …",
 * a docker error against an SMTP server response) names nothing the archive knows: the paste is answered
 * `none`. Only the verdict `possible` is touched: a candidate at the match threshold always speaks.
 */

/**
 * Under this share of its article's message (by rarity) a best candidate is weak. Fitted on the calibration half
 * of `bench/messages.ts --seed 20261130` (pastes pointing at 3+ articles keep `possible`) and read against the
 * negatives of the hand-written set (test/fixtures/pastes/hand-written.yml).
 */
export const WEAK_COVER = 0.5;
/** A weak best candidate under this confidence leaves the paste unanswered. */
export const WEAK_CONFIDENCE = 0.6;

export interface ShortListed {
  confidence: number;
  /** Share of the article's message (by rarity) the paste carries. */
  cover: number;
}

/** True when the best candidate (first) carries too little of its message and fits too loosely to be offered. */
export function isNoise(best: ShortListed | undefined, cover = WEAK_COVER, confidence = WEAK_CONFIDENCE): boolean {
  return best !== undefined && best.cover < cover && best.confidence < confidence;
}

/** The short list, or nothing when its best candidate is noise. */
export function withoutNoise<T extends ShortListed>(ranked: readonly T[], cover = WEAK_COVER, confidence = WEAK_CONFIDENCE): T[] {
  return isNoise(ranked[0], cover, confidence) ? [] : [...ranked];
}
