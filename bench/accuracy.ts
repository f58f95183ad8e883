/**
 * The accuracy half of the bench: for each article with a trace, queries printed and
 * damaged from that trace (positives), the same queries against an index without the
 * article (held-out negatives), and unrelated software (negatives).
 */
import { POSSIBLE_THRESHOLD, SITE_FRAMES, TIE_MARGIN, buildIndex, crashSiteAnswer, rankCandidates, type MatchIndex, type Rules } from '../src/match/index.js';
import { prepareTrace } from '../src/match/prepare.js';
import type { Frame, ParsedMessage, Signature } from '../src/model.js';
import { normalizeFrame } from '../src/trace/index.js';
import { DAMAGES, PRINTERS, damage, printTrace, unrelatedTrace, wrapLines, type Rng } from './eval-queries.js';
import { parseMessage } from './parse.js';

export interface Outcome {
  kind: 'positive' | 'held-out' | 'unrelated';
  split: 'calibration' | 'test';
  kb: string;
  damage: string;
  format: string;
  /** Top candidate's confidence (0 when none). */
  confidence: number;
  /** Confidences of the first candidates, best first (what decideVerdict reads). */
  confidences: number[];
  /** The right article is among the candidates tied with the top one (TIE_MARGIN). */
  inTopTie: boolean;
  /** Rank of the right article (1 = top), 0 when not among the first 20. */
  rank: number;
  top?: string;
  /** Positive: the top candidate is a twin of the article. Held-out: the article has a twin in the store. */
  twin: boolean;
  /** Held-out: the top candidate is a twin of the held-out article (its stack follows the paste: answering it is right). */
  topIsTwin: boolean;
  /** Positive: the top candidate is the article, a twin, or an article whose crash site truly overlaps the article's (a tie there is right). */
  topShares: boolean;
  /** The damaged query kept no informative frame (all generic): `none` is the right answer. */
  genericOnly: boolean;
  /**
   * The matcher's shared-crash-site short list (best first) when it answers `possible` instead of
   * a `match` on the top candidate (crashSiteAnswer), whatever the threshold.
   */
  siteList?: string[];
  /** Positive: the queried article is in siteList and its crash site truly overlaps each other listed article's. */
  siteRight: boolean;
}

/**
 * Twins: two articles whose traces are the same stack (one's informative frames appear,
 * in order and contiguous, in the other's). Matching cannot tell them apart, and the
 * archive has a few such pairs (the same crash documented for two causes).
 */
function keySequences(index: MatchIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of index.traces) {
    const id = index.signatures[t.sig]?.id ?? '';
    out.set(id, [...(out.get(id) ?? []), ` ${[...t.keys].join(' ')} `]);
  }
  return out;
}

function areTwins(seqs: Map<string, string[]>, a: string, b: string): boolean {
  const sa = seqs.get(a) ?? [];
  const sb = seqs.get(b) ?? [];
  const long = (s: string) => s.trim().split(' ').length >= 2;
  return sa.some((x) => sb.some((y) => (long(x) && y.includes(x)) || (long(y) && x.includes(y))));
}

const FORMATS = Object.keys(PRINTERS);
const UNRELATED = 1200;
const OS_MODULES = new Set(['ntdll', 'kernel32', 'user32', 'advapi32', 'ole32', 'oleaut32', 'msvcrt', 'gdi32', 'ws2_32']);

/**
 * A trace with a frame that is not generic. Generic-only traces (matched through the
 * fallback to skipped frames, answered `possible` at most) are left out of the bench:
 * test/match/verdicts.test.ts covers them.
 */
function hasInformative(trace: Frame[], index: MatchIndex): boolean {
  return prepareTrace(trace, index.classifier).some((f) => f.rank >= 0 && !f.fallback);
}

/**
 * Crash sites read from the articles themselves, not from the matcher's answer: the first
 * SITE_FRAMES informative frames of each trace. Two articles share a site when those overlap.
 */
function siteKeys(index: MatchIndex): Map<string, Set<number>[]> {
  const out = new Map<string, Set<number>[]>();
  for (const t of index.traces) {
    const id = index.signatures[t.sig]?.id ?? '';
    out.set(id, [...(out.get(id) ?? []), new Set(t.keys.subarray(0, SITE_FRAMES))]);
  }
  return out;
}

