/**
 * A cause said outside a CAUSE section ("This error may occur if ...", "... is caused by ...", "Because ..."), with
 * the list it introduces: "This error can be caused by one of the following: - A. - B." is one cause, and stopping
 * after its first item would cut the list silently (issue 8).
 */
import { type CauseList, loadCauseRules } from './cause-rules.js';
import { withoutTraceNoise } from './prose.js';
import { collapseWhitespace, splitSentences } from './text.js';

export interface RawSection {
  key: string;
  /** The section as printed, line breaks kept. */
  body: string;
}

/** The wording lists (rules/stated-cause.txt), read and checked once, when this module loads. */
const W = loadCauseRules();
const alt = (list: CauseList): string => W.alt(list);

/**
 * The cause sentence's wording (rules/stated-cause.txt): "<verb> (only) <conjunction>" ("occurs if") or "<modal>
 * (hedge) <cause-by>" ("is usually caused by"), matched in lower case as printed mid-sentence; or "This is because"
 * anywhere and "Because" as its opener, in any case.
 * (Not "this problem does not occur if ...": when it does not happen says nothing of why it does.)
 */
const CAUSE_WORDS = new RegExp(
  [
    String.raw`(?<!\bnot |n't |\bnever )\b${alt('cause-verb')} (?:${alt('cause-verb-hedge')} )?${alt('cause-conjunction')}\b`,
    String.raw`\b${alt('cause-modal')} (?:${alt('cause-hedge')} )?${alt('cause-by')}\b`,
  ].join('|'),
);
const CAUSE_LEAD = new RegExp(String.raw`\b${alt('cause-phrase')}\b|^${alt('cause-opener')}\b`, 'i');

/** Where the sentence's cause wording starts, or -1 when it states no cause. */
function causeWordsAt(sentence: string): number {
  const at = [CAUSE_WORDS.exec(sentence)?.index, CAUSE_LEAD.exec(sentence)?.index].filter((i): i is number => i !== undefined);
  return at.length === 0 ? -1 : Math.min(...at);
}

/** The sentence opens a list: it ends with a colon, or the splitter cut it after the list's first item. */
// ("This can occur if: 1.": the splitter may end the sentence at the first item's number.)
const OPENS_LIST = /:$|: (- |-or- |\* |o |\d{1,2}[.)]( |$))/;

/** A list item's paragraph: indented, or led by a bullet, a number or "-or-". */
const LIST_PARAGRAPH = /^([ \t]|[-*•o] |\d{1,2}[.)] |-or-)/i;

/** At most this much list is kept: a reader wants the causes, not the rest of the article behind a missed end. */
const MAX_LIST = 3000;

/**
 * A sentence that no longer explains the cause: an instruction ("Have the user try again.", "Please use ..."), a
 * remedy, status or note ("If this happens, enable ...", "To work around ...", "A future version may address this problem.", "This is by design."),
 * a pointer elsewhere, or one opening a list of its own. The cause stops before it. The wording: rules/stated-cause.txt.
 */
const ENDS_CAUSE = new RegExp(
  [
    String.raw`^if ${alt('ends-if')}\b[^,]{0,40}, `,
    String.raw`^\(?${alt('ends-opener')}\b`,
    String.raw`\b${alt('ends-aside')}\b`,
    String.raw`\b(?:${alt('ends-remedy')}|${alt('remedy-verb')}(?:es|s|ed)? ${alt('remedy-determiner')} ${alt('remedy-object')}|you ${alt('you-advice')})\b`,
    String.raw`\byou ${alt('you-see-modal')} (?:also )?${alt('you-see-verb')}\b`,
    String.raw`\b${alt('remedied-modal')} be ${alt('remedied')}\b`,
    String.raw`\b${alt('not-occur-aux')} not ${alt('not-occur-verb')}`,
    String.raw`^${alt('ends-pointer')}\b`,
    ':$',
  ].join('|'),
  'i',
);

/**
 * A sentence that goes on with the cause points back to it or carries it on ("this creates", "Therefore, ...", "such a
 * store", "since ...", "may cause"); one without such a link starts another fact of the paragraph (a side note, a
 * contrast, another symptom), read over the archive as often past the cause as part of it.
 */
const CARRIES_CAUSE = new RegExp(String.raw`\b${alt('carries-cause')}\b`, 'i');

/** At most this much of the paragraph is kept after the cause sentence. */
const MAX_EXPLANATION = 800;

/**
 * The sentences after the cause sentence, while they go on explaining it ("If you advance the clock, this creates a
 * larger negative number.") or state another cause of the same problem ("The problem also occurs when you use the
 * updated redirector."): an explanation cut after its first sentence reads as the whole cause (issue 8). It ends with
 * the cause sentence's paragraph, unless the next paragraph opens with a cause of its own ("This issue only occurs if
 * the MTA is not shut down properly ..."): read blind over the archive, a stated cause cut at its paragraph's end was
 * the most frequent short cause. (A sentence merely naming what the cause named, "MSACM is used for playing
 * compressed files.", was tried as a link too: over the archive it as often added background or a remedy as cause.)
 */
