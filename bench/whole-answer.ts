/**
 * What the user gets, for the rendered benches (bench/clues.ts, bench/messages.ts): the readers' short list alone
 * fits the thresholds, but a paste without a trace is answered by parse + matchMessage, which joins the readers
 * with the paste's words (match/text-route.ts). The benches grade this whole answer with their own definitions,
 * and list pastes it answers otherwise than the readers, to judge whether the words helped or hurt.
 */
import { matchMessage, type MatchIndex } from '../src/match/index.js';
import type { MatchResult, Verdict } from '../src/model.js';
import { parseMessage } from '../src/trace/index.js';

/** An answer as the benches grade it: candidates' ids and scores best first, and the verdict when it is given, not drawn at a threshold. */
export interface Answer {
  ids: string[];
  confidences: number[];
  verdict?: Verdict;
}

const answerOf = (r: MatchResult): Answer => ({ ids: r.candidates.map((c) => c.kb), confidences: r.candidates.map((c) => c.score), verdict: r.verdict });

/** The whole answer (readers + the paste's words) at the shipped thresholds. */
export function wholeAnswer(index: MatchIndex, text: string): Answer {
  return answerOf(matchMessage(index, parseMessage(text)));
}

/** The same path without the paste's words: the readers as matchMessage joins them (to tell what the words changed). */
function withoutWords(index: MatchIndex, text: string): Answer {
  return answerOf(matchMessage(index, { ...parseMessage(text), words: [] }));
}

export interface Graded extends Answer {
  kb: string;
  layout: string;
  group: Set<string>;
}

/**
 * The pastes (of `pairs`: readers' outcome, whole-answer outcome) answered otherwise (first article or verdict):
 * how many the whole answer got right where the readers did not and the reverse, how many of the changes the words
 * made (the path without them answers as the readers), and `limit` examples, hurt ones first.
 */
export function changedAnswers<O extends Graded>(index: MatchIndex, pairs: [O, O][], right: (o: O) => boolean, verdict: (o: O) => Verdict, text: (o: O) => string, limit = 8, label = ''): string[] {
  const first = (o: O) => o.group.has(o.ids[0] ?? '');
  const changed = pairs.filter(([r, w]) => r.ids[0] !== w.ids[0] || verdict(r) !== verdict(w));
  const count = (test: (r: O, w: O) => boolean) => changed.filter(([r, w]) => test(r, w)).length;
  const same = (a: Answer, r: O) => a.ids[0] === r.ids[0] && a.verdict === verdict(r);
  const byWords = changed.filter(([r]) => same(withoutWords(index, text(r)), r)).length;
  const hurt = changed.filter(([r, w]) => right(r) && !right(w));
  const helped = changed.filter(([r, w]) => !right(r) && right(w));
  const rest = changed.filter((p) => !hurt.includes(p) && !helped.includes(p));
  const show = (o: O) => `${verdict(o)} ${o.ids.slice(0, 2).map((id, i) => `${id} ${(o.confidences[i] ?? 0).toFixed(2)}`).join(', ') || 'nothing'}`;
  // one paste an article, hurt ones first, then helped: an article is pasted in many layouts, often answered alike
  const seen = new Set<string>();
  const distinct = (ps: [O, O][]) => ps.filter(([r]) => !seen.has(r.kb) && seen.add(r.kb));
  const hurtShown = distinct(hurt).slice(0, Math.ceil(limit / 2));
  const picked = [...hurtShown, ...distinct(helped), ...distinct(rest)].slice(0, limit);
  return [
    `${label}answered otherwise than by the readers: ${changed.length} of ${pairs.length} (${byWords} by the words, the rest by matchMessage's other steps); right verdict lost ${hurt.length}, gained ${helped.length}; right article first lost ${count((r, w) => first(r) && !first(w))}, gained ${count((r, w) => !first(r) && first(w))}`,
    ...picked.map((p) => [p, hurt.includes(p) ? '[hurt] ' : helped.includes(p) ? '[helped] ' : ''] as const).map(([[r, w], tag]) => `${tag}${r.kb}(${r.layout}) ${show(r)} -> ${show(w)} [want ${[...r.group].slice(0, 4).join('/') || 'no match'}] ${JSON.stringify(text(r).slice(0, 90))}`),
  ];
}
