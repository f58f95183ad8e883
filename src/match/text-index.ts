/**
 * The paste's words against every article's own words: a BM25 index over each article's title (counted twice),
 * symptoms and error messages, built once at load. Structured readers (events, STOP screens, crash reports,
 * error messages) find what they were written for; what people type around them ("only on templates with
 * DOCVARIABLE fields in the header", "Magic School Bus cd") and what no reader was written for is in these words.
 * Scores are precomputed per posting (the article's length is fixed at load), so a paste only adds them up.
 */
import type { Signature } from '../model.js';
import { textWords } from '../trace/text-words.js';

export interface TextIndex {
  /** Word → its id. */
  vocab: Map<string, number>;
  /**
   * Postings of word id `w`: `docs` and `weights` from `offsets[w]` to `offsets[w + 1]`, articles ascending, with the
   * BM25 weight of the word there. One flat buffer each, not a pair of arrays per word: half a million small arrays
   * would cost every garbage collection of the process.
   */
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
  /** Per word id, its highest weight: what it adds to an article written around it. */
  best: Float32Array;
  /** Articles indexed (the N of the IDF). */
  articles: number;
  /** Scratch accumulator, one slot per signature (single precision: half the cache lines of the walk). */
  scratch: Float32Array;
  /** Scratch list of the slots a paste touched. */
  touched: Int32Array;
}

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** Title words count this many times: a title names the trouble. */
const TITLE_REPEAT = 2;
/**
 * Words in more than this share of articles (`server`, `file`, `windows`) add little and cost a long posting walk per
 * paste. On the read hand-written sets (K-P, 370 pastes) a cut at 3% put the right article first for three pastes
 * fewer than one at 10%, and walked a fifth of the postings (bench/pastes.ts; p50 of the walk 0.45 -> 0.09 ms).
 */
export const COMMON_SHARE = 0.03;
/** The paste's words walked at most, its rarest first. */
export const QUERY_WORDS = 64;

function articleWords(sig: Signature): string[] {
  const title = textWords(sig.title);
  const words: string[] = [];
  for (let k = 0; k < TITLE_REPEAT; k++) words.push(...title);
  words.push(...textWords(sig.symptoms));
  for (const m of sig.errorMessages ?? []) words.push(...textWords(m));
  return words;
}

/** A growable Int32Array. */
class IntList {
  values = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = v;
  }
}

