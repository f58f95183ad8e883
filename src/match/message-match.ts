/**
 * Matching pasted error text against the articles' messages (message-index.ts). Candidates come
 * from the postings of the paste's rarest words and word pairs; each is aligned in order with the
 * pasted text (the heaviest chain of shared words, by IDF), and scored by how much it says (the
 * IDF of the shared words: "Access denied" says little), how much of the article's message is
 * there, and how much of the pasted message the article does not explain (its words known to the
 * archive, outside the insertion slots of the article's template). Insertion strings and words no
 * article's message uses (site names) neither help nor hurt.
 */
import type { ClueMatch } from '../model.js';
import { messageTokens, type MessageToken, type PastedMessageHow } from '../trace/error-messages.js';
import { pairKey, VAR, type IndexedMessage, type MessageIndex } from './message-index.js';
import { topByScore } from './top-by-score.js';

/** Confidence at or above which a message match is `match` (fitted on the calibration half of `bench/messages.ts --seed 20261130`: 0.72 let 4% of its negatives through). */
export const MESSAGE_MATCH_THRESHOLD = 0.76;

/** IDF mass at which a message says enough to name one article (e^-1 of the way at this much). */
const INFO_SCALE = 7;
/** Words of the pasted message outside the aligned part count this much against (chat around a quote counts less). */
const OUTSIDE_WEIGHT: Record<PastedMessageHow, number> = { dialog: 0.25, quoted: 0.35, line: 0.25, whole: 0.15, text: 0.25 };
/**
 * A pasted message that this many articles print whole (their messages explain nearly all of it:
 * "Access denied", "General protection fault") names none of them: at best `possible`.
 */
const GENERIC_ARTICLES = 3;
/** Share of the pasted message (all its known words) an article's message must explain to count as printing it whole. */
const WHOLE_PURITY = 0.85;
/** Where a generic message's confidences are squeezed: from here to just under the threshold. */
const GENERIC_CEILING = MESSAGE_MATCH_THRESHOLD - 0.05;
/** Messages aligned per pasted message after retrieval. */
const RETRIEVED = 40;
/** Keys whose postings are longer than this are used only when they are among the paste's three rarest. */
const COMMON_POSTINGS = 600;
/** Tokens of one pasted message considered. */
const MAX_TOKENS = 160;

export interface PastedText {
  text: string;
  how: PastedMessageHow;
}

export interface MessageRanked {
  sig: number;
  confidence: number;
  /** Share of the article's message (by rarity) the paste carries: what tells a short list from noise (message-floor.ts). */
  cover: number;
  matches: ClueMatch[];
}

interface Alignment {
  shared: number;
  inside: number;
  outside: number;
  /** Known pasted words forgiven as filling the template's insertion slots. */
  filled: number;
  /** The most known pasted words an insertion slot at the template's start or end was given. */
  slotWords: number;
  /** Positions in the article's message of the chained words. */
  at: number[];
  /** Known pasted words left unexplained (neither chained nor forgiven), counted (not weighed). */
  leftWords: number;
  /** IDF mass of the rare words (DISTINCT_IDF) among them: what the paste says that the article's message does not. */
  distinct: number;
  /** How many such rare words. */
  distinctWords: number;
  /** IDF mass of the article's rare words (SWAP_IDF) the paste says something else in place of (`swappedWords`). */
  swapped: number;
}