function shareSite(sites: Map<string, Set<number>[]>, a: string, b: string, counts: (key: number) => boolean = () => true): boolean {
  return (sites.get(a) ?? []).some((x) => (sites.get(b) ?? []).some((y) => [...x].some((k) => y.has(k) && counts(k))));
}

function evaluate(index: MatchIndex, parsed: ParsedMessage, kb: string, sites?: Map<string, Set<number>[]>, seqs?: Map<string, string[]>) {
  const ranked = rankCandidates(index, parsed, 20);
  const site = crashSiteAnswer(index, parsed, ranked.filter((r) => r.confidence >= POSSIBLE_THRESHOLD));
  const siteList = site?.shared.map((r) => index.signatures[r.sig]?.id ?? '');
  const siteRight = sites !== undefined && siteList !== undefined && siteList.length > 1 && siteList.includes(kb) && siteList.every((o) => o === kb || shareSite(sites, kb, o));
  const top = ranked[0];
  const rank = ranked.findIndex((r) => index.signatures[r.sig]?.id === kb) + 1;
  const genericOnly = !parsed.traces.some((t) => hasInformative(t, index));
  const confidences = ranked.slice(0, 2).map((r) => r.confidence);
  const inTopTie = rank > 0 && top !== undefined && top.confidence - (ranked[rank - 1]?.confidence ?? 0) < TIE_MARGIN;
  const topId = top ? (index.signatures[top.sig]?.id ?? '') : '';
  const topShares = topId === kb || (topId !== '' && ((seqs !== undefined && areTwins(seqs, kb, topId)) || (sites !== undefined && shareSite(sites, kb, topId))));
  return { confidence: top?.confidence ?? 0, confidences, inTopTie, topShares, rank, genericOnly, siteRight, ...(siteList ? { siteList } : {}), ...(top ? { top: index.signatures[top.sig]?.id } : {}) };
}

/**
 * Articles a paste cannot always tell apart (twins, or crash sites that overlap), joined into
 * groups: a group sits wholly on one side of the split, so fitting on the calibration half never
 * reads a twin's or site-sharer's misses that stand for the test half's.
 */
function splitGroups(ids: string[], related: (a: string, b: string) => boolean): Map<string, string> {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      if (find(a) !== find(b) && related(a, b)) {
        const [lo, hi] = [find(a), find(b)].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
        parent.set(hi as string, lo as string);
      }
    }
  }
  return new Map(ids.map((id) => [id, find(id)]));
}

/**
 * The side of a group, by its lowest article number: its parity (the bench's own split), or with
 * a seed a hash of the number and the seed (another split, never fitted on).
 */
export function sideOf(groupId: string, seed?: number): 'calibration' | 'test' {
  const n = Number(groupId.slice(1));
  if (seed === undefined) return n % 2 === 0 ? 'calibration' : 'test';
  let h = Math.imul(n ^ seed, 0x9e3779b1) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return (h & 1) === 0 ? 'calibration' : 'test';
}

/**
 * `extended: false` draws the queries of the bench before typos, wrapped lines, other traces and
 * system-frame articles were added (the same random sequence), to compare matcher versions on them.
 */
