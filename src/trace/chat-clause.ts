/**
 * A message said in a chat sentence without quotes ("getting the RPC server is unavailable when I
 * open outlook", "outlook says cannot start microsoft outlook", "users see this since the update:
 * Cannot write VER.DLL"): the chat around it is cut off (a speaker, a greeting, a lead-in that says
 * someone got or saw something, a "when I …" tail) and the clause left is the message. Only a lead-in
 * marks a sentence as reporting a message, so ordinary chat (questions, thanks, status talk) yields
 * nothing. Every pattern is anchored at a bounded number of places with bounded quantifiers, and the
 * text is at most a message long: linear in the paste. The wording is data: rules/chat-clause.txt.
 */
import { type ChatList, loadChatRules } from './chat-rules.js';
import { MAX_MESSAGE } from './message-size.js';

/** The wording lists (rules/chat-clause.txt), read and checked once, when this reader loads. */
const W = loadChatRules();
const alt = (list: ChatList): string => W.alt(list);

/** Clause starts tried in one sentence (a lead-in comes early in a chat message). */
const MAX_CLAUSES = 12;

/** A Slack copy's time, a mention, a greeting: said before anything. */
const PREFIX = new RegExp(String.raw`^(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?\]?\s{1,4}|@[\w.-]{1,40}[,:]?\s{1,4}|${alt('greeting')}[\s,:!.-]{1,4})`, 'i');
/** A speaker's name before a colon ("dana: getting …"), accepted only when a lead-in follows. */
const SPEAKER = /^[A-Za-z][\w.-]{0,29}(?: [A-Za-z][\w.-]{0,29})?:\s{1,4}/;

/**
 * What follows a verb of seeing: "this error", "the following message", "an error saying". Not a number after
 * the noun ("getting error 26" keeps `error 26`).
 */
const OBJECT = String.raw`(?:(?:${alt('object-determiner')}\s){0,3}${alt('object-noun')}\b(?!\s{0,2}[#'"(:]?\s{0,2}(?:\d|0x))(?:\s${alt('object-when')})?(?:\s{0,2}${alt('object-saying')})?\s{1,4})?`;

/** Who sees it: people, not programs ("users are getting …"); any word can quantify a group ("finance users"). */
const PEOPLE = String.raw`(?:${alt('person')}|(?:${alt('group-quantifier')}|\w{2,20}) (?:\w{2,20} )?${alt('group')})\s`;
const SOFTENERS = String.raw`(?:${alt('softener')}\s){0,3}`;

const RECEIVING_PEOPLE = String.raw`${PEOPLE}${SOFTENERS}${alt('receive-verb')}\s{1,4}${OBJECT}`;
/** "users are getting", "I keep seeing", "getting", "got": someone received a message. */
const RECEIVED = new RegExp(String.raw`${RECEIVING_PEOPLE}|${SOFTENERS}${alt('receive-verb-alone')}\s{1,4}${OBJECT}`, 'iy');
/** After "and" / "but" only people receive: "sending and receiving new messages" is a message's own words. */
const RECEIVED_BY_PEOPLE = new RegExp(RECEIVING_PEOPLE, 'iy');
/** "outlook says", "setup keeps saying", "it pops up with": a program said a message. */
const SAID = new RegExp(String.raw`(?:[\w.'-]{1,30}\s){1,4}?${SOFTENERS}${alt('say-verb')}\s{1,4}(?:${alt('say-then')}\s)?${OBJECT}`, 'iy');
/**
 * "error: …", "the error is …", "the message says …". Lower case only: `Error: …`, `WARNING: …`, "This error is
 * followed by …" are how programs and articles print; and not "the message is" ("The message is too large to fit …").
 */
const NAMED = new RegExp(String.raw`(?:${alt('named-determiner')} )?${alt('named-noun')}(?:\s${alt('named-verb')})?\s{0,2}[:-]\s{1,4}`, 'y');
const NAMED_SAYS = new RegExp(
  String.raw`${alt('named-says-determiner')} ${alt('named-says-noun')}\s${alt('named-says-verb')}\s{1,4}|${alt('named-says-determiner')} message\s${alt('message-says-verb')}\s{1,4}`,
  'y',
);
/**
 * A lead-in ending in a colon that someone said ("users see this since the update:"): no digits (`Error 629:` is
 * the message's), and within one sentence and outside quotes ("anyone seen this? excel gives me File Error: …"
 * keeps `File Error`; `For more information, see "Troubleshooting: …"` is no lead-in).
 */