/** The heaviest in-order chain of shared words (weighted longest increasing subsequence over a Fenwick tree of maxima). */
function align(index: MessageIndex, m: IndexedMessage, query: Int32Array, positions: Map<number, number[]>, known: Float64Array): Alignment {
  const n = query.length;
  const treeVal = new Float64Array(n + 1);
  const treePair = new Int32Array(n + 1).fill(-1);
  const pairI: number[] = [];
  const pairJ: number[] = [];
  const prevPair: number[] = [];
  const total: number[] = [];
  let best = -1;
  for (let i = 0; i < m.tokens.length; i++) {
    const id = m.tokens[i]!;
    if (id === VAR) continue;
    const js = positions.get(id);
    if (!js) continue;
    // later positions first, so one article word never chains with itself
    for (let x = js.length - 1; x >= 0; x--) {
      const j = js[x]!;
      let v = 0;
      let from = -1;
      for (let p = j; p > 0; p -= p & -p) {
        if (treeVal[p]! > v) {
          v = treeVal[p]!;
          from = treePair[p]!;
        }
      }
      const value = v + index.idf[id]!;
      const k = pairI.length;
      pairI.push(i);
      pairJ.push(j);
      prevPair.push(from);
      total.push(value);
      if (best === -1 || value > total[best]!) best = k;
      for (let p = j + 1; p <= n; p += p & -p) {
        if (value > treeVal[p]!) {
          treeVal[p] = value;
          treePair[p] = k;
        }
      }
    }
  }
  if (best === -1) return { shared: 0, inside: 0, outside: 0, filled: 0, slotWords: 0, at: [], leftWords: 0, distinct: 0, distinctWords: 0, swapped: 0 };
  const chain: number[] = [];
  for (let k = best; k !== -1; k = prevPair[k]!) chain.push(k);
  chain.reverse();
  const inChain = new Uint8Array(n);
  for (const k of chain) inChain[pairJ[k]!] = 1;
  // pasted words between two chained words are forgiven where the article's template has an insertion slot between them
  const forgiven = new Uint8Array(n);
  // the most known words a slot at the template's start or end was given: a name is one or two, a phrase of message
  // words is more (a slot between two chained words is bounded by the message's own words: it may hold a phrase,
  // "Connectivity Error [<driver specific information>] Illegal reference in query")
  let slotWords = 0;
  const forgive = (from: number, to: number, edge: boolean): void => {
    let words = 0;
    for (let j = from; j < to; j++) {
      forgiven[j] = 1;
      if (known[j]! > 0) words++;
    }
    if (edge) slotWords = Math.max(slotWords, words);
  };
  for (let c = 1; c < chain.length; c++) {
    const a = chain[c - 1]!;
    const b = chain[c]!;
    let slot = false;
    for (let i = pairI[a]! + 1; i < pairI[b]!; i++) if (m.tokens[i] === VAR) slot = true;
    if (slot) forgive(pairJ[a]! + 1, pairJ[b]!, false);
  }
  // before the first / after the last chained word: forgiven when the template begins / ends with a slot there
  const first = chain[0]!;
  const last = chain[chain.length - 1]!;
  let leadSlot = false;
  for (let i = 0; i < pairI[first]!; i++) if (m.tokens[i] === VAR) leadSlot = true;
  let tailSlot = false;
  for (let i = pairI[last]! + 1; i < m.tokens.length; i++) if (m.tokens[i] === VAR) tailSlot = true;
  const j0 = pairJ[first]!;
  const j1 = pairJ[last]!;
  if (leadSlot) forgive(Math.max(0, j0 - 3), j0, true);
  if (tailSlot) forgive(j1 + 1, Math.min(n, j1 + 4), true);
  let inside = 0;
  let outside = 0;
  let filled = 0;
  let leftWords = 0;
  let distinct = 0;
  let distinctWords = 0;
  for (let j = 0; j < n; j++) {
    if (inChain[j]) continue;
    if (forgiven[j]) {
      filled += known[j]!;
      continue;
    }
    if (known[j]! > 0) leftWords++;
    if (known[j]! >= DISTINCT_IDF) {
      distinct += known[j]!;
      distinctWords++;
    }
    if (j > j0 && j < j1) inside += known[j]!;
    else outside += known[j]!;
  }
  const at = chain.map((k) => pairI[k]!);
  return { shared: total[best]!, inside, outside, filled, slotWords, at, leftWords, distinct, distinctWords, swapped: swappedWords(index, m, query, at, chain.map((k) => pairJ[k]!)) };
}

/** An article's word at least this rare (in at most about one article in 55 printing a message) names its message's instance. */
const SWAP_IDF = 4;

/**
 * IDF mass of the article's rare words that the paste replaces with words of its own: between two chained words (or
 * before the first, after the last) the article's message has a rare word the paste lacks, and the paste has a word
 * there (known or not) where the article has it. The paste is another message of the same family ("Glfmod20 caused a
 * divide error in module Glfani32.dll." against "<Program> caused a divide error in module GDI.EXE at <n>.";
 * "…to install Microsoft Natural Language Query" against "…to install Microsoft Encarta Reference Suite <n>."),
 * not this one with its insertion strings filled (those are the template's slots) nor cut short (nothing in place).
 */
