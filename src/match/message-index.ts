/**
 * The index of the error messages articles print (signature `errorMessages`), built once at load:
 * every message cut into words by the tokenizer pastes go through (trace/error-messages.ts), word
 * ids with their rarity (IDF over the articles printing messages), and postings from words and
 * adjacent word pairs to messages. A paste touches only the postings of its own rarest words.
 */
import type { Signature } from '../model.js';
import { isFileList, messageTokens } from '../trace/error-messages.js';

/** A message's token: a word id, or VAR for an insertion string. */
export const VAR = -1;

export interface IndexedMessage {
  sig: number;
  /** The template as the article prints it (insertion strings marked). */
  template: string;
  tokens: readonly number[];
  /** Sum of the IDF of its words: what the whole message says. */
  weight: number;
}

export interface MessageIndex {
  messages: IndexedMessage[];
  vocab: Map<string, number>;
  /** IDF per word id. */
  idf: Float64Array;
  /** Word id → messages holding it (ascending, no repeats). */
  words: (readonly number[])[];
  /** Adjacent word pair (`pairKey(pairBase, a, b)`) → messages holding it: found for messages whose words are all common. */
  pairs: Map<number, readonly number[]>;
  /** The pair key's base: the vocabulary's size, so keys stay small integers (V8's fast map keys) for any vocabulary under 32,768 words. */
  pairBase: number;
  /** Articles printing a message, the N of the IDF. */
  articles: number;
  /** Per message, its twin group: messages printing the same text (same `twinKey`); groups are numbered from 0. */
  twinGroup: Int32Array;
  /** Per twin group, the articles printing it (ascending, no repeats). */
  groupArticles: (readonly number[])[];
}

/**
 * Words at least this common (IDF under it: in more than about one article of seven printing a
 * message: "the", "is", "this", "not") do not tell two messages apart: "Command not available" and
 * "This command is not available" are one message.
 */
export const TWIN_WEAK_IDF = 2;

/** A message's twin key: its word ids in order, insertion strings and the commonest words dropped. */
export function twinKey(tokens: readonly number[], idf: Float64Array): string {
  let key = '';
  for (const id of tokens) if (id !== VAR && idf[id]! >= TWIN_WEAK_IDF) key += `${id},`;
  // a message of common words only is its own words (`Access is denied`)
  if (key === '') for (const id of tokens) if (id !== VAR) key += `${id},`;
  return key;
}

export function pairKey(pairBase: number, a: number, b: number): number {
  return a * pairBase + b;
}

export function buildMessageIndex(signatures: readonly Signature[]): MessageIndex {
  const vocab = new Map<string, number>();
  const df: number[] = [];
  const messages: IndexedMessage[] = [];
  let articles = 0;
  signatures.forEach((sig, s) => {
    const list = sig.errorMessages ?? [];
    if (list.length === 0 || sig.retired) return;
    articles++;
    const seen = new Set<number>();
    for (const template of list) {
      // stores ingested before the reader left file lists out
      if (isFileList(template)) continue;
      const toks = messageTokens(template, 120);
      const ids: number[] = new Array<number>(toks.length);
      let words = 0;
      for (let k = 0; k < toks.length; k++) {
        const t = toks[k]!;
        if (t.var) {
          ids[k] = VAR;
          continue;
        }
        let id = vocab.get(t.word);
        if (id === undefined) {
          id = df.length;
          vocab.set(t.word, id);
          df.push(0);
        }
        ids[k] = id;
        words++;
        if (!seen.has(id)) {
          seen.add(id);
          df[id]!++;
        }
      }
      if (words > 0) messages.push({ sig: s, template, tokens: ids, weight: 0 });
    }
  });
  const idf = new Float64Array(df.length);
  df.forEach((d, id) => (idf[id] = Math.max(0.1, Math.log(articles / d))));
  const wordLists: number[][] = df.map(() => []);
  const pairLists = new Map<number, number[]>();
  const pairBase = Math.max(1, df.length);
  messages.forEach((m, k) => {
    let weight = 0;
    let prev = VAR;
    for (const id of m.tokens) {
      if (id === VAR) {
        prev = VAR;
        continue;
      }
      weight += idf[id]!;
      const list = wordLists[id]!;
      if (list[list.length - 1] !== k) list.push(k);
      if (prev !== VAR) {
        const key = pairKey(pairBase, prev, id);
        const pl = pairLists.get(key);
        if (!pl) pairLists.set(key, [k]);
        else if (pl[pl.length - 1] !== k) pl.push(k);
      }
      prev = id;
    }
    m.weight = weight;
  });
  // twin groups, once: articles printing the same message a common word or a slot apart
  const twinGroup = new Int32Array(messages.length);
  const groupOfKey = new Map<string, number>();
  const groupArticles: number[][] = [];
  messages.forEach((m, k) => {
    const key = twinKey(m.tokens, idf);
    let g = groupOfKey.get(key);
    if (g === undefined) {
      g = groupArticles.length;
      groupOfKey.set(key, g);
      groupArticles.push([]);
    }
    twinGroup[k] = g;
    const list = groupArticles[g]!;
    // messages come in signature order, so an article already listed is the last one
    if (list[list.length - 1] !== m.sig) list.push(m.sig);
  });
  return { messages, vocab, idf, words: wordLists, pairs: pairLists, pairBase, articles, twinGroup, groupArticles };
}
