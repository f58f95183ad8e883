/**
 * A text's words as the free-text route cuts them, for articles (match/text-index.ts) and pastes alike: lower
 * case, names with dots kept whole (`winword.exe`, `0x0000000a`), and only the commonest function words dropped
 * (the index's IDF discounts the rest). A paste's words are its distinct words, in order, up to a cap: a long
 * log's words past it add noise, not evidence.
 */

/** Function words and the words every error report says; kept short, the IDF does the rest. */
const STOP_WORDS = new Set(
  'a an and are as at be by can for from has have if in into is it its may not of on or that the then this to was were when which will with you your following error message'.split(' '),
);

/** Longer tokens are hashes, base64 or run-together junk, not words anyone types. */
const MAX_WORD = 40;
/** Distinct words a paste gives the text route. */
export const MAX_PASTE_WORDS = 400;

const WORD = /[a-z0-9](?:[a-z0-9_.]*[a-z0-9])?/g;

export function textWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length > 1 && w.length <= MAX_WORD && !STOP_WORDS.has(w)) out.push(w);
  }
  return out;
}

/** The paste's distinct words, first seen first. */
export function pasteWords(text: string): string[] {
  const seen = new Set<string>();
  for (const w of textWords(text)) {
    if (seen.size >= MAX_PASTE_WORDS) break;
    seen.add(w);
  }
  return [...seen];
}