function swappedWords(index: MessageIndex, m: IndexedMessage, query: Int32Array, at: readonly number[], atPaste: readonly number[]): number {
  let swapped = 0;
  for (let g = 0; g <= at.length; g++) {
    const i0 = g === 0 ? -1 : at[g - 1]!;
    const i1 = g === at.length ? m.tokens.length : at[g]!;
    const j0 = g === 0 ? -1 : atPaste[g - 1]!;
    const j1 = g === at.length ? query.length : atPaste[g]!;
    let rare = 0;
    for (let i = i0 + 1; i < i1; i++) {
      const id = m.tokens[i]!;
      if (id !== VAR && index.idf[id]! >= SWAP_IDF) rare += index.idf[id]!;
    }
    if (rare === 0) continue;
    let said = false;
    for (let j = j0 + 1; j < j1 && !said; j++) said = query[j] !== VAR;
    if (said) swapped += rare;
  }
  return swapped;
}

/** The words of the article's message the chain used, in its order, for the why view (read back from the template). */
function sharedWords(m: IndexedMessage, at: number[]): string[] {
  const names = messageTokens(m.template, 120);
  const out: string[] = [];
  for (const i of at) {
    const t = names[i];
    if (t && !t.var && !out.includes(t.word)) out.push(t.word);
  }
  return out;
}

/**
 * The chained words run together in the article's message (only insertion slots between them): it
 * prints the paste as a phrase ("X caused a General Protection Fault in module Y"), where words
 * scattered through a long message ("Compilation failed~syntax error") print something else.
 */
function printsPhrase(m: IndexedMessage, a: Alignment): boolean {
  const at = a.at;
  // and it holds the paste's words, the common ones too: "stopping compilation" does not print "Compilation error"
  if (at.length < WHOLE_WORDS * (at.length + a.leftWords)) return false;
  for (let k = 1; k < at.length; k++) for (let i = at[k - 1]! + 1; i < at[k]!; i++) if (m.tokens[i] !== VAR) return false;
  return true;
}

/**
 * A pasted message that goes on past an article's message with rare words of its own is another, longer message
 * ("No columns were bound prior to calling SQLExtendedFetch State:SL009:, NATIVE:<n>, Origin: [Microsoft][ODBC Cursor
 * Library]" against an article printing "No columns were bound prior to calling SQLExtendedFetch"): `possible` at
 * best. Rare: IDF at least DISTINCT_IDF (in at most about one article in 55 printing a message); words in the
 * template's insertion slots and words no article prints are not counted.
 */
const DISTINCT_IDF = 4;
/** Rare words the article's message leaves unexplained before the paste counts as a longer message. */
const LONGER_WORDS = 2;
/** Their IDF mass against what the paste and the article's message share (fitted on the calibration halves of seeds 777 and 4242: 0.5 let 11 more negatives through there, verdicts alike). */
const LONGER_SHARE = 0.3;

function saysMore(a: Alignment): boolean {
  return a.distinctWords >= LONGER_WORDS && a.distinct >= LONGER_SHARE * a.shared;
}

/** Share of what the paste and the article's message share that the paste's own words in place of the article's rare ones must reach. */
const SWAP_SHARE = 0;

/** Known words a slot at the template's start or end is given before they read as a phrase of the paste's own rather than a name. */
const SLOT_PHRASE_WORDS = 3;

/**
 * The paste is another message of the article's message's family: it says its own words where the article's says rare
 * ones (`swappedWords`), or an insertion slot ending a short template (or starting it) swallows a phrase saying more than the template's own
 * words ("Cannot write directory, format failed." against "Cannot Write <filename>."; "Error Accessing the System
 * Registry" against "Error accessing <one of the tables>").
 */
function saysOther(a: Alignment): boolean {
  return (a.swapped > 0 && a.swapped >= SWAP_SHARE * a.shared) || (a.slotWords >= SLOT_PHRASE_WORDS && a.filled >= a.shared);
}

/**
 * The paste is the beginning of the article's message, cut where the user's copy stopped ("There is not enough memory
 * available to start Mail." of "… to start Mail. Try quitting other programs and starting Mail again."): the chained
 * words are the message's first words, run together (only insertion slots between), at least PREFIX_WORDS of them.
 */