export function buildTextIndex(signatures: readonly Signature[]): TextIndex {
  const vocab = new Map<string, number>();
  const df: number[] = [];
  // one (word, article, count) triple per distinct word of each article
  const pairWord = new IntList();
  const pairDoc = new IntList();
  const pairTf = new IntList();
  const lengths = new Float64Array(signatures.length);
  let total = 0;
  let articles = 0;
  signatures.forEach((sig, doc) => {
    if (sig.retired) return;
    const words = articleWords(sig);
    if (words.length === 0) return;
    articles++;
    lengths[doc] = words.length;
    total += words.length;
    const tf = new Map<number, number>();
    for (const w of words) {
      let id = vocab.get(w);
      if (id === undefined) {
        id = df.length;
        vocab.set(w, id);
        df.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const [id, f] of tf) {
      df[id]!++;
      pairWord.push(id);
      pairDoc.push(doc);
      pairTf.push(f);
    }
  });
  const offsets = new Int32Array(df.length + 1);
  for (let id = 0; id < df.length; id++) offsets[id + 1] = offsets[id]! + df[id]!;
  const fill = offsets.slice(0, df.length);
  const docs = new Int32Array(pairWord.length);
  const weights = new Float32Array(pairWord.length);
  const best = new Float32Array(df.length);
  const average = articles > 0 ? total / articles : 1;
  const idf = df.map((d) => Math.log(1 + (articles - d + 0.5) / (d + 0.5)));
  // pairs come article by article, so each word's postings fill in ascending article order
  for (let k = 0; k < pairWord.length; k++) {
    const id = pairWord.values[k]!;
    const doc = pairDoc.values[k]!;
    const f = pairTf.values[k]!;
    const at = fill[id]!++;
    docs[at] = doc;
    weights[at] = (idf[id]! * f * (K1 + 1)) / (f + K1 * (1 - B + (B * lengths[doc]!) / average));
    if (weights[at]! > best[id]!) best[id] = weights[at]!;
  }
  const n = signatures.length;
  return { vocab, offsets, docs, weights, best, articles, scratch: new Float32Array(n), touched: new Int32Array(n) };
}

/** Articles holding word id `id`: the length of its postings. */
function dfOf(index: TextIndex, id: number): number {
  return index.offsets[id + 1]! - index.offsets[id]!;
}

/** Articles holding the word (0 for a word no article prints). */
export function wordDf(index: TextIndex, word: string): number {
  const id = index.vocab.get(word);
  return id === undefined ? 0 : dfOf(index, id);
}

/** The word's BM25 weight in the article at `sig` (0 where it does not hold the word). */
export function wordWeightIn(index: TextIndex, word: string, sig: number): number {
  const id = index.vocab.get(word);
  return id === undefined ? 0 : weightAt(index, id, sig);
}

function weightAt(index: TextIndex, id: number, sig: number): number {
  let lo = index.offsets[id]!;
  let hi = index.offsets[id + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = index.docs[mid]!;
    if (d === sig) return index.weights[mid]!;
    if (d < sig) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

export interface TextRanked {
  sig: number;
  /** The BM25 score of the article for the paste's words. */
  score: number;
}

/** The paste's words the index weighs (known, not too common; the rarest QUERY_WORDS of a long paste), and their reach. */
export interface TextQuery {
  ids: number[];
  /** The sum of the best weight of each word: the score of an article written around all of them. */
  reach: number;
}

export function textQuery(index: TextIndex, words: readonly string[]): TextQuery {
  const common = Math.max(50, index.articles * COMMON_SHARE);
  const ids: number[] = [];
  for (const w of words) {
    const id = index.vocab.get(w);
    if (id !== undefined && dfOf(index, id) <= common) ids.push(id);
  }
  // a long log's commonest words cost the most and add the least: its rarest ones decide
  if (ids.length > QUERY_WORDS) ids.sort((a, b) => dfOf(index, a) - dfOf(index, b)).length = QUERY_WORDS;
  let reach = 0;
  for (const id of ids) reach += index.best[id]!;
  return { ids, reach };
}

/** One article's score for the query (binary searches in the query's postings: no walk). */
export function scoreOf(index: TextIndex, query: TextQuery, sig: number): number {
  let score = 0;
  for (const id of query.ids) score += weightAt(index, id, sig);
  return score;
}

/** How many of the query's words one article holds. */
export function sharedWords(index: TextIndex, query: TextQuery, sig: number): number {
  let shared = 0;
  for (const id of query.ids) if (weightAt(index, id, sig) > 0) shared++;
  return shared;
}

/** The articles sharing the most weight of the query's words, best first. */
export function rankText(index: TextIndex, query: TextQuery, limit: number): TextRanked[] {
  const { offsets, docs, weights, scratch: acc, touched } = index;
  let count = 0;
  for (const id of query.ids) {
    const end = offsets[id + 1]!;
    for (let k = offsets[id]!; k < end; k++) {
      const d = docs[k]!;
      const before = acc[d]!;
      if (before === 0) touched[count++] = d;
      acc[d] = before + weights[k]!;
    }
  }
  const ranked = topOf(touched, count, acc, limit);
  for (let k = 0; k < count; k++) acc[touched[k]!] = 0;
  return ranked;
}

/** The `limit` best of the first `count` touched slots, best first (ties: lower position first). */
function topOf(touched: Int32Array, count: number, acc: Float32Array, limit: number): TextRanked[] {
  const best: TextRanked[] = [];
  for (let k = 0; k < count; k++) {
    const sig = touched[k]!;
    const score = acc[sig]!;
    const last = best[limit - 1];
    if (last && (score < last.score || (score === last.score && sig > last.sig))) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.sig > sig))) at--;
    best.splice(at, 0, { sig, score });
    if (best.length > limit) best.pop();
  }
  return best;
}
