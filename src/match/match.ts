/**
 * Matching a parsed message against the index: candidates retrieved through the postings
 * of the pasted frames (rarest first, near the crash point weighing most), scored by
 * alignment, turned into a confidence and a verdict, and explained frame by frame.
 */
import type { Candidate, Clue, FrameAlignment, KbId, MatchResult, ParsedMessage, SharedSite, Signature, Trace, Verdict } from '../model.js';
import type { IndexedTrace, MatchIndex } from './build.js';
import { prepareTrace, type PreparedFrame } from './prepare.js';
import { editDistance, resolveFrame } from './resolve.js';
import { positionWeight, scoreTrace, type QueryFrame, type TraceScore } from './score.js';
import { checkVersions } from './versions.js';
import { matchClues, matchMessageClues } from './clue-answer.js';
import { CLUE_MATCH_THRESHOLD } from './clue-match.js';
import { MESSAGE_MATCH_THRESHOLD, MESSAGE_TIE_MARGIN } from './message-match.js';
import { leavesSite, siteSiblings } from './crash-site.js';
import { topByScore } from './top-by-score.js';
import { withPasteWords } from './text-route.js';
import { moduleStem } from '../trace/app-error.js';

/** Confidence at or above which the verdict is `match` (calibrated by `npm run bench`). */
export const MATCH_THRESHOLD = 0.5;
/** Confidence at or above which candidates are offered as `possible`. */
export const POSSIBLE_THRESHOLD = 0.25;
/**
 * Top two candidates closer than this are a tie: the pasted trace cannot tell their articles
 * apart (twins print the same stack for two causes). Below the 0.03 a shared STOP/exception
 * code or event ID adds, so such a clue still breaks a tie.
 */
export const TIE_MARGIN = 0.01;
/** Candidates returned by matchMessage. */
export const MAX_CANDIDATES = 5;
/** Edits within which a pasted name may still be the candidate's frame, damaged. */
const NEAR_SPELLING = 3;
/** Candidates ranked before the shared-site check picks the ones to show. */
const SITE_LOOKUP = 20;
/** Traces scored by alignment after retrieval. */
const RETRIEVED_TRACES = 40;
/** Pasted traces considered per message (a `~*k` dump holds one per thread). */
const MAX_QUERY_TRACES = 16;
/** A clue (STOP/exception code, event ID) the article also names nudges the score. */
const CLUE_BONUS = 0.03;
/**
 * Ceiling of a candidate found only through generic frames (a paste of heap, RPC runtime,
 * kernel frames: prepare.ts FALLBACK_FACTOR): offered as `possible`, never named the match,
 * since countless crashes pass through the same system frames.
 */
export const FALLBACK_CEILING = 0.45;

export interface RankedCandidate {
  sig: number;
  confidence: number;
  score: TraceScore;
  traceIndex: number;
  /** The index's id of the matched signature trace. */
  traceId: number;
  /** Which pasted trace it matched, and that trace's prepared frames. */
  query: PreparedFrame[];
  queryFrames: QueryFrame[];
  /** Found through generic frames only (FALLBACK_CEILING). */
  fallback: boolean;
}

/** The index key's two halves (`module!symbol`, lower-cased; a module never holds `!`). */
function unknownName(key: string): { module: string; symbol: string } {
  const bang = key.indexOf('!');
  return { module: key.slice(0, bang), symbol: key.slice(bang + 1) };
}

function prepareQuery(index: MatchIndex, trace: Trace): { prepared: PreparedFrame[]; frames: QueryFrame[] } {
  const prepared = prepareTrace(trace, index.classifier, { classify: (k) => index.verdicts.get(k.key) ?? index.classifier.classify(k.module, k.key) });
  const frames: QueryFrame[] = [];
  for (const f of prepared) {
    if (f.rank < 0) continue;
    const resolved = resolveFrame(index, f);
    let weight = f.factor;
    if (resolved.length > 0) weight = Math.max(...resolved.map((r) => (index.weight[r.id] ?? 0) * r.factor));
    frames.push({ rank: f.rank, index: f.index, resolved, weight, ...(resolved.length === 0 ? { unknown: unknownName(f.key) } : {}) });
  }
  return { prepared, frames };
}