function printsPrefix(m: IndexedMessage, a: Alignment): boolean {
  const at = a.at;
  if (at.length < PREFIX_WORDS) return false;
  for (let i = 0; i < at[0]!; i++) if (m.tokens[i] !== VAR) return false;
  for (let k = 1; k < at.length; k++) for (let i = at[k - 1]! + 1; i < at[k]!; i++) if (m.tokens[i] !== VAR) return false;
  return true;
}
/** Words a cut paste must carry to name the message it begins. */
const PREFIX_WORDS = 4;

/** Share of the pasted message's known words (counted, so common words count) a message printing it whole holds. */
const WHOLE_WORDS = 0.75;

/** Share of the pasted message (by rarity) the article's message explains. */
function purity(a: Alignment, how: PastedMessageHow): number {
  return a.shared / (a.shared + a.inside + OUTSIDE_WEIGHT[how] * a.outside || 1);
}

/**
 * A paste one of its messages explains whole, printed by at most two articles (its twin group,
 * message-index.ts), names them even when short: its info is reached this much sooner. Short
 * lookalikes elsewhere in the archive no longer hold it under `match`; twins still tie.
 */
const LONE_INFO_SPEEDUP = 3;
/** Share of the pasted message (by rarity, chat around it counting less) a lone message must explain to be lifted. */
const LONE_PURITY = 0.95;
/** Share of the article's message (by rarity) a paste must carry for it to count as printed whole. */
const WHOLE_COVER = 0.9;
/** A pasted message at least this share (in tokens) of the longest one read from the paste can name a lone message. */
const MAIN_SHARE = 0.5;
/** Twin groups of at most this many articles name their articles (more are generic: `possible`). */
const LONE_ARTICLES = 2;

function confidenceOf(a: Alignment, m: IndexedMessage, how: PastedMessageHow, lone = false): number {
  if (a.shared <= 0) return 0;
  const info = 1 - Math.exp(-a.shared / (lone ? INFO_SCALE / LONE_INFO_SPEEDUP : INFO_SCALE));
  const cover = a.shared / (m.weight || 1);
  const p = purity(a, how);
  return info * (0.6 + 0.4 * cover) * p * p;
}

function show(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/**
 * Top candidates closer than this are a tie (`possible`, both offered): messages differ by a word
 * or two between articles far more often than stacks do, and a word is not a cause.
 */
export const MESSAGE_TIE_MARGIN = 0.04;

/** Below this a message candidate is not offered (the trace matcher's POSSIBLE_THRESHOLD). */
const POSSIBLE = 0.25;

/** The verdict for message candidates' confidences, best first: a near tie at the top is `possible`. */
export function messageVerdict(confidences: readonly number[], threshold = MESSAGE_MATCH_THRESHOLD): 'match' | 'possible' | 'none' {
  const [top, second] = confidences;
  if (top === undefined || top < POSSIBLE) return 'none';
  if (top < threshold) return 'possible';
  return second !== undefined && top - second < MESSAGE_TIE_MARGIN ? 'possible' : 'match';
}

interface Best {
  sig: number;
  confidence: number;
  msg: number;
  pasted: PastedText;
  a: Alignment;
}

const READ_AS: Record<PastedMessageHow, string> = { dialog: 'message box', quoted: 'quoted text', line: 'error line', whole: 'the pasted text', text: 'the pasted text' };

/** The why view's account of one candidate (made for the few candidates returned, not for every one aligned). */
function describe(index: MessageIndex, b: Best): MessageRanked {
  const m = index.messages[b.msg]!;
  const words = sharedWords(m, b.a.at);
  return {
    sig: b.sig,
    confidence: b.confidence,
    cover: Math.min(1, b.a.shared / (m.weight || 1)),
    matches: [
      {
        kind: 'message',
        pasted: show(b.pasted.text.replace(/\s+/g, ' ')),
        article: show(m.template),
        details: [
          `${READ_AS[b.pasted.how]} read as an error message`,
          `words in the article's order: ${words.slice(0, 10).join(', ')}${words.length > 10 ? ` (+${words.length - 10})` : ''}`,
          `${Math.round(Math.min(1, b.a.shared / (m.weight || 1)) * 100)}% of the article's message (by rarity); insertion strings ignored`,
        ],
      },
    ],
  };
}

/** A message box's first row, when text follows it, is its title ("Microsoft Visual Basic") if this short. */
const TITLE_CHARS = 60;

/**
 * A message box is read with and without its title: the title names the program, not the message,
 * and counted as unexplained text it holds the message's own article under `match`.
 */
function withoutTitle(p: PastedText): PastedText[] {
  if (p.how !== 'dialog') return [p];
  const cut = p.text.indexOf('\n');
  if (cut < 0 || cut > TITLE_CHARS || p.text.slice(cut + 1).trim() === '') return [p];
  return [p, { text: p.text.slice(cut + 1), how: p.how }];
}

/** A log line's prefix: a timestamp, then maybe a level and a bracketed thread or logger (`2024-07-24 15:49:43 ERROR [worker-3] `). */
const LOG_PREFIX = /^\s{0,4}\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d)?(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\]?\s{1,4}(?:(?:ERROR|ERR|WARN|WARNING|FATAL|CRITICAL|INFO|DEBUG)\b:?\s{0,4})?(?:\[[^\]\n]{1,40}\]\s{0,4})?/i;

