/** A paste with no matching trace, answered from its event-log, STOP and application-error clues. */
import type { Candidate, Clue, MatchResult, ParsedMessage, Signature } from '../model.js';
import type { MatchIndex } from './build.js';
import { CLUE_MATCH_THRESHOLD, rankClues, type ClueRanked } from './clue-match.js';
import { checkVersions } from './versions.js';
import { withoutNoise } from './message-floor.js';
import { MESSAGE_MATCH_THRESHOLD, messageVerdict, rankMessages, type MessageRanked } from './message-match.js';

/** Candidates offered, as for traces. */
const MAX_CANDIDATES = 5;
/** Below this a message candidate is not offered at all (the trace matcher's POSSIBLE_THRESHOLD). */
const POSSIBLE = 0.25;
/**
 * Below this the best event, STOP or crash-report candidate offers no short list: today's events with an old id and source
 * ("Event 17, WHEA-Logger", 7031 for a modern service) scored 0.26 on the id alone. Fitted on the calibration half of
 * `bench/clues.ts` (its default seed): from 0.25 to 0.30 no right verdict is lost and 389 of its 652 negatives offered a
 * short list go quiet; at 0.32 seven right verdicts are lost.
 */
export const CLUE_POSSIBLE = 0.3;

/** Versions an application error reports, as the version clues checkVersions reads. */
function withReportedVersions(clues: Clue[]): Clue[] {
  const extra: Clue[] = [];
  for (const c of clues) {
    if (c.kind !== 'app-error') continue;
    if (c.app && c.appVersion) extra.push({ kind: 'file-version', file: c.app, version: c.appVersion });
    if (c.module && c.moduleVersion) extra.push({ kind: 'file-version', file: c.module, version: c.moduleVersion });
  }
  const seen = new Set(clues.map((c) => JSON.stringify(c)));
  return [...clues, ...extra.filter((c) => !seen.has(JSON.stringify(c)))];
}

/** Every clue candidate, best first (the bench reads ranks and confidences below the cut). */
export function rankClueCandidates(index: MatchIndex, parsed: ParsedMessage, limit = MAX_CANDIDATES): ClueRanked[] {
  return rankClues(index.clues, parsed.clues, (sig) => index.signatures[sig]?.exceptionCodes ?? [], limit, parsed.context);
}

/** The verdict over clue candidates: the same rule as traces (a tie at the top is `possible`), at the clue threshold. */
export function matchClues(index: MatchIndex, parsed: ParsedMessage, decide: (confidences: number[], threshold: number) => MatchResult['verdict'], threshold = CLUE_MATCH_THRESHOLD): MatchResult {
  const ranked = rankClueCandidates(index, parsed).filter((r) => r.confidence >= POSSIBLE);
  // a short list is offered when its best candidate reaches CLUE_POSSIBLE; weaker ones may follow it
  if ((ranked[0]?.confidence ?? 0) < CLUE_POSSIBLE) return { verdict: 'none', candidates: [] };
  const clues = withReportedVersions(parsed.clues);
  const candidates = ranked.map((r): Candidate => {
    const sig = index.signatures[r.sig] as Signature;
    return {
      kb: sig.id,
      score: Math.round(r.confidence * 1000) / 1000,
      title: sig.title,
      matchedFrames: [],
      alignment: [],
      versionChecks: checkVersions(sig, clues),
      clueMatches: r.matches,
    };
  });
  return { verdict: decide(ranked.map((r) => r.confidence), threshold), candidates };
}

/** Every message candidate for the paste's error text, best first (the bench reads ranks and confidences below the cut). */
export function rankMessageCandidates(index: MatchIndex, parsed: ParsedMessage, limit = MAX_CANDIDATES): MessageRanked[] {
  const pasted = parsed.clues.flatMap((c) => (c.kind === 'error-message' ? [{ text: c.text, how: c.how }] : []));
  // a short list whose best candidate shares only a few words of its message is noise: nothing (message-floor.ts)
  return pasted.length === 0 ? [] : withoutNoise(rankMessages(index.messages, pasted, limit));
}

/**
 * The answer from the paste's error text (message boxes, quoted text, error lines): read only when
 * no trace, event, STOP screen or crash report answered. The same verdict rule, at the message threshold.
 */
export function matchMessageClues(index: MatchIndex, parsed: ParsedMessage, threshold = MESSAGE_MATCH_THRESHOLD): MatchResult {
  const ranked = rankMessageCandidates(index, parsed).filter((r) => r.confidence >= POSSIBLE);
  if (ranked.length === 0) return { verdict: 'none', candidates: [] };
  const candidates = ranked.map((r): Candidate => {
    const sig = index.signatures[r.sig] as Signature;
    return { kb: sig.id, score: Math.round(r.confidence * 1000) / 1000, title: sig.title, matchedFrames: [], alignment: [], versionChecks: checkVersions(sig, parsed.clues), clueMatches: r.matches };
  });
  return { verdict: messageVerdict(ranked.map((r) => r.confidence), threshold), candidates };
}
