/**
 * Feedback that changes answers. A crash is known by its fingerprint (its normalised frames, else its
 * clues); people's votes on answers for that fingerprint re-rank the matcher's candidates for everyone:
 * an answer confirmed by more people than rejected it goes first (and the verdict becomes `match`), one
 * rejected by more than confirmed it drops below the rest. Each person counts once per answer (the store
 * keeps one vote per fingerprint, person and answer), so clicking again cannot swing it.
 */
import { createHash } from 'node:crypto';
import type { Candidate, KbId, MatchResult, ParsedMessage, Trace, Vote } from '../model.js';
import { messageTokens } from '../trace/error-messages.js';
import { normalizeFrame } from '../trace/index.js';
import { decideVerdict, MATCH_THRESHOLD } from './match.js';

/** Frames from the crash point that make the fingerprint: enough to tell crashes apart, few enough to survive a cut-short paste. */
export const FINGERPRINT_FRAMES = 12;

/** The fingerprint of one trace (crash frame first), or undefined for an empty one. */
export function traceFingerprint(trace: Trace): string | undefined {
  const keys = trace.slice(0, FINGERPRINT_FRAMES).map((f) => normalizeFrame(f).key);
  if (keys.length === 0) return undefined;
  return `fp-${createHash('sha1').update(`t\n${keys.join('\n')}`).digest('hex').slice(0, 16)}`;
}

/**
 * The fingerprint of a pasted message: its longest trace's, else its codes and Event IDs (sorted), else its
 * error messages with their insertion strings blanked, so the same message from another server or path is
 * the same crash (and votes on an answer to a pasted message count the next time it is pasted).
 */
export function crashFingerprint(parsed: ParsedMessage): string | undefined {
  let longest: Trace = [];
  for (const t of parsed.traces) if (t.length > longest.length) longest = t;
  if (longest.length > 0) return traceFingerprint(longest);
  const codes = parsed.clues.flatMap((c) => (c.kind === 'stop-code' || c.kind === 'exception-code' ? [`${c.kind}:${c.code}`] : c.kind === 'event-id' ? [`event:${c.id}`] : []));
  if (codes.length > 0) return hashed('c', codes);
  const messages = parsed.clues.flatMap((c) => (c.kind === 'error-message' ? [messageTokens(c.text).map((t) => (t.var ? '<v>' : t.word)).join(' ')] : []));
  return messages.length > 0 ? hashed('m', messages) : undefined;
}

function hashed(kind: string, keys: string[]): string {
  return `fp-${createHash('sha1').update(`${kind}\n${[...new Set(keys)].sort().join('\n')}`).digest('hex').slice(0, 16)}`;
}

/** People for and against each answer, per fingerprint. */
export interface Tally {
  confirmed: number;
  rejected: number;
}

export type VoteBook = ReadonlyMap<string, ReadonlyMap<KbId, Tally>>;

/** Counts the store's votes (already one per fingerprint, person and answer). */
export function tallyVotes(votes: readonly Vote[]): VoteBook {
  const book = new Map<string, Map<KbId, Tally>>();
  for (const v of votes) {
    const perCrash = book.get(v.fingerprint) ?? new Map<KbId, Tally>();
    const t = perCrash.get(v.kb) ?? { confirmed: 0, rejected: 0 };
    if (v.verdict === 'right') t.confirmed += 1;
    else t.rejected += 1;
    perCrash.set(v.kb, t);
    book.set(v.fingerprint, perCrash);
  }
  return book;
}

function net(t: Tally | undefined): number {
  return t ? t.confirmed - t.rejected : 0;
}

/**
 * Re-ranks a match result by the votes on its crash. Confirmed answers first (most net confirmations
 * first), unvoted ones in the matcher's order, rejected ones last; a confirmed answer the matcher did not
 * find (named as the right one: a KB number, a KI id) joins at the top. `titleOf` names such an answer.
 */
export function applyVotes(result: MatchResult, tallies: ReadonlyMap<KbId, Tally> | undefined, titleOf: (kb: KbId) => string | undefined): MatchResult {
  if (!tallies || tallies.size === 0) return result;
  const candidates: Candidate[] = [...result.candidates];
  const present = new Set(candidates.map((c) => c.kb));
  const topScore = candidates[0]?.score ?? 0;
  for (const [kb, t] of tallies) {
    if (present.has(kb) || net(t) <= 0) continue;
    const title = titleOf(kb);
    if (title === undefined) continue;
    candidates.push({ kb, score: Math.max(topScore, MATCH_THRESHOLD), title, matchedFrames: [], alignment: [], versionChecks: [] });
  }
  const rank = (c: Candidate): number => Math.sign(net(tallies.get(c.kb)));
  const order = new Map(candidates.map((c, i) => [c.kb, i]));
  candidates.sort((a, b) => rank(b) - rank(a) || net(tallies.get(b.kb)) - net(tallies.get(a.kb)) || (order.get(a.kb) ?? 0) - (order.get(b.kb) ?? 0));
  const top = candidates[0];
  if (!top) return result;
  // Confirmed: a match. The matcher's top still on top: its verdict stands. Another on top (the matcher's was
  // rejected): not sure enough to call it a match.
  let verdict: MatchResult['verdict'];
  if (net(tallies.get(top.kb)) > 0) verdict = 'match';
  else if (top.kb === result.candidates[0]?.kb) verdict = result.verdict;
  else verdict = decideVerdict(candidates.map((c) => c.score)) === 'none' ? 'none' : 'possible';
  return { verdict, candidates };
}