/** A line read with and without its log prefix: the logger's words ("worker") are not the message's. */
function withoutLogPrefix(p: PastedText): PastedText[] {
  const prefix = LOG_PREFIX.exec(p.text)?.[0];
  if (prefix === undefined || p.text.length - prefix.length < 8) return [p];
  return [p, { text: p.text.slice(prefix.length), how: p.how }];
}

/** The readings of one pasted message: as read (always first), and without the parts that name the program rather than the message. */
function readingsOf(p: PastedText): PastedText[] {
  return withoutTitle(p).flatMap(withoutLogPrefix);
}

/** Per article, the best-fitting of its messages for the best of the pasted messages; best first. */
export function rankMessages(index: MessageIndex, given: readonly PastedText[], limit: number): MessageRanked[] {
  const bySig = new Map<number, Best>();
  if (index.messages.length === 0) return [];
  // a short quote inside a longer pasted message ('Add/Remove Programs' in a paragraph) is not the message the paste is about;
  // a reading of a message (its title or log prefix left out) is as main as the message
  const tokenized = given.map((p) => messageTokens(p.text, MAX_TOKENS));
  const longest = Math.max(...tokenized.map((t) => t.length));
  // the first reading is the message as pasted: its tokens are already read
  const pasted = given.flatMap((p, q) =>
    readingsOf(p).map((r, k) => ({ ...r, given: q, main: tokenized[q]!.length >= MAIN_SHARE * longest, toks: k === 0 ? tokenized[q]! : messageTokens(r.text, MAX_TOKENS) })),
  );
  const acc = scratchFor(index);
  const containers = containersOf(given);
  const explained = explainedMessages(given);
  const containerQueries = new Map<number, PastedQuery>();
  for (let q = 0; q < pasted.length; q++) {
    const p = pasted[q]!;
    const { toks, main } = p;
    const { query, known, positions } = queryOf(index, toks);
    // keys: the paste's words and adjacent pairs, rarest (shortest postings) first
    const keys: { postings: readonly number[]; add: number }[] = [];
    for (const id of positions.keys()) keys.push({ postings: index.words[id]!, add: index.idf[id]! });
    for (let j = 1; j < query.length; j++) {
      const a = query[j - 1]!;
      const b = query[j]!;
      if (a < 0 || b < 0) continue;
      const postings = index.pairs.get(pairKey(index.pairBase, a, b));
      if (postings) keys.push({ postings, add: 0.5 * Math.min(index.idf[a]!, index.idf[b]!) });
    }
    keys.sort((x, y) => x.postings.length - y.postings.length);
    const touched: number[] = [];
    keys.forEach((key, k) => {
      if (k >= 3 && key.postings.length > COMMON_POSTINGS) return;
      for (const msg of key.postings) {
        if (acc[msg] === 0) touched.push(msg);
        acc[msg] = acc[msg]! + key.add;
      }
    });
    const top = topByScore(touched, acc, RETRIEVED);
    for (const msg of touched) acc[msg] = 0;
    const scored = top.map((msg) => {
      const m = index.messages[msg]!;
      const a = align(index, m, query, positions, known);
      const pure = a.shared > 0 && purity(a, p.how) >= LONE_PURITY;
      const whole = pure && a.shared / (m.weight || 1) >= WHOLE_COVER;
      // a message's beginning, cut, names it as its whole does (its twins' and printers' count is the whole message's)
      const lone = main && (whole || (pure && printsPrefix(m, a))) && index.groupArticles[index.twinGroup[msg]!]!.length <= LONE_ARTICLES;
      const confidence = confidenceOf(a, m, p.how, lone);
      // a line of a wrapped message is judged by the whole message too (only where it could be `match`: the align is not free)
      const c = containers[p.given]!;
      let longer = saysMore(a) || saysOther(a);
      if (!longer && c >= 0 && confidence > GENERIC_CEILING) {
        let cq = containerQueries.get(c);
        if (!cq) containerQueries.set(c, (cq = queryOf(index, tokenized[c]!)));
        const whole = align(index, m, cq.query, cq.positions, cq.known);
        longer = saysMore(whole) || saysOther(whole);
      }
      return { msg, m, a, whole, longer, confidence };
    });
    // a message many articles print whole says which kind of trouble, not which article
    // (an article's longer message holding the whole paste prints it too: "X caused a General Protection Fault in module Y")
    // (a distant lookalike whose insertion slots swallow most of the paste prints something else: `| <path> | No such file or directory`)
    const printers = new Set(scored.filter((x) => x.a.shared > 0 && x.a.shared / (x.a.shared + x.a.inside + x.a.outside + x.a.filled) >= WHOLE_PURITY && printsPhrase(x.m, x.a)).map((x) => x.m.sig));
    // and the twins of a message it carries whole, found at load even when retrieval left them out
    for (const x of scored) if (x.whole) for (const sig of index.groupArticles[index.twinGroup[x.msg]!]!) printers.add(sig);
    const generic = printers.size >= GENERIC_ARTICLES;
    const c = containers[p.given]!;
    for (const { msg, m, a, longer, confidence: raw } of scored) {
      // squeezed under the threshold, order kept: the best-fitting printers still come first
      const confidence = (generic || longer) && raw > GENERIC_CEILING ? GENERIC_CEILING + (0.04 * (raw - GENERIC_CEILING)) / (1 - GENERIC_CEILING) : raw;
      // text that does not read as an error is answered only when an article prints it (a generic one's printers stay, as `possible`)
      if (p.how === 'text' && raw < MESSAGE_MATCH_THRESHOLD) continue;
      // (a line wrapped into its paragraph is part of one message, not a message of its own)
      if (p.how !== 'whole' && c < 0 && raw >= EXPLAINS) explained.note(m.sig, msg, p.given);
      const seen = bySig.get(m.sig);
      if (seen && seen.confidence >= confidence) continue;
      bySig.set(m.sig, { sig: m.sig, confidence, msg, pasted: p, a });
    }
  }
  // a paste quoting two of an article's messages is that article's, more than one printing only one of them
  const counts = explained.counts();
  const most = Math.max(0, ...counts.values());
  if (most >= 2) {
    for (const b of bySig.values()) b.confidence -= UNEXPLAINED_MESSAGE * Math.min(MAX_UNEXPLAINED_MESSAGES, most - (counts.get(b.sig) ?? 1));
  }
  return [...bySig.values()]
    .sort((a, b) => b.confidence - a.confidence || a.sig - b.sig)
    .slice(0, limit)
    .map((b) => describe(index, b));
}

