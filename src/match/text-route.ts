/**
 * The last step for a paste without a trace: the paste's words (trace/text-words.ts) against every article's
 * title, symptoms and messages (text-index.ts), joined with what the readers of events, STOP screens, crash reports
 * and error messages answered. The readers know what a field means; the words know what the person said around
 * it ("only on templates with DOCVARIABLE fields in the header") and what no reader was written for. On the
 * hand-written paste sets the words alone put the right article first more often than the readers did, and the two
 * together more often than either (bench/pastes.ts; the README gives the figures).
 *
 * The join depends on how sure the readers are. A sure answer (a `match`, or twins tied at the clue threshold) keeps
 * its articles and verdict: the words only order the tied ones and are shown in the why view. The rendered benches
 * (events, STOP screens and messages as the archive prints them) said why: joined freely, the words of a screen's
 * boilerplate or an event viewer's field labels outvoted sure answers (STOP right first 0.998 -> 0.51). A weak or
 * empty answer is joined: every article either route offers scores the readers' confidence plus TEXT_WEIGHT times
 * its word score over the best word score, best first, and the readers' weak `possible` stays `possible`. An article
 * only the words offer must hold TEXT_FLOOR of the paste's word weight and share MIN_SHARED_WORDS of its words
 * (today's events and errors share only common words with the archive). The words never name a match. A store too
 * small to say which words are rare (MIN_TEXT_ARTICLES) answers from the readers alone.
 */
import type { Candidate, ClueMatch, MatchResult, ParsedMessage, Signature } from '../model.js';
import type { MatchIndex } from './build.js';
import { rankText, scoreOf, sharedWords, textQuery, wordDf, wordWeightIn, type TextIndex, type TextQuery, type TextRanked } from './text-index.js';
import { CLUE_MATCH_THRESHOLD } from './clue-match.js';
import { checkVersions } from './versions.js';

/** Articles the words offer to the join. */
const TEXT_SHORT_LIST = 20;
/** Candidates shown, as for traces and clues. */
const MAX_CANDIDATES = 5;
/**
 * The words' weight in the join against the readers' confidence (0-1). Fitted on the four read hand-written sets
 * (K, L, M, N): from 1 to 3 the right article first moved within two points; 2 was best.
 */
export const TEXT_WEIGHT = 2;
/**
 * Share of the paste's word weight the best article must hold for the words alone to offer it, and the distinct words
 * it must share: a paste mostly of words no article prints holds its few known ones at a high share, so one or two
 * shared words are chance. Fitted on the read sets' pastes (K-P) the readers found nothing for: every negative (today's
 * events and errors) that reached a share of 0.25 shared at most four words; every paste the words put right shared
 * five or more but one, and 0.25 or more of the weight.
 */
export const TEXT_FLOOR = 0.25;
export const MIN_SHARED_WORDS = 5;
/**
 * Fewer articles than this and the words say nothing: a word's rarity is measured against the store, and in the
 * bundled store of a few dozen articles, or a team's own known issues, every content word is rare. Such stores
 * answer from the readers alone.
 */
export const MIN_TEXT_ARTICLES = 1000;
/** Candidates of a sure list within this of its best are tied: the words may order them (the clue route's tie margin is 0.01, the message route's 0.04). */
const READERS_TIE = 0.04;
/** Shared words the why view lists. */
const WHY_WORDS = 8;

/** What the why view says of the words: the rarest ones the paste and the article share, and their share of the paste's. */
function wordsMatch(index: TextIndex, words: readonly string[], title: string, at: number, share: number): ClueMatch {
  // rarest first: what sets the article apart, not what it repeats
  const shared = words
    .filter((w) => wordWeightIn(index, w, at) > 0)
    .map((w) => ({ w, df: wordDf(index, w) }))
    .sort((a, b) => a.df - b.df)
    .map((x) => x.w);
  const listed = shared.slice(0, WHY_WORDS).join(', ');
  return {
    kind: 'words',
    pasted: listed,
    article: title,
    details: [`words shared: ${listed}${shared.length > WHY_WORDS ? ` and ${shared.length - WHY_WORDS} more` : ''}`, `${Math.round(share * 100)}% of the paste's word weight`],
  };
}

/** The candidate with what the words say of it after its own evidence, where its article (at `at`) holds any of them. */
function withWords(index: TextIndex, words: readonly string[], query: TextQuery, candidate: Candidate, at: number | undefined, own: number): Candidate {
  if (own <= 0 || at === undefined) return candidate;
  return { ...candidate, clueMatches: [...(candidate.clueMatches ?? []), wordsMatch(index, words, candidate.title, at, own / query.reach)] };
}

/**
 * The readers' list is sure: a `match`, or a list (twins tied) whose best reached the clue route's match threshold,
 * unless the tie fills the whole list. A message dozens of articles print ("An application error has occurred…",
 * "ODBC--call failed") ties them all at the top, and the list keeps five of them by id: the readers cannot tell them
 * apart, so the words may bring in the one the paste's other words point at.
 */
