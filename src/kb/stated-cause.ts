/**
 * A cause said outside a CAUSE section ("This error may occur if ...", "... is caused by ...", "Because ..."), with
 * the list it introduces: "This error can be caused by one of the following: - A. - B." is one cause, and stopping
 * after its first item would cut the list silently (issue 8).
 */
import { withoutTraceNoise } from './prose.js';
import { collapseWhitespace, splitSentences } from './text.js';

export interface RawSection {
  key: string;
  /** The section as printed, line breaks kept. */
  body: string;
}

const CAUSE_SENTENCE = /\b(occurs?|happens?|appears?|is generated|is displayed) (only )?(because|if|when)\b|\b(is|are|was|were|may be|might be|can be) (probably |usually |often )?(caused by|due to)\b|\b[Tt]his is because\b|^Because\b/;

/** The sentence opens a list: it ends with a colon, or the splitter cut it after the list's first item. */
const OPENS_LIST = /:$|: (- |-or- |\* |o |\d{1,2}[.)] )/;

/** A list item's paragraph: indented, or led by a bullet, a number or "-or-". */
const LIST_PARAGRAPH = /^([ \t]|[-*•o] |\d{1,2}[.)] |-or-)/i;

/** At most this much list is kept: a reader wants the causes, not the rest of the article behind a missed end. */
const MAX_LIST = 3000;

/** The paragraphs after the one holding the sentence's end, while they are list items. */
function listAfter(body: string, sentence: string): string {
  const paragraphs = body.split(/\n[ \t]*\n/);
  const tail = collapseWhitespace(sentence).slice(-40);
  const at = paragraphs.findIndex((p) => collapseWhitespace(p).includes(tail));
  if (at === -1) return '';
  const holder = collapseWhitespace(paragraphs[at] ?? '');
  const parts = [holder.slice(holder.indexOf(tail) + tail.length).trim()];
  let length = parts[0]?.length ?? 0;
  for (const paragraph of paragraphs.slice(at + 1)) {
    if (!/\S/.test(paragraph)) continue;
    if (!LIST_PARAGRAPH.test(paragraph.replace(/^\n+/, '')) || length > MAX_LIST) break;
    const text = collapseWhitespace(paragraph);
    parts.push(text);
    length += text.length;
  }
  return parts.filter(Boolean).join(' ');
}

/** Flattened text: the sentences after the i-th while each is led by a bullet. */
function bulletsAfter(sentences: readonly string[], i: number): string {
  const items: string[] = [];
  for (const s of sentences.slice(i + 1)) {
    if (!/^(- |-or- |\* |\d{1,2}[.)] )/.test(s)) break;
    items.push(s);
  }
  return items.join(' ');
}

/** The first cause sentence of the symptoms, summary, more information or unheaded body, with its list. */
export function statedCause(sections: readonly RawSection[]): string {
  // '' is the body of an article printed without section headings.
  for (const key of ['SYMPTOMS', 'SUMMARY', 'MORE INFORMATION', '']) {
    for (const section of sections) {
      if (section.key !== key) continue;
      const sentences = splitSentences(collapseWhitespace(section.body));
      const i = sentences.findIndex((s) => CAUSE_SENTENCE.test(s));
      const sentence = sentences[i];
      if (sentence === undefined) continue;
      // The colon must follow the cause words: a list before them ("A.ocx - B.ocx This occurs only if ...") is not its.
      if (!OPENS_LIST.test(sentence.slice(CAUSE_SENTENCE.exec(sentence)?.index ?? 0))) return withoutTraceNoise(sentence);
      // A flattened article has no paragraphs: the list is the sentences that follow led by a bullet.
      const list = section.body.includes('\n') ? listAfter(section.body, sentence) : bulletsAfter(sentences, i);
      return withoutTraceNoise(list ? `${sentence} ${list}` : sentence);
    }
  }
  return '';
}