export function evaluateAccuracy(signatures: Signature[], rules: Rules, rng: Rng, { extended = true, seed = undefined as number | undefined } = {}) {
  const damages = extended ? DAMAGES : DAMAGES.filter((d) => d !== 'typo' && d !== 'wrapped');
  const index = buildIndex(signatures, rules);
  const seqs = keySequences(index);
  const sites = siteKeys(index);
  const hasTwin = (kb: string) => signatures.some((o) => o.id !== kb && areTwins(seqs, kb, o.id));
  const groups = splitGroups(
    signatures.map((s) => s.id),
    // a heap or critical-section frame of the OS in two sites does not make their pastes alike (it chained 36 articles into one group)
    (a, b) => areTwins(seqs, a, b) || shareSite(sites, a, b, (k) => !OS_MODULES.has(index.keyModules[k] ?? '')),
  );
  const outcomes: Outcome[] = [];
  const queries: ParsedMessage[] = [];
  const osFrames: Frame[] = signatures.flatMap((s) => s.traces.flat()).filter((f) => {
    const n = normalizeFrame(f);
    return OS_MODULES.has(n.module) && index.classifier.classify(n.module, n.key).action !== 'skip';
  });
  const unrelated = (): Frame[] => unrelatedTrace(rng, osFrames);
  let articles = 0;
  let genericOnly = 0;
  /** Articles printing only system frames, queried with their own stack: `possible` with the article first is right. */
  const systemOnly: { kb: string; top?: string; confidence: number; confidences: number[] }[] = [];
  signatures.forEach((sig, s) => {
    const mineTraces = index.traces.filter((t) => t.sig === s && hasInformative(sig.traces[t.traceIndex] ?? [], index)).sort((a, b) => b.keys.length - a.keys.length);
    const best = mineTraces[0];
    const trace = best ? sig.traces[best.traceIndex] : undefined;
    if (!trace) {
      genericOnly++;
      const own = [...sig.traces].sort((a, b) => b.length - a.length)[0];
      if (own && extended) systemOnly.push({ kb: sig.id, ...evaluate(index, parseMessage(printTrace(own, 'windbg-k', rng)), sig.id) });
      return;
    }
    articles++;
    const split = sideOf(groups.get(sig.id) ?? sig.id, seed);
    const mine: { parsed: ParsedMessage; damage: string; format: string }[] = [];
    damages.forEach((d, k) => {
      const format = FORMATS[(k + articles) % FORMATS.length] ?? 'bare';
      const printed = printTrace(damage(trace, d, rng, unrelated), format, rng);
      const parsed = parseMessage(d === 'wrapped' ? wrapLines(printed, 40 + Math.floor(rng() * 33)) : printed);
      mine.push({ parsed, damage: d, format });
      queries.push(parsed);
      const result = evaluate(index, parsed, sig.id, sites, seqs);
      const twin = result.top !== undefined && result.top !== sig.id && areTwins(seqs, sig.id, result.top);
      outcomes.push({ kind: 'positive', split, kb: sig.id, damage: d, format, twin, topIsTwin: false, ...result });
    });
    // the article's other traces of two or more informative frames, pasted as they are (issue 9.5: one of several traces)
    for (const other of extended ? mineTraces.slice(1).filter((t) => t.keys.length >= 2) : []) {
      const format = FORMATS[(other.traceIndex + articles) % FORMATS.length] ?? 'bare';
      const parsed = parseMessage(printTrace(sig.traces[other.traceIndex] ?? [], format, rng));
      queries.push(parsed);
      const result = evaluate(index, parsed, sig.id, sites, seqs);
      const twin = result.top !== undefined && result.top !== sig.id && areTwins(seqs, sig.id, result.top);
      outcomes.push({ kind: 'positive', split, kb: sig.id, damage: 'another-trace', format, twin, topIsTwin: false, ...result });
    }
    const without = buildIndex(signatures.filter((_, i) => i !== s), rules);
    const twin = hasTwin(sig.id);
    for (const q of [mine[0], mine[3]]) {
      if (!q) continue;
      const result = evaluate(without, q.parsed, '');
      const topIsTwin = result.top !== undefined && areTwins(seqs, sig.id, result.top);
      outcomes.push({ kind: 'held-out', split, kb: sig.id, damage: q.damage, format: q.format, twin, topIsTwin, ...result });
    }
  });
  for (let i = 0; i < UNRELATED; i++) {
    const format = FORMATS[i % FORMATS.length] ?? 'bare';
    const parsed = parseMessage(printTrace(unrelated(), format, rng));
    queries.push(parsed);
    outcomes.push({ kind: 'unrelated', split: i % 2 === 0 ? 'calibration' : 'test', kb: `unrelated#${i}`, damage: 'none', format, twin: false, topIsTwin: false, ...evaluate(index, parsed, '') });
  }
  const grouped = [...new Set(groups.values())].map((g) => [...groups].filter(([, root]) => root === g).map(([id]) => id)).filter((g) => g.length > 1);
  return { outcomes, queries, articles, genericOnly, systemOnly, grouped };
}
