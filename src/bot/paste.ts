/**
 * Answering a paste — text → clues → candidates → reply — the one use case behind a message in Slack or
 * the console and `/kb <paste>`. Callers keep only their differences: a message's thread memory and
 * silence rules (message.ts); the slash command's share button and search fallback (command.ts).
 */
import type { KnownBlock } from '@slack/types';
import type { KbId, MatchResult, ParsedMessage, ThreadMatch, Trace } from '../model.js';
import { buildArticleCard, buildMatchReply, buildNoneReply, buildPossibleReply, buildUnknownArticleReply, fitReply, type Reply } from '../reply/index.js';
import { divider } from '../reply/blocks.js';
import { withRecordButton } from '../reply/record.js';
import { parseMessage } from '../trace/index.js';
import { recordParts } from './record.js';
import { candidateLines, frameStrings, matchKnowledge, pastedTrace, threadFromResult, unique, type ThreadPlace } from './shared.js';
import type { Knowledge } from './types.js';

/** Article cards one paste can bring; more references than this are a list, not a question. */
const MAX_CARDS = 3;
/** Candidates a `possible` reply lists, and so announces. */
const POSSIBLE_SHOWN = 5;

export interface PasteContext {
  k: Knowledge;
  now: number;
  /** Where the answer goes (blank for a /kb answer: the adapter knows only once it is shared). */
  place: ThreadPlace;
  /** What the thread remembers, when the bot answered in it before. */
  previous?: ThreadMatch;
  /** Articles already shown in the thread: not carded again (the caller decides what a repeat is). */
  announced: readonly KbId[];
  /** Card references the store lacks ("not in kbbot's store"): news only to someone who asked the bot directly. */
  showUnknown: boolean;
}

interface PasteBase {
  parsed: ParsedMessage;
  /** The paste had a stack trace (not only clues). */
  hasTrace: boolean;
}

/** What a paste says; the caller decides how (and whether) to deliver it. */
export type PasteAnswer =
  /** A trace or clue matched: the reply, the articles it names (`answered`) and the thread's new memory. */
  | (PasteBase & { kind: 'match' | 'possible'; reply: Reply; answered: KbId[]; result: MatchResult; threadMatch: ThreadMatch })
  /** Nothing matched (or nothing to match) but the paste names articles: their cards. */
  | (PasteBase & { kind: 'article'; reply: Reply; threadMatch: ThreadMatch })
  /**
   * Nothing known: `matched` says whether there was a trace or clue to match; `reply` is the
   * "nothing known" answer (with the record button) for callers that answer anyway.
   */
  | (PasteBase & { kind: 'none'; matched: boolean; reply: Reply });

/** Several replies joined into one message (the bot posts at most one per message), separated by dividers. */
export function joinReplies(replies: readonly Reply[]): Reply {
  if (replies.length === 1 && replies[0]) return replies[0];
  const blocks: KnownBlock[] = [];
  replies.forEach((r, i) => blocks.push(...(i > 0 ? [divider()] : []), ...r.blocks));
  return fitReply({ text: replies.map((r) => r.text).join('\n'), blocks });
}

/** Cards for the references not yet announced and not already in the answer. */
function articleCards(ctx: PasteContext, refs: readonly KbId[], exclude: readonly KbId[]): { replies: Reply[]; shown: KbId[] } {
  const fresh = refs.filter((kb) => !ctx.announced.includes(kb) && !exclude.includes(kb)).slice(0, MAX_CARDS);
  const replies: Reply[] = [];
  const shown: KbId[] = [];
  for (const kb of fresh) {
    const sig = ctx.k.signatures.get(kb);
    if (!sig && !ctx.showUnknown) continue;
    replies.push(sig ? buildArticleCard(sig) : buildUnknownArticleReply(kb));
    shown.push(kb);
  }
  return { replies, shown };
}

function articleThread(ctx: PasteContext, shown: readonly KbId[]): ThreadMatch {
  const previous = ctx.previous;
  // The article named last is what the next question is about ("compare with Q900003" … "files?").
  const kb = shown.find((id) => ctx.k.signatures.has(id)) ?? previous?.kb;
  const threadMatch: ThreadMatch = {
    ...(previous ?? { ...ctx.place, verdict: 'none', candidates: [] }),
    announced: unique([...(previous?.announced ?? []), ...shown]),
    updatedAt: ctx.now,
  };
  if (kb !== undefined) threadMatch.kb = kb;
  return threadMatch;
}

function matched(ctx: PasteContext, base: PasteBase, result: MatchResult, trace: Trace): PasteAnswer | undefined {
  const top = result.candidates[0];
  if (result.verdict === 'none' || !top) return undefined;
  const { parsed } = base;
  const answered = result.verdict === 'match' ? [top.kb] : result.candidates.slice(0, POSSIBLE_SHOWN).map((c) => c.kb);
  const main =
    result.verdict === 'match'
      ? buildMatchReply({ candidate: top, signature: ctx.k.signatures.get(top.kb), otherCount: result.candidates.length - 1, pastedFrames: frameStrings(trace) })
      : withRecordButton(buildPossibleReply(candidateLines(ctx.k, result.candidates)), recordParts(parsed));
  const cards = articleCards(ctx, parsed.kbRefs, answered);
  const threadMatch = threadFromResult(ctx.place, ctx.previous, result, trace, [...answered, ...cards.shown], ctx.now, parsed);
  return { ...base, kind: result.verdict, reply: joinReplies([main, ...cards.replies]), answered, result, threadMatch };
}

/** text → clues → candidates → reply: a match or candidates (with any cards), else cards, else nothing known. */
export function answerPaste(ctx: PasteContext, text: string): PasteAnswer {
  const parsed = parseMessage(text);
  const hasTrace = parsed.traces.some((t) => t.length > 0);
  const base: PasteBase = { parsed, hasTrace };
  // A file version alone is a question about a match ("I have 5.5.2652.68"), not something to match.
  const toMatch = hasTrace || parsed.clues.some((c) => c.kind !== 'file-version' && c.kind !== 'error-message');
  const errorText = parsed.clues.some((c) => c.kind === 'error-message');
  if (toMatch || errorText) {
    const result = matchKnowledge(ctx.k, parsed);
    // Error text alone speaks only when an article prints it: in a thread already answered, only a `match`
    // (else "still getting access denied" is a follow-up, not a new paste); unmatched, it is chat.
    const speaks = toMatch || result.verdict === 'match' || (result.verdict === 'possible' && !ctx.previous);
    const answer = speaks ? matched(ctx, base, result, pastedTrace(parsed.traces)) : undefined;
    if (answer) return answer;
  }
  const cards = articleCards(ctx, parsed.kbRefs, []);
  if (cards.replies.length > 0) return { ...base, kind: 'article', reply: joinReplies(cards.replies), threadMatch: articleThread(ctx, cards.shown) };
  return { ...base, kind: 'none', matched: toMatch, reply: withRecordButton(buildNoneReply(), recordParts(parsed)) };
}