const COLON_LEAD = /[^:\d\n.!?"]{1,80}?:\s{1,4}/y;
/** A colon lead-in is typed: in lower case, or begun by a pronoun (`Active Users: <n>`, `User Manager for Domains: …` are printed). */
const CHAT_LEAD_START = new RegExp(String.raw`^(?:[a-z]|${alt('typed-lead-start')}\s)`);
/** Words that make a colon lead-in chat: people and verbs of seeing or saying. */
const CHAT_MARKER = new RegExp(String.raw`\b${alt('chat-marker')}\b`, 'i');

/** Where a sentence or a clause begins: the start, after a sentence end, a comma, or "and"/"but"/"so" (group 1: a weak start). */
const CLAUSE_STARTS = new RegExp(String.raw`[.!?;,]\s{1,4}|\s(?:(${alt('clause-weak')})|${alt('clause-start')})\s{1,4}`, 'g');

/** Chat after the message: "when I open outlook", "since the update", "on my laptop", ", any idea?". */
const WHEN_I = new RegExp(String.raw`\s${alt('when')}\s${alt('when-who')}\b`, 'gi');
const SINCE = new RegExp(String.raw`\s${alt('since')}\s(?:${alt('since-what')}|${alt('since-who')}\s)`, 'gi');
const ON_MINE = new RegExp(String.raw`\s(?:${alt('own-at')}\s${alt('own')}|${alt('among')}\s${alt('among-how-many')}(?: of ${alt('among-of')})? ${alt('among-what')})\b`, 'gi');
const ON_HOST = new RegExp(String.raw`\s${alt('host-at')}\s[A-Z][A-Z0-9-]{1,20}\d\b`, 'g');
const FOR_ME = new RegExp(String.raw`\sfor\s${alt('for-whom')}\b`, 'gi');
const ASK = new RegExp(String.raw`\s{0,2}[,;(-]\s{0,2}${alt('ask')}\b`, 'gi');
const ANY_IDEAS = new RegExp(String.raw`\s${alt('any-ideas')}\b[^\n]{0,80}$`, 'gi');
const TAILS: RegExp[] = [WHEN_I, SINCE, ON_MINE, ON_HOST, FOR_ME, ASK, ANY_IDEAS];

/** Clause words that carry nothing of a message ("I get it, thanks", "we see the same thing"); `error` is no filler ("getting error 26"). */
const FILLER = W.words('filler');

/**
 * Tails that mark chat even without a lead-in: "when I …", "…, any ideas?". The others ("on EXCH02", "since the
 * update") may be a message's own words or a site's values in its slots ("Printing <doc> on <server>").
 */
const LONE_TAILS: RegExp[] = [WHEN_I, ASK, ANY_IDEAS];

/** Where chat tails begin in the sentence, in order (found once per sentence, not once per lead-in). */
function tailStarts(text: string, tails: readonly RegExp[] = TAILS): number[] {
  const at: number[] = [];
  for (const tail of tails) for (const m of text.matchAll(tail)) at.push(m.index);
  return at.sort((a, b) => a - b);
}

/** The message after a lead-in ending at `from`: up to the first chat tail after it, if it says anything. */
function clauseFrom(sentence: string, from: number, tails: readonly number[]): string | undefined {
  const end = tails.find((t) => t >= from) ?? sentence.length;
  const text = sentence.slice(from, end);
  const clause = text
    .replace(/\s{0,4}(?::[a-z_+-]{1,30}:\s{0,2}){1,4}$/, '')
    .replace(/[\s?!.,:;)*_~-]{1,20}$/, '')
    .trim();
  // quoted text is the quote reader's; a question left over is not a message
  if (/^["'`]/.test(clause) || clause.includes('?')) return undefined;
  let said = 0;
  for (const w of clause.matchAll(/[A-Za-z0-9']{2,}/g)) if (!FILLER.has(w[0].toLowerCase()) && ++said >= 2) return clause;
  return undefined;
}

/** Where a lead-in beginning at `at` ends, for each kind that begins there ("users see this since the update:" is two). */
function leadEnds(text: string, at: number, weak: boolean): number[] {
  const ends: number[] = [];
  for (const lead of weak ? [RECEIVED_BY_PEOPLE, SAID, NAMED, NAMED_SAYS] : [RECEIVED, SAID, NAMED, NAMED_SAYS]) {
    lead.lastIndex = at;
    const m = lead.exec(text);
    if (m) ends.push(at + m[0].length);
  }
  COLON_LEAD.lastIndex = at;
  const m = COLON_LEAD.exec(text);
  if (m && CHAT_LEAD_START.test(m[0]) && CHAT_MARKER.test(m[0]) && m[0].split(/\s+/).length <= 11) ends.push(at + m[0].length);
  return ends;
}

/**
 * The message said in a chat sentence, when a lead-in marks the sentence as reporting one; undefined
 * for chat that reports none (or quotes it: the quote reader reads quotes).
 */
export function saidInChat(sentence: string): string | undefined {
  if (sentence.length > MAX_MESSAGE) return undefined;
  let text = sentence.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 4; i++) {
    const m = PREFIX.exec(text);
    if (!m) break;
    text = text.slice(m[0].length);
  }
  const starts = [{ at: 0, weak: false }];
  for (const m of text.matchAll(CLAUSE_STARTS)) {
    if (starts.length >= MAX_CLAUSES) break;
    starts.push({ at: m.index + m[0].length, weak: m[1] !== undefined });
  }
  const tails = tailStarts(text);
  for (const { at, weak } of starts) {
    let ends = leadEnds(text, at, weak);
    if (ends.length === 0 && at === 0) {
      const speaker = SPEAKER.exec(text);
      if (speaker) ends = leadEnds(text, speaker[0].length, false);
    }
    for (const end of ends) {
      const clause = clauseFrom(text, end, tails);
      if (clause !== undefined) return clause;
    }
  }
  return undefined;
}

/**
 * A sentence without its chat tail ("the RPC server is unavailable when I open outlook, any ideas?"), for a
 * sentence with no lead-in; undefined when it has no tail or says nothing without it. The caller keeps it
 * only when what is left reads as an error.
 */
export function withoutChatTail(sentence: string): string | undefined {
  if (sentence.length > MAX_MESSAGE) return undefined;
  const text = sentence.replace(/\s+/g, ' ').trim();
  const tails = tailStarts(text, LONE_TAILS);
  if (tails.length === 0) return undefined;
  return clauseFrom(text, 0, tails);
}
