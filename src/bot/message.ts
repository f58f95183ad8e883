/**
 * A message in a channel, DM or thread → at most one reply. A trace is matched (a new trace in a
 * thread re-matches); KB references get their article card once per thread; plain questions in a
 * thread the bot answered are follow-ups; anything else is silence.
 */
import type { KnownBlock } from '@slack/types';
import type { KbId, MatchResult, ParsedMessage, ThreadMatch } from '../model.js';
import { buildArticleCard, buildHelpReply, buildMatchReply, buildNoneReply, buildPossibleReply, buildSearchReply, buildUnknownArticleReply, fitReply, type Reply } from '../reply/index.js';
import { divider } from '../reply/blocks.js';
import { withRecordButton } from '../reply/record.js';
import { recordParts } from './record.js';
import { parseMessage } from '../trace/index.js';
import { answerFollowup } from './followup.js';
import { detectIntent } from './intents.js';
import { candidateLines, frameStrings, matchKnowledge, pastedTrace, searchKnowledge, threadFromResult, unique } from './shared.js';
import type { BotAnswer, Knowledge, MessageInput } from './types.js';

/** Article cards one message can bring; more references than this are a list, not a question. */
const MAX_CARDS = 3;

const SILENT: BotAnswer = { kind: 'silent', replies: [], delivery: 'thread' };

export interface MessageContext {
  k: Knowledge;
  answerNoneInChannels: boolean;
  now: number;
}

/** Several replies joined into one message (the bot posts at most one per message), separated by dividers. */
export function joinReplies(replies: readonly Reply[]): Reply {
  if (replies.length === 1 && replies[0]) return replies[0];
  const blocks: KnownBlock[] = [];
  replies.forEach((r, i) => blocks.push(...(i > 0 ? [divider()] : []), ...r.blocks));
  return fitReply({ text: replies.map((r) => r.text).join('\n'), blocks });
}

function speaksUp(input: MessageInput): boolean {
  return input.isMention || input.channelType === 'im';
}

/** Cards for the references not yet announced in the thread (all of them after an edit). */
function cardsFor(ctx: MessageContext, input: MessageInput, refs: readonly KbId[], exclude: readonly KbId[]): { replies: Reply[]; shown: KbId[] } {
  const announced = input.isEdit ? [] : (input.threadMatch?.announced ?? []);
  const fresh = refs.filter((kb) => !announced.includes(kb) && !exclude.includes(kb)).slice(0, MAX_CARDS);
  const replies: Reply[] = [];
  const shown: KbId[] = [];
  for (const kb of fresh) {
    const sig = ctx.k.signatures.get(kb);
    // An article the store lacks is news only to someone who asked the bot directly.
    if (!sig && !speaksUp(input)) continue;
    replies.push(sig ? buildArticleCard(sig) : buildUnknownArticleReply(kb));
    shown.push(kb);
  }
  return { replies, shown };
}

function answerTrace(ctx: MessageContext, input: MessageInput, parsed: ParsedMessage, result: MatchResult): BotAnswer {
  const top = result.candidates[0];
  const trace = pastedTrace(parsed.traces);
  if (result.verdict === 'none' || !top) {
    const cards = cardsFor(ctx, input, parsed.kbRefs, []);
    if (cards.replies.length > 0) return articleAnswer(ctx, input, cards);
    if (speaksUp(input) || ctx.answerNoneInChannels) return { kind: 'none', replies: [withRecordButton(buildNoneReply(), recordParts(parsed))], delivery: 'thread' };
    return SILENT;
  }
  const announced = input.isEdit ? [] : (input.threadMatch?.announced ?? []);
  const answerKbs = result.verdict === 'match' ? [top.kb] : result.candidates.slice(0, 5).map((c) => c.kb);
  if (answerKbs.every((kb) => announced.includes(kb))) return SILENT;
  const main =
    result.verdict === 'match'
      ? buildMatchReply({ candidate: top, signature: ctx.k.signatures.get(top.kb), otherCount: result.candidates.length - 1, pastedFrames: frameStrings(trace) })
      : withRecordButton(buildPossibleReply(candidateLines(ctx.k, result.candidates)), recordParts(parsed));
  const cards = cardsFor(ctx, input, parsed.kbRefs, answerKbs);
  const threadMatch = threadFromResult(input, input.threadMatch, result, trace, [...answerKbs, ...cards.shown], ctx.now, parsed.clues);
  return { kind: result.verdict, replies: [joinReplies([main, ...cards.replies])], delivery: 'thread', threadMatch };
}

