/** Pieces the use cases share: candidate lines with titles, thread-match bookkeeping, the why view's re-match. */
import { applyVotes, crashFingerprint, decideVerdict, matchMessage, searchText, type SearchHit, type Tally } from '../match/index.js';
import type { Candidate, Clue, Frame, KbId, MatchResult, ParsedMessage, ThreadMatch, Trace } from '../model.js';
import { buildWhyReply, type CandidateLine, type Reply } from '../reply/index.js';
import type { Knowledge } from './types.js';

/** Frames kept in a ThreadMatch (and so in message metadata): enough for the why view, bounded. */
export const KEPT_FRAMES = 32;
/** Candidates remembered per thread. */
export const KEPT_CANDIDATES = 10;

export function candidateLines(k: Knowledge, candidates: readonly { kb: KbId; score: number; title?: string }[]): CandidateLine[] {
  return candidates.map((c) => ({ kb: c.kb, score: c.score, title: k.signatures.get(c.kb)?.title ?? c.title ?? c.kb }));
}

export function frameStrings(trace: readonly Frame[]): string[] {
  return trace.map((f) => `${f.module}!${f.symbol}`);
}

/** `module!symbol` lines back into frames (a line without `!` is a bare symbol). */
export function framesFromStrings(lines: readonly string[]): Trace {
  return lines.map((line) => {
    const bang = line.indexOf('!');
    return bang === -1 ? { module: '', symbol: line.trim() } : { module: line.slice(0, bang).trim(), symbol: line.slice(bang + 1).trim() };
  });
}

/** Longest module and symbol kept: real names are far shorter, and thread memory must stay small. */
const KEPT_NAME = 200;

/** The pasted trace the result matched best (the longest, when several were pasted), bounded for thread memory. */
export function pastedTrace(traces: readonly Trace[]): Trace {
  let best: Trace = [];
  for (const t of traces) if (t.length > best.length) best = t;
  return best.slice(0, KEPT_FRAMES).map((f) => ({
    module: f.module.slice(0, KEPT_NAME),
    symbol: f.symbol.slice(0, KEPT_NAME),
    ...(f.offset !== undefined ? { offset: f.offset.slice(0, 20) } : {}),
  }));
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export interface ThreadPlace {
  channel: string;
  threadTs: string;
}

/** The thread's new memory after a trace was matched. */
/** Event, STOP, application-error and error-message clues kept for the why view of a clue match: few, descriptions cut short. */
export function keptClues(clues: readonly Clue[]): Clue[] {
  return clues
    .filter((c) => c.kind === 'event-id' || c.kind === 'bugcheck' || c.kind === 'app-error' || c.kind === 'stop-code' || c.kind === 'exception-code' || c.kind === 'error-message')
    .slice(0, 8)
    .map((c) => (c.kind === 'event-id' && c.description !== undefined ? { ...c, description: c.description.slice(0, 300) } : c.kind === 'error-message' ? { ...c, text: c.text.slice(0, 300) } : c));
}

export function threadFromResult(place: ThreadPlace, previous: ThreadMatch | undefined, result: MatchResult, trace: Trace, announced: KbId[], now: number, pasted: Pick<ParsedMessage, 'clues' | 'words'> = { clues: [] }): ThreadMatch {
  const kept = trace.length === 0 ? keptClues(pasted.clues) : [];
  const words = trace.length === 0 ? (pasted.words ?? []) : [];
  return {
    channel: place.channel,
    threadTs: place.threadTs,
    verdict: result.verdict,
    ...(result.candidates[0] ? { kb: result.candidates[0].kb } : {}),
    candidates: result.candidates.slice(0, KEPT_CANDIDATES).map((c) => ({ kb: c.kb, score: c.score })),
    announced: unique([...(previous?.announced ?? []), ...announced]),
    ...(previous?.replyTs ? { replyTs: previous.replyTs } : {}),
    ...(trace.length > 0 ? { trace } : {}),
    ...(kept.length > 0 ? { clues: kept } : {}),
    ...(words.length > 0 ? { words: [...words] } : {}),
    ...('fingerprint' in result && typeof result.fingerprint === 'string' ? { fingerprint: result.fingerprint } : {}),
    updatedAt: now,
  };
}

/**
 * Matches a message against everything the bot knows: the store's index and the team's (each scored on
 * its own, merged by confidence), then re-ranked by the votes on this crash's fingerprint.
 */
export function matchKnowledge(k: Knowledge, parsed: ParsedMessage): MatchResult & { fingerprint?: string } {
  const base = matchMessage(k.index, parsed);
  if (!k.team) return base;
  const team = matchMessage(k.team.index, parsed);
  let result = base;
  if (team.candidates.length > 0) {
    const candidates = [...team.candidates, ...base.candidates].sort((a, b) => b.score - a.score);
    const verdict = decideVerdict(candidates.map((c) => c.score));
    // a best candidate on a crash site its layer found shared stays a short list (match/crash-site.ts)
    result = { verdict: verdict === 'match' && candidates[0]?.sharedSite ? 'possible' : verdict, candidates };
  }
  const fingerprint = crashFingerprint(parsed);
  if (fingerprint === undefined) return result;
  const voted = applyVotes(result, k.team.votes.get(fingerprint), (kb) => k.signatures.get(kb)?.title);
  return { ...voted, fingerprint };
}

/** How people voted on one answer for one crash (the why view shows it). */
export function tallyFor(k: Knowledge, fingerprint: string | undefined, kb: KbId): Tally | undefined {
  return fingerprint === undefined ? undefined : k.team?.votes.get(fingerprint)?.get(kb);
}

/** Free-text search over the store and the team's known issues (team hits first: they are the team's words). */
export function searchKnowledge(k: Knowledge, words: string, limit: number): SearchHit[] {
  const base = searchText(k.index, words, limit);
  if (!k.team) return base;
  return [...searchText(k.team.index, words, limit), ...base].slice(0, limit);
}

/** Re-runs the matcher on what the thread remembers of the paste (its trace, else its clues and words) for the why view. */
export function whyFor(k: Knowledge, kb: KbId, remembered: Pick<ThreadMatch, 'trace' | 'clues' | 'words'>): Reply | undefined {
  const { trace = [], clues = [], words = [] } = remembered;
  if (trace.length === 0 && clues.length === 0 && words.length === 0) return undefined;
  // a clue match (no trace) is explained from the remembered clues and words
  const result = matchKnowledge(k, trace.length > 0 ? { traces: [trace], kbRefs: [], clues: [] } : { traces: [], kbRefs: [], clues: [...clues], ...(words.length > 0 ? { words: [...words] } : {}) });
  const candidate: Candidate | undefined = result.candidates.find((c) => c.kb === kb);
  return candidate ? buildWhyReply(candidate, k.signatures.get(kb), tallyFor(k, result.fingerprint, kb)) : undefined;
}