function explanationAfter(body: string, sentence: string): string {
  const flat = collapseWhitespace(sentence);
  const [head, tail] = [flat.slice(0, 40), flat.slice(-40)];
  const paragraphs = body.split(/\n[ \t]*\n/).map(collapseWhitespace);
  const at = paragraphs.findIndex((p) => p.includes(tail));
  const paragraph = paragraphs[at];
  if (paragraph === undefined) return '';
  // The tail after the sentence's own head: its last words may also end an earlier sentence of the paragraph.
  const end = paragraph.indexOf(tail, Math.max(0, paragraph.indexOf(head))) + tail.length;
  const kept: string[] = [];
  let length = 0;
  const goesOn = (next: string) => !ENDS_CAUSE.test(next) && (CARRIES_CAUSE.test(next) || causeWordsAt(next) >= 0) && length + next.length <= MAX_EXPLANATION;
  let rest = paragraph.slice(end).trim();
  for (let i = at + 1; ; i++) {
    let whole = true;
    for (const next of splitSentences(rest)) {
      if (!goesOn(next)) {
        whole = false;
        break;
      }
      kept.push(next);
      length += next.length;
    }
    if (!whole) break;
    // The whole paragraph explained the cause: the next one goes on only when it opens like a sentence stating one.
    while (i < paragraphs.length && paragraphs[i] === '') i++;
    const next = paragraphs[i];
    if (next === undefined || !/^["'(]?[A-Z]/.test(next)) break;
    const first = splitSentences(next)[0] ?? '';
    if (causeWordsAt(first) < 0 || !goesOn(first)) break;
    rest = next;
  }
  return kept.join(' ');
}

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

/**
 * The cause sentence from the start of the paragraph holding its cause words: printed text ends a sentence at a
 * paragraph break, but a message block before it has no period, so the splitter glues the symptom and its message
 * onto the cause ("When you print ... the following error: ERROR: invalidaccess ... This problem occurs when you
 * use ..."). Kept whole when that paragraph does not open like a sentence (a list item: "- B.ocx This occurs only if").
 */
function fromItsParagraph(body: string, sentence: string): string {
  if (!body.includes('\n')) return sentence;
  const at = causeWordsAt(sentence);
  const words = sentence.slice(at, at + 40);
  const paragraph = body.split(/\n[ \t]*\n/).map(collapseWhitespace).find((p) => p.includes(words));
  if (paragraph === undefined || !/^["'(]?[A-Z]/.test(paragraph)) return sentence;
  const k = sentence.indexOf(paragraph.slice(0, 30));
  return k > 0 && k <= at ? sentence.slice(k) : sentence;
}

/**
 * Sections read for a stated cause, in order, and whether the cause sentence must open the section. A RESOLUTION or
 * WORKAROUND may open with the cause ("This error is generated when attempting to sign into a version 3.0 Mail
 * server using version 3.1 of the workstation."); further in, a cause sentence there is a side note of the fix.
 */
const CAUSE_SECTIONS: readonly { key: string; opening: boolean }[] = [
  { key: 'SYMPTOMS', opening: false },
  { key: 'SUMMARY', opening: false },
  { key: 'MORE INFORMATION', opening: false },
  // '' is the body of an article printed without section headings.
  { key: '', opening: false },
  { key: 'RESOLUTION', opening: true },
  { key: 'WORKAROUND', opening: true },
];

/**
 * A fix section's first sentence that states the cause: by its cause words ("This error is generated when ..."), not
 * a "Because ..." lead, which there as often gives a reason for the fix ("Because parentheses have no effect ..., do
 * not use them", "Because ... require ..., a hotfix is available"); nor a "No errors occur if ..." (when it does not
 * happen), nor one that no longer explains (a remedy, an instruction).
 */
function opensFixWithCause(sentence: string): boolean {
  return CAUSE_WORDS.test(sentence) && !/^no\b/i.test(sentence) && !ENDS_CAUSE.test(sentence);
}

/** The first cause sentence of the symptoms, summary, more information or unheaded body (or the opening one of the fix), with its list. */
export function statedCause(sections: readonly RawSection[]): string {
  for (const { key, opening } of CAUSE_SECTIONS) {
    for (const section of sections) {
      if (section.key !== key) continue;
      const sentences = splitSentences(collapseWhitespace(section.body));
      const i = opening ? (opensFixWithCause(sentences[0] ?? '') ? 0 : -1) : sentences.findIndex((s) => causeWordsAt(s) >= 0);
      const printed = sentences[i];
      if (printed === undefined) continue;
      const sentence = fromItsParagraph(section.body, printed);
      // The colon must follow the cause words: a list before them ("A.ocx - B.ocx This occurs only if ...") is not its.
      if (!OPENS_LIST.test(sentence.slice(causeWordsAt(sentence)))) {
        // A flattened article has no paragraphs to tell where the explanation ends: its sentence stands alone.
        const more = section.body.includes('\n') ? explanationAfter(section.body, sentence) : '';
        return withoutTraceNoise(more ? `${sentence} ${more}` : sentence);
      }
      // A flattened article has no paragraphs: the list is the sentences that follow led by a bullet.
      // A number the splitter left on the sentence belongs to the list's first item.
      const lead = sentence.replace(/: \d{1,2}[.)]$/, ':');
      const list = section.body.includes('\n') ? listAfter(section.body, lead) : bulletsAfter(sentences, i);
      return withoutTraceNoise(list ? `${lead} ${list}` : sentence);
    }
  }
  return '';
}
