/**
 * A text's words as the free-text route cuts them, for articles (match/text-index.ts) and pastes alike: lower
 * case, names with dots kept whole (`winword.exe`, `0x0000000a`), and only the commonest function words dropped
 * (rules/text-words.txt; the index's IDF discounts the rest). A paste's words are its distinct words, in order, up to
 * a cap: a long log's words past it add noise, not evidence.
 */
import { loadRuleLists } from './rule-lists.js';

/** Function words and the words every error report says (rules/text-words.txt), read and checked once, at load. */
const STOP_WORDS = loadRuleLists<'stop-words'>('text-words.txt', { lists: ['stop-words'], wordLists: new Set(['stop-words']) }).words('stop-words');

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

/**
 * Markup tags (`<EventID Qualifiers="49152">`, `<Provider Name="…" />`, an HTML error page's `<font face=…>`): the
 * layout of an XML view or a web page, not what the person saw; the values between tags stay.
 */
const MARKUP_TAG = /<\/?[A-Za-z][\w:.-]{0,40}(?:\s[^<>\n]{0,300})?\/?>/g;

/** The paste's distinct words, first seen first. */
export function pasteWords(text: string): string[] {
  const seen = new Set<string>();
  for (const w of textWords(text.replace(MARKUP_TAG, ' '))) {
    if (seen.size >= MAX_PASTE_WORDS) break;
    seen.add(w);
  }
  return [...seen];
}
