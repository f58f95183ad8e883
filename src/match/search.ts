/**
 * Free-text search over titles and symptoms: an inverted word index (BM25-style weights,
 * title words counting triple), with fuse.js over the distinct word vocabulary for
 * mistyped words. Built on first use.
 */
import Fuse from 'fuse.js';
import type { MatchIndex } from './build.js';
import type { SearchIndex } from './search-index.js';

export type { SearchIndex } from './search-index.js';

export interface SearchHit {
  kb: string;
  title: string;
  /** Relative relevance in [0, 1] (1 = every query word found in the title). */
  score: number;
}

const TITLE_WEIGHT = 3;
/** Symptoms beyond this many characters add little and cost memory. */
const SYMPTOM_CHARS = 1500;
const MAX_QUERY_WORDS = 20;
const STOP_WORDS = new Set('a an and are as at be by for from in is it of on or the this to was when with you your not can may will'.split(' '));

function keep(w: string): boolean {
  return w.length >= 2 && w.length <= 40 && !STOP_WORDS.has(w);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** `PUSH_NOTIFY::PushToClient` -> PUSH, NOTIFY, Push, To, Client; `HTTPServer` -> HTTP, Server. */
export function identifierParts(identifier: string): string[] {
  const parts: string[] = [];
  for (const piece of identifier.split(/[_:]+/)) {
    let start = 0;
    for (let i = 1; i < piece.length; i++) {
      const prev = piece.charCodeAt(i - 1);
      const c = piece.charCodeAt(i);
      const camel = isLower(prev) && isUpper(c);
      const acronymEnd = isUpper(prev) && isUpper(c) && isLower(piece.charCodeAt(i + 1));
      if (camel || acronymEnd) {
        parts.push(piece.slice(start, i));
        start = i;
      }
    }
    if (piece.length > start) parts.push(piece.slice(start));
  }
  return parts;
}

/**
 * Indexed words: each identifier whole and, when it is made of several words (`_`, `::`,
 * camelCase), each of those too, so `push notify` finds PUSH_NOTIFY and `PushToClient` finds itself.
 */
export function indexWords(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/[^A-Za-z0-9_]+/)) {
    const whole = token.toLowerCase();
    if (keep(whole)) out.push(whole);
    const parts = identifierParts(token);
    if (parts.length > 1) for (const part of parts) if (keep(part.toLowerCase())) out.push(part.toLowerCase());
  }
  return out;
}

function buildSearchIndex(index: MatchIndex): SearchIndex {
  const lists = new Map<string, { docs: number[]; tf: number[] }>();
  index.signatures.forEach((sig, doc) => {
    const tf = new Map<string, number>();
    for (const w of indexWords(sig.title)) tf.set(w, (tf.get(w) ?? 0) + TITLE_WEIGHT);
    for (const w of indexWords(sig.symptoms.slice(0, SYMPTOM_CHARS))) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, f] of tf) {
      let list = lists.get(w);
      if (!list) lists.set(w, (list = { docs: [], tf: [] }));
      list.docs.push(doc);
      list.tf.push(f);
    }
  });
  const n = index.signatures.length;
  const postings = new Map<string, { docs: Int32Array; weights: Float32Array }>();
  for (const [w, { docs, tf }] of lists) {
    const idf = Math.log(1 + n / docs.length);
    postings.set(w, { docs: Int32Array.from(docs), weights: Float32Array.from(tf, (f) => (idf * f * 2.2) / (f + 1.2)) });
  }
  return { postings, vocabulary: [...postings.keys()] };
}

/**
 * The query words a typed word stands for: an identifier the store holds is looked up whole;
 * one it does not hold, by its parts (`push_notify_x` -> push, notify, x).
 */
function queryTerms(search: SearchIndex, text: string): string[] {
  const terms: string[] = [];
  for (const token of text.split(/[^A-Za-z0-9_]+/)) {
    const whole = token.toLowerCase();
    const parts = identifierParts(token).map((p) => p.toLowerCase()).filter(keep);
    if (parts.length > 1 && !search.postings.has(whole)) terms.push(...parts);
    else if (keep(whole)) terms.push(whole);
  }
  return terms;
}

/** The vocabulary words a query word stands for: itself, else its closest spellings. */
function expand(search: SearchIndex, word: string): { word: string; factor: number }[] {
  if (search.postings.has(word)) return [{ word, factor: 1 }];
  if (word.length < 4) return [];
  search.fuse ??= new Fuse(search.vocabulary, { includeScore: true, threshold: 0.3 });
  return search.fuse
    .search(word, { limit: 3 })
    .filter((h) => Math.abs(h.item.length - word.length) <= 2)
    .map((h) => ({ word: h.item, factor: 1 - (h.score ?? 0) }));
}

/** Builds the parts of an index made on first use (text search, error messages), so no answer pays for them. */
export function warmIndex(index: MatchIndex): void {
  index.search ??= buildSearchIndex(index);
  void index.messages;
  void index.text;
}

export function searchText(index: MatchIndex, query: string | string[], limit = 10): SearchHit[] {
  index.search ??= buildSearchIndex(index);
  const search = index.search;
  const terms = queryTerms(search, Array.isArray(query) ? query.join(' ') : query).slice(0, MAX_QUERY_WORDS);
  const scores = new Map<number, number>();
  let best = 0;
  for (const term of terms) {
    let termBest = 0;
    for (const { word, factor } of expand(search, term)) {
      const list = search.postings.get(word);
      if (!list) continue;
      list.docs.forEach((doc, k) => {
        const add = (list.weights[k] ?? 0) * factor;
        scores.set(doc, (scores.get(doc) ?? 0) + add);
        if (add > termBest) termBest = add;
      });
    }
    best += termBest;
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([doc, s]) => {
      const sig = index.signatures[doc];
      return { kb: sig?.id ?? '', title: sig?.title ?? '', score: best > 0 ? Math.round(Math.min(1, s / best) * 1000) / 1000 : 0 };
    });
}