/** Trace ids with the highest retrieval score: sum over shared frames of weight x position weight. */
function retrieve(index: MatchIndex, frames: QueryFrame[]): number[] {
  const acc = index.scratch;
  const touched: number[] = [];
  const lookups = frames.flatMap((f) => f.resolved.map((r) => ({ r, p: positionWeight(f.rank) })));
  lookups.sort((a, b) => (index.df[a.r.id] ?? 0) - (index.df[b.r.id] ?? 0));
  const common = Math.max(1000, index.traces.length / 10);
  lookups.forEach(({ r, p }, k) => {
    const postings = index.postings[r.id];
    if (!postings || (k >= 2 && postings.length > common)) return;
    const add = (index.weight[r.id] ?? 0) * r.factor * p;
    for (const t of postings) {
      if (acc[t] === 0) touched.push(t);
      acc[t] = (acc[t] ?? 0) + add;
    }
  });
  const chosen = topByScore(touched, acc, RETRIEVED_TRACES);
  for (const t of touched) acc[t] = 0;
  return chosen;
}

function clueBonus(sig: Signature, clues: Clue[]): number {
  let bonus = 0;
  for (const c of clues) {
    if (c.kind === 'stop-code' && sig.stopCodes.some((s) => s.toLowerCase() === c.code.toLowerCase())) bonus += CLUE_BONUS;
    if (c.kind === 'exception-code' && sig.exceptionCodes.includes(c.code.toLowerCase().replace(/^0x/, ''))) bonus += CLUE_BONUS;
    if (c.kind === 'event-id' && sig.eventIds.includes(c.id)) bonus += CLUE_BONUS;
  }
  return bonus;
}

/**
 * A paste of generic frames only meets an article only by following its stack frame for
 * frame: every pasted frame matched, one after the other in the article.
 */
function followsExactly(frames: QueryFrame[], score: TraceScore): boolean {
  return score.pairs.length === frames.length && score.pairs.every((p, k) => k === 0 || p.signatureRank === (score.pairs[k - 1]?.signatureRank ?? -2) + 1);
}

/** Every candidate with any frame in common, best first (the bench reads ranks below the cut). */
export function rankCandidates(index: MatchIndex, parsed: ParsedMessage, limit = MAX_CANDIDATES): RankedCandidate[] {
  const bySig = new Map<number, RankedCandidate>();
  for (const trace of parsed.traces.slice(0, MAX_QUERY_TRACES)) {
    const { prepared, frames } = prepareQuery(index, trace);
    if (!frames.some((f) => f.resolved.length > 0)) continue;
    const ceiling = prepared.some((f) => f.fallback) ? FALLBACK_CEILING : 1;
    for (const t of retrieve(index, frames)) {
      const indexed = index.traces[t];
      if (!indexed) continue;
      const score = scoreTrace(index, frames, indexed);
      if (score.raw <= 0) continue;
      if (ceiling < 1 && !followsExactly(frames, score)) continue;
      const sig = index.signatures[indexed.sig] as Signature;
      const confidence = Math.min(ceiling, score.raw + clueBonus(sig, parsed.clues));
      const seen = bySig.get(indexed.sig);
      if (!seen || confidence > seen.confidence) {
        bySig.set(indexed.sig, { sig: indexed.sig, confidence, score, traceIndex: indexed.traceIndex, traceId: t, query: prepared, queryFrames: frames, fallback: ceiling < 1 });
      }
    }
  }
  return [...bySig.values()]
    .sort((a, b) => b.confidence - a.confidence || (index.signatures[a.sig]?.id ?? '').localeCompare(index.signatures[b.sig]?.id ?? ''))
    .slice(0, limit);
}

function explain(index: MatchIndex, ranked: RankedCandidate): { alignment: FrameAlignment[]; matchedFrames: string[] } {
  const trace = index.traces[ranked.traceId];
  const byRank = new Map(ranked.score.pairs.map((p) => [p.queryRank, p]));
  const matchedFrames: string[] = [];
  const alignment = ranked.query.map((f): FrameAlignment => {
    const base = { queryIndex: f.index, frame: f.display };
    if (f.rank < 0) return { ...base, status: 'skipped', reason: f.skip ?? 'skipped' };
    const pair = byRank.get(f.rank);
    if (!pair || !trace) return { ...base, status: 'unmatched' };
    matchedFrames.push(index.displays[pair.resolution.id] ?? f.display);
    const signatureIndex = trace.positions[pair.signatureRank] ?? pair.signatureRank;
    if (pair.resolution.how === 'exact') return { ...base, status: 'matched', signatureIndex };
    return { ...base, status: 'fuzzy', signatureIndex, reason: `${pair.resolution.how}: ${index.displays[pair.resolution.id] ?? ''}` };
  });
  return { alignment, matchedFrames };
}