/** A pasted text fitting an article's message at least this well explains that message. */
const EXPLAINS = 0.6;
/**
 * Taken off per pasted message another article explains and this one does not (at most twice): past the message tie
 * margin (0.04), so the article printing both messages a paste quotes is named, not offered beside those printing one.
 */
const UNEXPLAINED_MESSAGE = 0.05;
const MAX_UNEXPLAINED_MESSAGES = 2;

/**
 * Per article, how many of its messages the paste quotes, each by a pasted text of its own: two texts one inside the
 * other (a line and its paragraph) are one, so a single message is never counted twice.
 */
function explainedMessages(given: readonly PastedText[]): { note(sig: number, msg: number, q: number): void; counts(): Map<number, number> } {
  const flat = given.map((p) => p.text.replace(/\s+/g, ' ').trim().toLowerCase());
  const apart = (q: number, r: number): boolean => q !== r && !flat[q]!.includes(flat[r]!) && !flat[r]!.includes(flat[q]!);
  const bySig = new Map<number, Map<number, Set<number>>>();
  return {
    note(sig, msg, q) {
      let msgs = bySig.get(sig);
      if (!msgs) bySig.set(sig, (msgs = new Map()));
      let qs = msgs.get(msg);
      if (!qs) msgs.set(msg, (qs = new Set()));
      qs.add(q);
    },
    counts() {
      const out = new Map<number, number>();
      for (const [sig, msgs] of bySig) {
        if (msgs.size < 2) continue;
        // greedy: each message takes a pasted text apart from those already taken (messages are few)
        const taken: number[] = [];
        for (const qs of msgs.values()) {
          const q = [...qs].find((x) => taken.every((t) => apart(x, t)));
          if (q !== undefined) taken.push(q);
        }
        out.set(sig, taken.length);
      }
      return out;
    },
  };
}

