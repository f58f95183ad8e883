/**
 * `/kb …`: an article (`/kb Q272274`, `KB272274`, `272274`, a URL), `search words`, a pasted trace,
 * `help`, `mute` / `unmute`. Answers are ephemeral with a "Share in channel" button; mutes are
 * returned as effects for the adapter, which owns channel state.
 */
import { matchMessage, searchText } from '../match/index.js';
import {
  buildArticleCard,
  buildHelpReply,
  buildMatchReply,
  buildNoneReply,
  buildNotice,
  buildPossibleReply,
  buildSearchReply,
  buildUnknownArticleReply,
  encodeShareValue,
  withShareButton,
  BUTTON_VALUE_MAX,
  type Reply,
} from '../reply/index.js';
import { parseKbRef, parseMessage } from '../trace/index.js';
import { joinReplies } from './message.js';
import { candidateLines, frameStrings, pastedTrace } from './shared.js';
import type { AnswerKind, BotAnswer, Knowledge } from './types.js';

const SEARCH_LIMIT = 10;

interface Answered {
  kind: AnswerKind;
  reply: Reply;
  /** What the share button re-answers when the command text is too long to carry. */
  result?: { verdict: 'match' | 'possible' | 'none'; candidates: { kb: string; score: number }[] };
}

function search(k: Knowledge, words: string): Answered {
  if (words === '') return { kind: 'notice', reply: buildNotice('Usage: `/kb search &lt;words&gt;`, e.g. `/kb search information store push_notify`.') };
  const hits = searchText(k.index, words, SEARCH_LIMIT);
  return { kind: 'search', reply: buildSearchReply(words, hits.map((h) => ({ kb: h.kb, title: h.title }))) };
}

function lookup(k: Knowledge, text: string): Answered | undefined {
  const kb = parseKbRef(text);
  if (kb === undefined) return undefined;
  const sig = k.signatures.get(kb);
  return { kind: 'article', reply: sig ? buildArticleCard(sig) : buildUnknownArticleReply(kb) };
}

function answerPaste(k: Knowledge, text: string): Answered {
  const parsed = parseMessage(text);
  if (parsed.traces.some((t) => t.length > 0) || parsed.clues.some((c) => c.kind !== 'file-version')) {
    const result = matchMessage(k.index, parsed);
    const top = result.candidates[0];
    const digest = { verdict: result.verdict, candidates: result.candidates.map((c) => ({ kb: c.kb, score: c.score })) };
    if (result.verdict === 'match' && top) {
      const frames = frameStrings(pastedTrace(parsed.traces));
      return { kind: 'match', reply: buildMatchReply({ candidate: top, signature: k.signatures.get(top.kb), otherCount: result.candidates.length - 1, pastedFrames: frames }), result: digest };
    }
    if (result.verdict === 'possible') return { kind: 'possible', reply: buildPossibleReply(candidateLines(k, result.candidates)), result: digest };
  }
  const cards = parsed.kbRefs.slice(0, 3).map((kb) => {
    const sig = k.signatures.get(kb);
    return sig ? buildArticleCard(sig) : buildUnknownArticleReply(kb);
  });
  if (cards.length > 0) return { kind: 'article', reply: joinReplies(cards) };
  if (parsed.traces.length > 0) return { kind: 'none', reply: buildNoneReply() };
  // Words that are neither a reference nor a trace are most likely a search.
  return search(k, text);
}

function verbOf(text: string): { verb: string; rest: string } {
  const space = text.search(/\s/);
  return space === -1 ? { verb: text.toLowerCase(), rest: '' } : { verb: text.slice(0, space).toLowerCase(), rest: text.slice(space + 1).trim() };
}

/** The answer to `/kb <text>`; `shareable: false` for the copy posted by "Share in channel". */
export function answerCommand(k: Knowledge, rawText: string, shareable = true): BotAnswer {
  const text = rawText.trim();
  const { verb, rest } = verbOf(text);
  if (text === '' || verb === 'help') return { kind: 'help', replies: [buildHelpReply()], delivery: 'ephemeral' };
  if (verb === 'mute' && rest === '') {
    return { kind: 'notice', replies: [buildNotice(':no_bell: Muted: I will not answer traces in this channel until `/kb unmute`. `/kb` still works.')], delivery: 'ephemeral', effect: { kind: 'mute' } };
  }
  if (verb === 'unmute' && rest === '') {
    return { kind: 'notice', replies: [buildNotice(':bell: Unmuted: I answer traces in this channel again.')], delivery: 'ephemeral', effect: { kind: 'unmute' } };
  }
  const answered = verb === 'search' || verb === 'find' ? search(k, rest) : (lookup(k, text) ?? answerPaste(k, text));
  if (!shareable || answered.kind === 'notice') return { kind: answered.kind, replies: [answered.reply], delivery: shareable ? 'ephemeral' : 'channel' };
  const value =
    text.length + 4 <= BUTTON_VALUE_MAX || !answered.result
      ? encodeShareValue({ kind: 'command', text })
      : encodeShareValue({ kind: 'result', verdict: answered.result.verdict, candidates: answered.result.candidates });
  return { kind: answered.kind, replies: [withShareButton(answered.reply, value)], delivery: 'ephemeral' };
}