/** The best candidate and the others sharing its crash site, best first (crash-site.ts). */
export interface SiteAnswer {
  /** The best candidate first, then the signatures the paste cannot tell apart from it. */
  shared: RankedCandidate[];
  /** The pasted frame (printed position) where the paste leaves the best candidate's stack at its site. */
  leavesAt?: number;
}

/**
 * When the paste meets the best candidate on a crash site other signatures share and shows
 * nothing beyond the shared frames that fits only the candidate, or leaves the candidate's
 * stack right at its site, the answer is the short list, not a `match` naming one.
 * Undefined when the paste tells the best candidate apart.
 */
export function crashSiteAnswer(index: MatchIndex, parsed: ParsedMessage, ranked: RankedCandidate[]): SiteAnswer | undefined {
  const top = ranked[0];
  if (!top || top.fallback) return undefined;
  const trace = index.traces[top.traceId];
  if (!trace) return undefined;
  const siblings = siteSiblings(index.traces, index.sharedSites, top);
  const leavesAt = leavesSite(trace, top.queryFrames, top.score.pairs, (queryRank, signatureRank) => {
    // a pasted name that is the candidate's next frame cut short or misspelt is not another path
    const pasted = top.query.find((f) => f.rank === queryRank)?.symbol ?? '';
    const printed = index.keySymbols[trace.keys[signatureRank] ?? -1] ?? '';
    return !(printed.startsWith(pasted) || pasted.startsWith(printed) || editDistance(pasted, printed, NEAR_SPELLING) <= NEAR_SPELLING);
  }, (fromRank, toRank) => {
    // a pasted function between two of the candidate's site frames, in the module of both, and not either of
    // them again (a repeat the article collapsed, or printed cut short): that module took another path
    const moduleAt = (rank: number) => top.query.find((f) => f.rank === rank)?.module.toLowerCase();
    const module = moduleAt(fromRank);
    if (module === undefined || moduleAt(toRank) !== module) return false;
    const ends = top.score.pairs.filter((p) => p.queryRank === fromRank || p.queryRank === toRank).map((p) => p.resolution.id);
    for (let r = fromRank + 1; r < toRank; r++) {
      if (moduleAt(r) === module && !top.queryFrames[r]?.resolved.some((x) => ends.includes(x.id))) return true;
    }
    return false;
  });
  if (siblings.length === 0 && leavesAt === undefined) return undefined;
  const others = siblings.map((s): RankedCandidate => {
    const seen = ranked.find((r) => r.sig === s.sig);
    if (seen) return seen;
    const indexed = index.traces[s.traceId] as IndexedTrace;
    const score = scoreTrace(index, top.queryFrames, indexed);
    const confidence = Math.min(1, score.raw + clueBonus(index.signatures[s.sig] as Signature, parsed.clues));
    return { ...top, sig: s.sig, confidence, score, traceIndex: indexed.traceIndex, traceId: s.traceId };
  });
  others.sort((a, b) => b.confidence - a.confidence || (index.signatures[a.sig]?.id ?? '').localeCompare(index.signatures[b.sig]?.id ?? ''));
  return { shared: [top, ...others], ...(leavesAt !== undefined ? { leavesAt } : {}) };
}

/** What the why view says of a shared site: the other articles, the shared frames the paste showed, where it leaves. */
function sharedSiteOf(index: MatchIndex, site: SiteAnswer, member: RankedCandidate): SharedSite {
  const top = site.shared[0] as RankedCandidate;
  const frames = top.score.pairs.map((p) => index.displays[p.resolution.id] ?? '');
  const leaves = site.leavesAt === undefined || member !== top ? undefined : top.query.find((f) => f.index === site.leavesAt)?.display;
  return {
    articles: site.shared.filter((r) => r !== member).map((r) => index.signatures[r.sig]?.id as KbId),
    frames,
    ...(leaves ? { leavesAt: leaves } : {}),
  };
}

export function toCandidate(index: MatchIndex, ranked: RankedCandidate, clues: Clue[]): Candidate {
  const sig = index.signatures[ranked.sig] as Signature;
  const { alignment, matchedFrames } = explain(index, ranked);
  return {
    kb: sig.id,
    score: Math.round(ranked.confidence * 1000) / 1000,
    title: sig.title,
    matchedFrames,
    alignment,
    traceIndex: ranked.traceIndex,
    versionChecks: checkVersions(sig, clues),
  };
}

/**
 * The verdict for candidates' confidences, best first. A tie at the top is `possible`, with the
 * tied articles offered side by side: naming one as "the" match would state one cause and fix
 * where the trace supports two equally (see rules/README.md, "Ties").
 */