function readersSure(readers: MatchResult): boolean {
  if (readers.verdict === 'match') return true;
  const top = readers.candidates[0]?.score ?? 0;
  if (top < CLUE_MATCH_THRESHOLD) return false;
  return readers.candidates.length < MAX_CANDIDATES || readers.candidates.some((c) => top - c.score >= READERS_TIE);
}

/** A sure list keeps its articles and verdict; the words only break its ties (a `match` keeps its order). */
function reorderSure(index: MatchIndex, words: readonly string[], query: TextQuery, readers: MatchResult): MatchResult {
  if (readers.verdict === 'match') return withWordsOnFirst(index, words, query, readers);
  const text = index.text;
  const topScore = readers.candidates[0]?.score ?? 0;
  const tiedCount = readers.candidates.filter((c) => topScore - c.score < READERS_TIE).length;
  const scored = readers.candidates.slice(0, tiedCount).map((c, k) => {
    const at = index.sigOf.get(c.kb);
    return { c, k, at, own: at === undefined ? 0 : scoreOf(text, query, at) };
  });
  const best = Math.max(0, ...scored.map((x) => x.own));
  if (best <= 0) return readers;
  scored.sort((a, b) => b.c.score + (TEXT_WEIGHT * b.own) / best - (a.c.score + (TEXT_WEIGHT * a.own) / best) || a.k - b.k);
  const candidates = scored.map(({ c, at, own }) => withWords(text, words, query, c, at, own));
  return { ...readers, candidates: [...candidates, ...readers.candidates.slice(tiedCount)] };
}

/** The readers' first candidate with what the words say of it. */
function withWordsOnFirst(index: MatchIndex, words: readonly string[], query: TextQuery, readers: MatchResult): MatchResult {
  const [first, ...rest] = readers.candidates as [Candidate, ...Candidate[]];
  const at = index.sigOf.get(first.kb);
  const own = at === undefined ? 0 : scoreOf(index.text, query, at);
  return own > 0 ? { ...readers, candidates: [withWords(index.text, words, query, first, at, own), ...rest] } : readers;
}

/**
 * The readers' answer joined with the paste's words. A paste without words (it held a trace) keeps the readers'
 * answer as it is.
 */
export function withPasteWords(index: MatchIndex, parsed: ParsedMessage, readers: MatchResult): MatchResult {
  const words = parsed.words ?? [];
  if (words.length === 0 || index.signatures.length < MIN_TEXT_ARTICLES) return readers;
  const text = index.text;
  const query = textQuery(text, words);
  if (query.reach <= 0) return readers;
  if (readersSure(readers)) return reorderSure(index, words, query, readers);
  const ranked = rankText(text, query, TEXT_SHORT_LIST);
  const top = ranked[0];
  if (!top) return readers;
  // an article only the words offer must hold enough of them: today's events share only common words with the archive
  const offered = (r: TextRanked): boolean => r.score / query.reach >= TEXT_FLOOR && sharedWords(text, query, r.sig) >= MIN_SHARED_WORDS;
  if (readers.candidates.length === 0 && !offered(top)) return readers;
  const bySig = new Map(ranked.map((r) => [r.sig, r.score]));
  const joined = new Map<string, { candidate?: Candidate; sig: number; score: number; text: number }>();
  for (const c of readers.candidates) {
    const sig = index.sigOf.get(c.kb);
    const own = sig === undefined ? 0 : (bySig.get(sig) ?? scoreOf(text, query, sig));
    joined.set(c.kb, { candidate: c, sig: sig ?? -1, score: c.score + (TEXT_WEIGHT * own) / top.score, text: own });
  }
  for (const r of ranked) {
    const kb = index.signatures[r.sig]?.id;
    if (kb === undefined || joined.has(kb) || index.signatures[r.sig]?.retired || !offered(r)) continue;
    joined.set(kb, { sig: r.sig, score: (TEXT_WEIGHT * r.score) / top.score, text: r.score });
  }
  const order = [...joined.entries()].sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0])).slice(0, MAX_CANDIDATES);
  const candidates = order.map(([kb, j]): Candidate => {
    const at = j.sig >= 0 ? j.sig : undefined;
    if (j.candidate) return withWords(text, words, query, j.candidate, at, j.text);
    // offered by the words alone: scored by its share of the paste's word weight
    const s = index.signatures[j.sig] as Signature;
    const offered: Candidate = { kb: kb as Candidate['kb'], score: Math.round(Math.min(1, j.text / query.reach) * 1000) / 1000, title: s.title, matchedFrames: [], alignment: [], versionChecks: checkVersions(s, parsed.clues), clueMatches: [] };
    return withWords(text, words, query, offered, at, j.text);
  });
  return { verdict: 'possible', candidates };
}
