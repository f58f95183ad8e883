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
import { messageTokens, type PastedMessageHow } from '../trace/error-messages.js';
import { pairKey, VAR, type IndexedMessage, type MessageIndex } from './message-index.js';

/** Confidence at or above which a message match is `match` (fitted on the bench's calibration half). */
export const MESSAGE_MATCH_THRESHOLD = 0.7;

/** IDF mass at which a message says enough to name one article (e^-1 of the way at this much). */
const INFO_SCALE = 9;
/** Words of the pasted message outside the aligned part count this much against (chat around a quote counts less). */
const OUTSIDE_WEIGHT: Record<PastedMessageHow, number> = { dialog: 0.35, quoted: 0.35, line: 0.3, whole: 0.15 };
/** Messages aligned per pasted message after retrieval. */
const RETRIEVED = 40;
/** Keys whose postings are longer than this are used only when they are among the paste's three rarest. */
const COMMON_POSTINGS = 1500;
/** Tokens of one pasted message considered. */
const MAX_TOKENS = 160;

export interface PastedText {
  text: string;
  how: PastedMessageHow;
}

export interface MessageRanked {
  sig: number;
  confidence: number;
  matches: ClueMatch[];
}

interface Alignment {
  shared: number;
  inside: number;
  outside: number;
  /** Positions in the article's message of the chained words. */
  at: number[];
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
  if (best === -1) return { shared: 0, inside: 0, outside: 0, at: [] };
  const chain: number[] = [];
  for (let k = best; k !== -1; k = prevPair[k]!) chain.push(k);
  chain.reverse();
  const inChain = new Uint8Array(n);
  for (const k of chain) inChain[pairJ[k]!] = 1;
  // pasted words between two chained words are forgiven where the article's template has an insertion slot between them
  const forgiven = new Uint8Array(n);
  for (let c = 1; c < chain.length; c++) {
    const a = chain[c - 1]!;
    const b = chain[c]!;
    let slot = false;
    for (let i = pairI[a]! + 1; i < pairI[b]!; i++) if (m.tokens[i] === VAR) slot = true;
    if (slot) for (let j = pairJ[a]! + 1; j < pairJ[b]!; j++) forgiven[j] = 1;
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
  if (leadSlot) for (let j = Math.max(0, j0 - 3); j < j0; j++) forgiven[j] = 1;
  if (tailSlot) for (let j = j1 + 1; j < Math.min(n, j1 + 4); j++) forgiven[j] = 1;
  let inside = 0;
  let outside = 0;
  for (let j = 0; j < n; j++) {
    if (inChain[j] || forgiven[j]) continue;
    if (j > j0 && j < j1) inside += known[j]!;
    else outside += known[j]!;
  }
  return { shared: total[best]!, inside, outside, at: chain.map((k) => pairI[k]!) };
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

function confidenceOf(a: Alignment, m: IndexedMessage, how: PastedMessageHow): number {
  if (a.shared <= 0) return 0;
  const info = 1 - Math.exp(-a.shared / INFO_SCALE);
  const cover = a.shared / (m.weight || 1);
  const purity = a.shared / (a.shared + a.inside + OUTSIDE_WEIGHT[how] * a.outside);
  return info * (0.6 + 0.4 * cover) * purity * purity;
}

function show(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** Per article, the best-fitting of its messages for the best of the pasted messages; best first. */
export function rankMessages(index: MessageIndex, pasted: readonly PastedText[], limit: number): MessageRanked[] {
  const bySig = new Map<number, MessageRanked>();
  if (index.messages.length === 0) return [];
  const acc = new Map<number, number>();
  for (const p of pasted) {
    const toks = messageTokens(p.text, MAX_TOKENS);
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
    // keys: the paste's words and adjacent pairs, rarest (shortest postings) first
    const keys: { postings: Int32Array; add: number }[] = [];
    for (const id of positions.keys()) keys.push({ postings: index.words[id]!, add: index.idf[id]! });
    for (let j = 1; j < query.length; j++) {
      const a = query[j - 1]!;
      const b = query[j]!;
      if (a < 0 || b < 0) continue;
      const postings = index.pairs.get(pairKey(a, b));
      if (postings) keys.push({ postings, add: 0.5 * Math.min(index.idf[a]!, index.idf[b]!) });
    }
    keys.sort((x, y) => x.postings.length - y.postings.length);
    acc.clear();
    keys.forEach((key, k) => {
      if (k >= 3 && key.postings.length > COMMON_POSTINGS) return;
      for (const msg of key.postings) acc.set(msg, (acc.get(msg) ?? 0) + key.add);
    });
    const top = [...acc.entries()].sort((x, y) => y[1] - x[1]).slice(0, RETRIEVED);
    for (const [msg] of top) {
      const m = index.messages[msg]!;
      const a = align(index, m, query, positions, known);
      const confidence = confidenceOf(a, m, p.how);
      const seen = bySig.get(m.sig);
      if (seen && seen.confidence >= confidence) continue;
      const words = sharedWords(m, a.at);
      bySig.set(m.sig, {
        sig: m.sig,
        confidence,
        matches: [
          {
            kind: 'message',
            pasted: show(p.text.replace(/\s+/g, ' ')),
            article: show(m.template),
            details: [
              `${p.how === 'dialog' ? 'message box' : p.how === 'quoted' ? 'quoted text' : p.how === 'line' ? 'error line' : 'the pasted text'} read as an error message`,
              `words in the article's order: ${words.slice(0, 10).join(', ')}${words.length > 10 ? ` (+${words.length - 10})` : ''}`,
              `${Math.round(Math.min(1, a.shared / (m.weight || 1)) * 100)}% of the article's message (by rarity); insertion strings ignored`,
            ],
          },
        ],
      });
    }
  }
  return [...bySig.values()].sort((a, b) => b.confidence - a.confidence || a.sig - b.sig).slice(0, limit);
}