export function decideVerdict(confidences: number[], matchThreshold = MATCH_THRESHOLD): Verdict {
  const [top, second] = confidences;
  if (top === undefined || top < POSSIBLE_THRESHOLD) return 'none';
  if (top < matchThreshold) return 'possible';
  return second !== undefined && top - second < TIE_MARGIN ? 'possible' : 'match';
}

/** Clues that outrank error text: an event entry, a STOP screen or code, an application crash report. */
function hasStrongClues(clues: readonly Clue[]): boolean {
  return clues.some((c) => c.kind === 'event-id' || c.kind === 'bugcheck' || c.kind === 'stop-code' || c.kind === 'app-error');
}

/**
 * The message the text route matched is not the crash report's own line (it names neither the report's application
 * nor its module): evidence the clue route did not read ("Wizard internal error: ..." above "mmc.exe - Application Error").
 */
function besideReport(named: Candidate, clues: readonly Clue[]): boolean {
  const names = clues.flatMap((c) => (c.kind === 'app-error' ? [c.app, c.module] : [])).filter((n): n is string => !!n).map((n) => n.toLowerCase());
  return (named.clueMatches ?? []).some((m) => m.kind === 'message' && !names.some((n) => m.pasted.toLowerCase().includes(n)));
}

/** The text route's short list is of equals under the message threshold: a generic message. */
function equalsUnderThreshold(byText: MatchResult): boolean {
  const [top, second] = byText.candidates.map((c) => c.score);
  return (top ?? 0) < MESSAGE_MATCH_THRESHOLD && second !== undefined && (top ?? 0) - second < MESSAGE_TIE_MARGIN;
}

/**
 * The clue route's answer (event, STOP screen, crash report: not `match`) and the text route's (the error text
 * the paste quotes), as one. The clue route outranks the text only where it is sure of its list:
 * - it found nothing: the text route's answer stands, its own verdict and floors applying, but for a short list
 *   of equals under the message threshold where the paste holds a strong clue: a generic message many articles
 *   print ("caused an invalid page fault in module") says nothing the strong clue's silence does not;
 * - the text route names one article (`match`): it stands where the list holds that article, or where the list is
 *   weak (its best under CLUE_MATCH_THRESHOLD: a common clue such as `mmc.exe` faulting) and the text is another
 *   message than the crash report's own line (besideReport); a sure list (twins tied at the top), or a weak one
 *   read from the very line the text route matched, keeps the list: the same words may be another trouble;
 * - both offer a short list: a sure list stands (text near the threshold does not reorder event twins); from a weak
 *   one the articles on both come first, then the rest of the clue list, then the text's;
 *   where the text route's best candidates tie (a template with a slot for the app name fits as well as the article
 *   naming that app) and the list holds exactly one of them, the list breaks the tie: `match` naming it.
 */
export function combineRoutes(byClues: MatchResult, byText: MatchResult, clues: readonly Clue[]): MatchResult {
  if (byText.verdict === 'none') return byClues;
  if (byClues.verdict === 'none' || byClues.candidates.length === 0) return hasStrongClues(clues) && equalsUnderThreshold(byText) ? byClues : byText;
  const listed = new Set(byClues.candidates.map((c) => c.kb));
  const named = byText.verdict === 'match' ? byText.candidates[0]?.kb : undefined;
  const sure = (byClues.candidates[0]?.score ?? 0) >= CLUE_MATCH_THRESHOLD;
  if (named !== undefined) return listed.has(named) || (!sure && besideReport(byText.candidates[0] as Candidate, clues)) ? byText : byClues;
  if (byClues.verdict === 'match' || sure) return byClues;
  const textTop = byText.candidates[0]?.score ?? 0;
  const tied = textTop >= MESSAGE_MATCH_THRESHOLD ? byText.candidates.filter((c) => textTop - c.score < MESSAGE_TIE_MARGIN) : [];
  const tieBroken = tied.length > 1 ? tied.filter((c) => listed.has(c.kb)) : [];
  const byKb = new Map(byText.candidates.map((c) => [c.kb, c]));
  // an article on both lists shows both routes' evidence, and the higher of its two scores
  const both = byClues.candidates.flatMap((c) => {
    const t = byKb.get(c.kb);
    return t ? [{ ...c, score: Math.max(c.score, t.score), clueMatches: [...(c.clueMatches ?? []), ...(t.clueMatches ?? [])] }] : [];
  });
  const first = tieBroken.length === 1 ? both.filter((c) => c.kb === tieBroken[0]?.kb) : [];
  const order = [...first, ...both, ...byClues.candidates, ...byText.candidates];
  const seen = new Set<string>();
  const candidates = order.filter((c) => !seen.has(c.kb) && seen.add(c.kb)).slice(0, MAX_CANDIDATES);
  return { verdict: first.length === 1 ? 'match' : 'possible', candidates };
}

