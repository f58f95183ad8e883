/**
 * `/kb …`: an article (`/kb Q272274`, `KB272274`, `272274`, a URL), `search words`, a pasted trace,
 * `help`, `mute` / `unmute`. Answers are ephemeral with a "Share in channel" button; mutes are
 * returned as effects for the adapter, which owns channel state.
 */
import { buildArticleCard, buildHelpReply, buildNotice, buildSearchReply, buildUnknownArticleReply, encodeShareValue, withShareButton, BUTTON_VALUE_MAX, type Reply } from '../reply/index.js';
import { parseKbRef } from '../trace/index.js';
import type { KbId, ThreadMatch } from '../model.js';
import { answerPaste } from './paste.js';
import { searchKnowledge } from './shared.js';
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
  const hits = searchKnowledge(k, words, SEARCH_LIMIT);
  return { kind: 'search', reply: buildSearchReply(words, hits.map((h) => ({ kb: h.kb, title: h.title }))) };
}

/** `/kb Q272274`, `/kb 272274`, `/kb <url>`: the whole text is one reference (a paste that names one is a paste). */
function lookup(k: Knowledge, text: string, now: number): Answered | undefined {
  const kb = /\s/.test(text) ? undefined : parseKbRef(text);
  if (kb === undefined) return undefined;
  const sig = k.signatures.get(kb);
  return sig ? { kind: 'article', reply: buildArticleCard(sig), thread: articleThread(kb, now) } : { kind: 'article', reply: buildUnknownArticleReply(kb) };
}

/** A paste (trace, clues, references) answered as a message would be; words that are none of those are a search. */
function pasted(k: Knowledge, text: string, now: number): Answered {
  const paste = answerPaste({ k, now, place: UNPOSTED, announced: [], showUnknown: true }, text);
  if (paste.kind === 'match' || paste.kind === 'possible') {
    const digest = { verdict: paste.result.verdict, candidates: paste.result.candidates.map((c) => ({ kb: c.kb, score: c.score })) };
    return { kind: paste.kind, reply: paste.reply, result: digest, thread: paste.threadMatch };
  }
  if (paste.kind === 'article') return { kind: 'article', reply: paste.reply, thread: paste.threadMatch };
  if (paste.hasTrace) return { kind: 'none', reply: paste.reply };
  // Words that are neither a reference nor a trace are most likely a search.
  return search(k, text);
}

const TEAM_ID = /^KI-[1-9]\d{0,6}$/i;

/** `/kb KI-3` (show it, retired or not), `/kb edit KI-3`, `/kb retire KI-3`, `/kb unretire KI-3`. */
function teamCommand(k: Knowledge, verb: string, rest: string, text: string): BotAnswer | undefined {
  const target = TEAM_ID.test(text) ? text : (verb === 'edit' || verb === 'retire' || verb === 'unretire') && TEAM_ID.test(rest) ? rest : undefined;
  if (target === undefined) return undefined;
  const id = target.toUpperCase() as KbId;
  const sig = k.signatures.get(id);
  if (!sig) return { kind: 'notice', replies: [buildNotice(`${id} is not a recorded known issue. Record one with the *Record as known issue* button or message shortcut.`)], delivery: 'ephemeral' };
  if (verb === 'edit') return { kind: 'notice', replies: [buildNotice(`Opening ${id} for editing…`)], delivery: 'ephemeral', effect: { kind: 'edit', id } };
  if (verb === 'retire' || verb === 'unretire') {
    const retired = verb === 'retire';
    const done = retired ? `${id} is retired: it is no longer matched, and \`/kb ${id}\` still shows it.` : `${id} is matched again.`;
    return { kind: 'notice', replies: [buildNotice(done)], delivery: 'ephemeral', effect: { kind: 'retire', id, retired } };
  }
  return { kind: 'article', replies: [buildArticleCard(sig)], delivery: 'ephemeral' };
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
  const team = teamCommand(k, verb, rest, text);
  if (team) return team;
  const answered = verb === 'search' || verb === 'find' ? search(k, rest) : (lookup(k, text, now) ?? pasted(k, text, now));
  if (!shareable) return { kind: answered.kind, replies: [answered.reply], delivery: 'channel', ...(answered.thread ? { threadMatch: answered.thread } : {}) };
  if (answered.kind === 'notice') return { kind: answered.kind, replies: [answered.reply], delivery: 'ephemeral' };
  const value =
    text.length + 4 <= BUTTON_VALUE_MAX || !answered.result
      ? encodeShareValue({ kind: 'command', text })
      : encodeShareValue({ kind: 'result', verdict: answered.result.verdict, candidates: answered.result.candidates });
  return { kind: answered.kind, replies: [withShareButton(answered.reply, value)], delivery: 'ephemeral' };
}