function articleAnswer(ctx: MessageContext, input: MessageInput, cards: { replies: Reply[]; shown: KbId[] }): BotAnswer {
  const previous = input.threadMatch;
  // The article named last is what the next question is about ("compare with Q900003" … "files?").
  const kb = cards.shown.find((id) => ctx.k.signatures.has(id)) ?? previous?.kb;
  const threadMatch: ThreadMatch = {
    ...(previous ?? { channel: input.channel, threadTs: input.threadTs, verdict: 'none', candidates: [] }),
    announced: unique([...(previous?.announced ?? []), ...cards.shown]),
    updatedAt: ctx.now,
  };
  if (kb !== undefined) threadMatch.kb = kb;
  return { kind: 'article', replies: [joinReplies(cards.replies)], delivery: 'thread', threadMatch };
}

/** Direct words to the bot with no trace, reference or thread: search for them, or explain what it does. */
function answerDirect(ctx: MessageContext, input: MessageInput): BotAnswer {
  const text = input.text.replace(/<@[A-Z0-9]+>/g, ' ').trim();
  const asked = detectIntent(text, { hasVersion: false, addressed: true });
  if (text === '' || asked?.intent === 'help') return { kind: 'help', replies: [buildHelpReply()], delivery: 'thread' };
  const hits = searchKnowledge(ctx.k, text, 5);
  if (hits.length === 0) return { kind: 'help', replies: [buildHelpReply()], delivery: 'thread' };
  return { kind: 'search', replies: [buildSearchReply(text, hits.map((h) => ({ kb: h.kb, title: h.title })))], delivery: 'thread' };
}

export function answerMessage(ctx: MessageContext, input: MessageInput): BotAnswer {
  const parsed = parseMessage(input.text);
  const hasTrace = parsed.traces.some((t) => t.length > 0);
  const otherClues = parsed.clues.some((c) => c.kind !== 'file-version' && c.kind !== 'error-message');
  const errorText = parsed.clues.some((c) => c.kind === 'error-message');
  if (hasTrace || otherClues || errorText) {
    const result = matchKnowledge(ctx.k, parsed);
    // A lone event id or stop code that matches nothing is likely chat about the current match.
    if (hasTrace || (otherClues && (result.verdict !== 'none' || !input.threadMatch))) return answerTrace(ctx, input, parsed, result);
    // Error text alone speaks only when an article prints it: in a thread already answered, only a `match`
    // (else "still getting access denied" is a follow-up, not a new paste).
    if (result.verdict === 'match' || (result.verdict === 'possible' && !input.threadMatch)) return answerTrace(ctx, input, parsed, result);
  }
  const cards = cardsFor(ctx, input, parsed.kbRefs, []);
  if (cards.replies.length > 0) return articleAnswer(ctx, input, cards);
  const thread = input.threadMatch;
  if (thread) {
    const hasVersion = parsed.clues.some((c) => c.kind === 'file-version');
    const asked = detectIntent(input.text, { hasVersion, addressed: speaksUp(input) });
    if (!asked) return SILENT;
    const reply = answerFollowup(ctx.k, thread, asked, parsed);
    if (!reply) return SILENT;
    return { kind: 'followup', replies: [reply], delivery: 'thread', intent: asked.intent, threadMatch: { ...thread, updatedAt: ctx.now } };
  }
  if (parsed.kbRefs.length > 0) return SILENT;
  return speaksUp(input) ? answerDirect(ctx, input) : SILENT;
}