/**
 * An event is its id with its source: where the paste holds an event entry (id and source), a message route's `match`
 * naming an article that never prints that event id is `possible`. The description text alone is the same words
 * another event (or another trouble) logs; held out of the store, an event's article was otherwise named by a twin
 * printing the same description under another event.
 */
function eventMessageOnly(index: MatchIndex, parsed: ParsedMessage, byText: MatchResult): MatchResult {
  const events = parsed.clues.flatMap((c) => (c.kind === 'event-id' && c.source ? [c.id] : []));
  const named = byText.verdict === 'match' ? byText.candidates[0]?.kb : undefined;
  if (events.length === 0 || named === undefined) return byText;
  const at = index.sigOf.get(named);
  const prints = at !== undefined && events.some((id) => index.signatures[at]?.eventIds.includes(id));
  return prints ? byText : { ...byText, verdict: 'possible' };
}

/** "… caused an invalid page fault in module KERNEL32.DLL …": the module an article's crash message names. */
const IN_MODULE = /\bin module[ \t]{1,3}(<?[A-Za-z0-9_$~-]{1,40}(?:\.[A-Za-z0-9]{1,4})?)/i;

/**
 * A crash is its application with its faulting module: where the paste's crash report names the module, a message
 * route candidate whose matched message names another one ("Msworld5 caused an invalid page fault in module
 * Kernel32.dll" for a paste faulting in ATMAP.OCX) is another crash, left out. The line pasted was often cut before
 * the module ("MSWORLD5 caused an invalid page fault in"), and so matched the other crash's message as well as its own.
 */
export function otherModuleLeftOut(parsed: ParsedMessage, byText: MatchResult): MatchResult {
  const modules = new Set(parsed.clues.flatMap((c) => (c.kind === 'app-error' && c.module ? [moduleStem(c.module)] : [])));
  if (modules.size === 0) return byText;
  const other = (c: Candidate): boolean =>
    (c.clueMatches ?? []).some((m) => {
      const named = m.kind === 'message' ? IN_MODULE.exec(m.article)?.[1] : undefined;
      return named !== undefined && !named.startsWith('<') && !modules.has(moduleStem(named));
    });
  const candidates = byText.candidates.filter((c) => !other(c));
  if (candidates.length === byText.candidates.length) return byText;
  const kept = byText.verdict === 'match' && candidates[0]?.kb === byText.candidates[0]?.kb;
  return { verdict: candidates.length === 0 ? 'none' : kept ? 'match' : 'possible', candidates };
}

export function matchMessage(index: MatchIndex, parsed: ParsedMessage): MatchResult {
  // more than are shown: the signatures sharing the best one's crash site are found among them
  const ranked = rankCandidates(index, parsed, SITE_LOOKUP).filter((c) => c.confidence >= POSSIBLE_THRESHOLD);
  // no trace fits: the paste's event-log entries, STOP screens and application errors may
  if (ranked.length === 0) {
    const byClues = matchClues(index, parsed, decideVerdict);
    if (byClues.verdict === 'match' || parsed.traces.some((t) => t.length > 0)) return withPasteWords(index, parsed, byClues);
    return withPasteWords(index, parsed, combineRoutes(byClues, otherModuleLeftOut(parsed, eventMessageOnly(index, parsed, matchMessageClues(index, parsed))), parsed.clues));
  }
  // system frames alone say less than a STOP code or event entry the paste also holds
  if (ranked.every((r) => r.fallback)) {
    const byClues = matchClues(index, parsed, decideVerdict);
    if (byClues.verdict !== 'none') return byClues;
  }
  const verdict = decideVerdict(ranked.map((r) => r.confidence));
  // a tie at the top may be a shared site too: then the why view says so
  const site = (ranked[0]?.confidence ?? 0) >= MATCH_THRESHOLD ? crashSiteAnswer(index, parsed, ranked) : undefined;
  if (!site) return { verdict, candidates: ranked.slice(0, MAX_CANDIDATES).map((r) => toCandidate(index, r, parsed.clues)) };
  const listed = [...site.shared, ...ranked.filter((r) => !site.shared.includes(r))].slice(0, MAX_CANDIDATES);
  return {
    verdict: 'possible',
    candidates: listed.map((r) => ({ ...toCandidate(index, r, parsed.clues), ...(site.shared.includes(r) ? { sharedSite: sharedSiteOf(index, site, r) } : {}) })),
  };
}