interface PastedQuery {
  /** Word ids in order (VAR for an insertion string, -2 for a word no article's message uses). */
  query: Int32Array;
  /** IDF per position (0 for unknown words and insertion strings). */
  known: Float64Array;
  /** Word id → its positions in the paste. */
  positions: Map<number, number[]>;
}

function queryOf(index: MessageIndex, toks: readonly MessageToken[]): PastedQuery {
  const query = new Int32Array(toks.length);
  const known = new Float64Array(toks.length);
  const positions = new Map<number, number[]>();
  toks.forEach((t, j) => {
    const id = t.var ? VAR : (index.vocab.get(t.word) ?? -2);
    query[j] = id;
    if (id >= 0) {
      known[j] = index.idf[id]!;
      const list = positions.get(id);
      if (list) list.push(j);
      else positions.set(id, [j]);
    }
  });
  return { query, known, positions };
}

/**
 * Per pasted message, the longest other one holding it (-1 if none): a line of a wrapped message is read alone and
 * joined with its paragraph ("The file could not be opened. Your" / "computer is out of memory."), and an article
 * printing only the line's message does not print the paste. Not for quotes and message boxes (the user marked
 * those as the message), nor log lines (a log's paragraph holds many messages).
 */
function containersOf(given: readonly PastedText[]): number[] {
  const flat = given.map((p) => p.text.replace(/\s+/g, ' ').trim());
  return given.map((p, q) => {
    if (p.how !== 'line' || LOG_PREFIX.test(p.text)) return -1;
    let best = -1;
    given.forEach((c, r) => {
      if (r === q || c.how === 'dialog' || c.how === 'quoted' || LOG_PREFIX.test(c.text)) return;
      if (flat[r]!.length > flat[q]!.length && wrappedIn(flat[q]!, flat[r]!) && (best < 0 || flat[r]!.length > flat[best]!.length)) best = r;
    });
    return best;
  });
}

/** Ends a sentence, a label or a pointer: what follows is something else. */
const ENDS_CLAUSE = /[.!?:;>\u2192]$/;

/**
 * The line runs on into its paragraph mid-sentence ("The file could not be opened. Your" / "computer is out of
 * memory."): one message wrapped. A message under the user's own line ("updating the view →" / "Connectivity
 * error: …"), or after a console's other output, is judged alone.
 */
function wrappedIn(line: string, paragraph: string): boolean {
  const at = paragraph.indexOf(line);
  if (at < 0) return false;
  const before = paragraph.slice(0, at).trim();
  const after = paragraph.slice(at + line.length).trim();
  return (/^[a-z]/.test(after) && !ENDS_CLAUSE.test(line)) || (before.length > 0 && !ENDS_CLAUSE.test(before) && /^[a-z]/.test(line));
}

const scratch = new WeakMap<MessageIndex, Float64Array>();

/** One accumulator per index, reset after each use (only the entries touched). */
function scratchFor(index: MessageIndex): Float64Array {
  let acc = scratch.get(index);
  if (!acc) scratch.set(index, (acc = new Float64Array(index.messages.length)));
  return acc;
}
