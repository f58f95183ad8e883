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
import type { KbId, ThreadMatch } from '../model.js';
import { candidateLines, frameStrings, pastedTrace, threadFromResult } from './shared.js';
import type { AnswerKind, BotAnswer, Knowledge } from './types.js';

const SEARCH_LIMIT = 10;

interface Answered {
  kind: AnswerKind;
  reply: Reply;
  /** What the share button re-answers when the command text is too long to carry. */
  result?: { verdict: 'match' | 'possible' | 'none'; candidates: { kb: string; score: number }[] };
  /** What a thread started by sharing the answer is about. */
  thread?: ThreadMatch;
}

/** Where a shared answer lands is known only once the adapter posted it: it fills in channel and threadTs. */
const UNPOSTED = { channel: '', threadTs: '' };

export function articleThread(kb: KbId, now: number): ThreadMatch {
  return { ...UNPOSTED, verdict: 'none', kb, candidates: [], announced: [kb], updatedAt: now };
}

function search(k: Knowledge, words: string): Answered {
  if (words === '') return { kind: 'notice', reply: buildNotice('Usage: `/kb search &lt;words&gt;`, e.g. `/kb search information store push_notify`.') };
  const hits = searchText(k.index, words, SEARCH_LIMIT);
  return { kind: 'search', reply: buildSearchReply(words, hits.map((h) => ({ kb: h.kb, title: h.title }))) };
}

function lookup(k: Knowledge, text: string, now: number): Answered | undefined {
  const kb = parseKbRef(text);
  if (kb === undefined) return undefined;
  const sig = k.signatures.get(kb);
  return sig ? { kind: 'article', reply: buildArticleCard(sig), thread: articleThread(kb, now) } : { kind: 'article', reply: buildUnknownArticleReply(kb) };
}

function answerPaste(k: Knowledge, text: string, now: number): Answered {
  const parsed = parseMessage(text);
  if (parsed.traces.some((t) => t.length > 0) || parsed.clues.some((c) => c.kind !== 'file-version')) {
    const result = matchMessage(k.index, parsed);
    const top = result.candidates[0];
    const digest = { verdict: result.verdict, candidates: result.candidates.map((c) => ({ kb: c.kb, score: c.score })) };
    const trace = pastedTrace(parsed.traces);
    const thread = threadFromResult(UNPOSTED, undefined, result, trace, result.candidates.slice(0, 1).map((c) => c.kb), now);
    if (result.verdict === 'match' && top) {
      const reply = buildMatchReply({ candidate: top, signature: k.signatures.get(top.kb), otherCount: result.candidates.length - 1, pastedFrames: frameStrings(trace) });
      return { kind: 'match', reply, result: digest, thread };
    }
    if (result.verdict === 'possible') return { kind: 'possible', reply: buildPossibleReply(candidateLines(k, result.candidates)), result: digest, thread };
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

/**
 * The answer to `/kb <text>`; `shareable: false` for the copy posted by "Share in channel", which also
 * carries the thread's match (channel and threadTs blank: the adapter knows where it posted).
 */
export function answerCommand(k: Knowledge, rawText: string, now: number, shareable = true): BotAnswer {
  const text = rawText.trim();
  const { verb, rest } = verbOf(text);
  if (text === '' || verb === 'help') return { kind: 'help', replies: [buildHelpReply()], delivery: 'ephemeral' };
  if (verb === 'mute' && rest === '') {
    return { kind: 'notice', replies: [buildNotice(':no_bell: Muted: I will not answer traces in this channel until `/kb unmute`. `/kb` still works.')], delivery: 'ephemeral', effect: { kind: 'mute' } };
  }
  if (verb === 'unmute' && rest === '') {
    return { kind: 'notice', replies: [buildNotice(':bell: Unmuted: I answer traces in this channel again.')], delivery: 'ephemeral', effect: { kind: 'unmute' } };
  }
  const answered = verb === 'search' || verb === 'find' ? search(k, rest) : (lookup(k, text, now) ?? answerPaste(k, text, now));
  if (!shareable) return { kind: answered.kind, replies: [answered.reply], delivery: 'channel', ...(answered.thread ? { threadMatch: answered.thread } : {}) };
  if (answered.kind === 'notice') return { kind: answered.kind, replies: [answered.reply], delivery: 'ephemeral' };
  const value =
    text.length + 4 <= BUTTON_VALUE_MAX || !answered.result
      ? encodeShareValue({ kind: 'command', text })
      : encodeShareValue({ kind: 'result', verdict: answered.result.verdict, candidates: answered.result.candidates });
  return { kind: answered.kind, replies: [withShareButton(answered.reply, value)], delivery: 'ephemeral' };
}
