/**
 * The paste's words against every article's own words: a BM25 index over each article's title (counted twice),
 * symptoms and error messages, built once at load. Structured readers (events, STOP screens, crash reports,
 * error messages) find what they were written for; what people type around them ("only on templates with
 * DOCVARIABLE fields in the header", "Magic School Bus cd") and what no reader was written for is in these words.
 * Scores are precomputed per posting (the article's length is fixed at load), so a paste only adds them up.
 */
import type { Signature } from '../model.js';
import { textWords } from '../trace/text-words.js';

export interface TextPosting {
  docs: Int32Array;
  weights: Float32Array;
  /** The highest weight in `weights`: what the word adds to an article written around it. */
  best: number;
}

export interface TextIndex {
  /** Word → articles holding it (ascending signature positions) and the BM25 weight of the word there. */
  postings: Map<string, TextPosting>;
  /** Articles indexed (the N of the IDF). */
  articles: number;
  /** Article id → its position among the signatures (the readers name their candidates by id). */
  positions: Map<string, number>;
  /** Scratch accumulator, one slot per signature. */
  scratch: Float64Array;
  /** Scratch list of the slots a paste touched. */
  touched: Int32Array;
  /** Scratch count of the paste's words each slot holds. */
  counts: Uint16Array;
}

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** Title words count this many times: a title names the trouble. */
const TITLE_REPEAT = 2;
/** Words in more than this share of articles add little and cost a long posting walk per paste. */
export const COMMON_SHARE = 0.1;

function articleWords(sig: Signature): string[] {
  const title = textWords(sig.title);
  const words: string[] = [];
  for (let k = 0; k < TITLE_REPEAT; k++) words.push(...title);
  words.push(...textWords(sig.symptoms));
  for (const m of sig.errorMessages ?? []) words.push(...textWords(m));
  return words;
}

export function buildTextIndex(signatures: readonly Signature[]): TextIndex {
  const lists = new Map<string, { docs: number[]; tf: number[] }>();
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
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, f] of tf) {
      let list = lists.get(w);
      if (!list) lists.set(w, (list = { docs: [], tf: [] }));
      list.docs.push(doc);
      list.tf.push(f);
    }
  });
  const average = articles > 0 ? total / articles : 1;
  const postings = new Map<string, TextPosting>();
  for (const [w, { docs, tf }] of lists) {
    const idf = Math.log(1 + (articles - docs.length + 0.5) / (docs.length + 0.5));
    const weights = new Float32Array(docs.length);
    let best = 0;
    docs.forEach((doc, k) => {
      const f = tf[k]!;
      weights[k] = (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * lengths[doc]!) / average));
      best = Math.max(best, weights[k]!);
    });
    postings.set(w, { docs: Int32Array.from(docs), weights, best });
  }
  const positions = new Map(signatures.map((sig, k) => [sig.id as string, k]));
  return { postings, articles, positions, scratch: new Float64Array(signatures.length), touched: new Int32Array(signatures.length), counts: new Uint16Array(signatures.length) };
}

export interface TextRanked {
  sig: number;
  /** The BM25 score of the article for the paste's words. */
  score: number;
  /** How many of the paste's distinct words the article holds. */
  shared: number;
}

export interface TextAnswer {
  ranked: TextRanked[];
  /** The sum of the best weight of each paste word the index knows: the score of an article holding all of them. */
  reach: number;
}

/** The articles sharing the most weight of the paste's distinct words (trace/text-words.ts pasteWords), best first. */
export function rankText(index: TextIndex, words: readonly string[], limit: number): TextAnswer {
  const acc = index.scratch;
  const touched = index.touched;
  const counts = index.counts;
  let count = 0;
  const common = Math.max(50, index.articles * COMMON_SHARE);
  let reach = 0;
  for (const w of words) {
    const list = index.postings.get(w);
    if (!list || list.docs.length > common) continue;
    const { docs, weights } = list;
    reach += list.best;
    for (let k = 0; k < docs.length; k++) {
      const d = docs[k]!;
      const before = acc[d]!;
      if (before === 0) touched[count++] = d;
      acc[d] = before + weights[k]!;
      counts[d]!++;
    }
  }
  const ranked = topOf(touched, count, acc, limit).map((r) => ({ ...r, shared: counts[r.sig]! }));
  for (let k = 0; k < count; k++) {
    acc[touched[k]!] = 0;
    counts[touched[k]!] = 0;
  }
  return { ranked, reach };
}

/** The `limit` best of the first `count` touched slots, best first (ties: lower position first). */
function topOf(touched: Int32Array, count: number, acc: Float64Array, limit: number): { sig: number; score: number }[] {
  const best: { sig: number; score: number }[] = [];
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
