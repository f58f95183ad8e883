/**
 * `parseArticle`: one KB article (archive file or flattened paste) → a Signature. Only what cannot be a
 * signature is rejected (no DOCUMENT header, no article id, no title); everything else yields a signature
 * with what could be read.
 */
import { ErrorCode, KbBotError } from '../errors.js';
import type { Rollback, Signature } from '../model.js';
import { parseTraces } from '../trace/index.js';
import { parseFileTables } from './file-table.js';
import { classifyFix, designStatus, strayStatus } from './fix.js';
import { withFixStatedElsewhere } from './fix-elsewhere.js';
import { footerFields, parseHeader } from './header.js';
import { classifyArticleKind } from './kind.js';
import { withStackEvidence } from './stack-evidence.js';
import { layoutFlattened, layoutFormatted, type ArticleLayout, type Section } from './layout.js';
import { findArticleBugchecks, findArticleEvents, findFaultAddresses, findFaultModules, withoutReferenceLines } from './clue-facts.js';
import { findArticleMessages } from './message-facts.js';
import { findArticleIds, findEventIds, findExceptionCodes, findStopCodes, withoutCitedTitles } from './references.js';
import { mayHoldStackFrame } from './prechecks.js';
import { findRollbackWarnings } from './rollback.js';
import { statedCause } from './stated-cause.js';
import { cleanArticleText, collapseWhitespace, isFlattened } from './text.js';
import { withoutTraceNoise } from './prose.js';

function reject(reason: string, details: Record<string, unknown> = {}): KbBotError {
  return new KbBotError(ErrorCode.ArticleRejected, `article rejected: ${reason}`, { reason, ...details });
}

interface ProseSection {
  key: string;
  /** The section body, whitespace collapsed. */
  prose: string;
}

/**
 * Collapsed text of every section with one of `keys`, in article order; a section that ends without a sentence
 * mark ("Users: Read") gets one, so its last sentence does not run on into the next section.
 */
function sectionProse(sections: readonly ProseSection[], ...keys: string[]): string {
  let out = '';
  for (const s of sections) {
    if (!keys.includes(s.key) || !s.prose) continue;
    if (out && !/[.!?:]$/.test(out)) out += '.';
    out = out ? `${out} ${s.prose}` : s.prose;
  }
  return out;
}

function layoutOf(raw: string): { text: string; layout: ArticleLayout } {
  const cleaned = cleanArticleText(raw);
  const flattened = isFlattened(cleaned.slice(Math.max(0, cleaned.indexOf('DOCUMENT:'))));
  const text = flattened ? collapseWhitespace(cleaned) : cleaned;
  const documentAt = text.slice(0, 2000).indexOf('DOCUMENT:');
  if (documentAt === -1) throw reject('no DOCUMENT header');
  const article = text.slice(documentAt);
  return { text: article, layout: flattened ? layoutFlattened(article, 0) : layoutFormatted(article, 0) };
}

/**
 * A section body without the cited-article titles printed as list items on their own lines ("   Q218922 Installing
 * NTOP ... Event IDs 1009 and 1058"), each with its indented continuation lines: such a title has no period, so read
 * from collapsed text it would run on into the sentence after it. Other cited titles are removed after collapsing.
 */
function withoutCitedTitleLines(body: string): string {
  if (!body.includes('\n')) return body;
  const lines = body.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const item = /^( *)Q\d{5,7}:? (?=[A-Z"'])/.exec(lines[i] ?? '');
    if (!item) {
      kept.push(lines[i] ?? '');
      continue;
    }
    const indent = item[1]?.length ?? 0;
    while (i + 1 < lines.length && /\S/.test(lines[i + 1] ?? '') && /^ */.exec(lines[i + 1] ?? '')![0].length >= Math.max(1, indent) && !/^ *Q\d{5,7}\b/.test(lines[i + 1] ?? '')) i++;
    // "... in the Microsoft Knowledge Base:" introduced the title; without it, it ends a sentence.
    for (let k = kept.length - 1; k >= 0; k--) {
      if (!/\S/.test(kept[k] ?? '')) continue;
      kept[k] = (kept[k] ?? '').replace(/:\s*$/, '.');
      break;
    }
    kept.push('');
  }
  return kept.join('\n');
}

/** "For more information ..., see the following article in the Microsoft Knowledge Base:" and the like, opening a sentence. */
const POINTER = /(?:^\s*\(?|(?<=[.!?:]\)?\s+\(?))(?:for (?:more|additional|further) information|for information|for details|see (?:also )?the following|please see|to view)\b/gi;
const CITED_TITLE = /^\s*(Q\d{5,7}\b|ARTICLE-ID:|TITLE\s*:)/;

/**
 * A section body without the pointer it closes with (a "For more information, see ... Knowledge Base:" sentence and
 * the cited titles after it): the card's cause is the article's cause, and a pointer elsewhere is not part of it
 * (issue 8). Only a pointer followed by nothing but cited titles is taken off.
 */
export function withoutClosingPointer(body: string): string {
  // A section may close with several pointers in a row ("For information about A, see …", then B, then C): all go, or
  // the cause would end on the titles of the ones left.
  for (let rest = body; ; ) {
    const kept = withoutLastPointer(rest);
    if (kept === rest) return rest;
    rest = kept;
  }
}

function withoutLastPointer(body: string): string {
  const paragraphs = body.split(/\n[ \t]*\n/);
  let end = paragraphs.length;
  while (end > 0 && (!/\S/.test(paragraphs[end - 1] ?? '') || CITED_TITLE.test(paragraphs[end - 1] ?? ''))) end--;
  const last = paragraphs[end - 1] ?? '';
  // The titles may follow the pointer in its own paragraph, on the next lines.
  const titled = end < paragraphs.length || /\n\s*(Q\d{5,7}\b|ARTICLE-ID:)/.test(last);
  if (end < 1 || !titled) return body;
  for (const m of last.matchAll(POINTER)) {
    if (!/\b(knowledge base|articles?)\b/i.test(last.slice(m.index))) continue;
    const kept = [...paragraphs.slice(0, end - 1), last.slice(0, m.index)].join('\n\n').trimEnd();
    return /\S/.test(kept) ? kept : body;
  }
  return body;
}

/**
 * A section's prose for rollback warnings, cut where a paragraph ends without a sentence's end (a list of files, a
 * heading): collapsed, "... contained the following files: Lsasrv.dll ... Uninst.inf" would run on into the sentence
 * after it ("Although this directory was created, there is no way to uninstall the hotfix.") and lend it its words.
 */
const HEADING_LINE = /^ *(?![-*\u2022] |\d+[.)] |[a-z][.)] )[^\n.!?:;]{1,80}[^\n.!?:;,"')] *(\n *[-=]{3,} *)?$/;

function rollbackBlocks(body: string): string[] {
  const blocks: string[] = [];
  let open: string[] = [];
  for (const paragraph of withoutCitedTitleLines(body).split(/\n[ \t]*\n/)) {
    if (!/\S/.test(paragraph)) continue;
    open.push(paragraph);
    if (!/[.!?:;,"')]\s*$/.test(paragraph)) {
      blocks.push(open.join('\n'));
      open = [];
    }
  }
  if (open.length > 0) blocks.push(open.join('\n'));
  // A heading on its own line ("Step 4 - Reinstall Windows NT Service Pack") names the warning its paragraph gives.
  return blocks
    .filter((b) => !HEADING_LINE.test(b.replace(/^\s*\n/, '')))
    .map((b) => withoutCitedTitles(collapseWhitespace(b))).filter((b) => b !== '');
}

export function parseArticle(raw: string): Signature {
  const { text, layout } = layoutOf(raw);
  const header = parseHeader(layout.header, layout.footer);
  if (!header.id) throw reject('no article id');
  const title = collapseWhitespace(header.title);
  if (!title) throw reject('no title', { id: header.id });

  const bodySections: Section[] = layout.sections.length > 0 ? layout.sections : [{ heading: '', key: '', body: layout.body }];
  const sections: ProseSection[] = bodySections.map((s) => ({ key: s.key, prose: collapseWhitespace(s.body) }));
  // Fix and rollback prose: cited titles out, the line-printed ones before collapsing.
  const uncited: ProseSection[] = bodySections.map((s) => ({ key: s.key, prose: withoutCitedTitles(collapseWhitespace(withoutCitedTitleLines(s.body))) }));
  // Cited titles ("Q191014 XGEN: How to Obtain the Latest ... Service Pack") name no fix; each section is cleaned
  // apart, as a title ends at its section's end.
  const fixSections = uncited.filter((s) => ['RESOLUTION', 'STATUS', 'WORKAROUND'].includes(s.key));
  // Without fix sections the body is read for the fix; its first 64 KB hold it in any real article, and a hostile
  // paste costs no more.
  // An article with a RESOLUTION or WORKAROUND but no STATUS may state its status elsewhere ("Microsoft has
  // confirmed this to be a problem ... This problem was corrected in Encarta 1995." in MORE INFORMATION).
  // So may its CAUSE ("This is by design. Microsoft Publisher uses the shared component ...").
  const stray = fixSections.length > 0 && !fixSections.some((s) => s.key === 'STATUS')
    ? [uncited.filter((s) => !['RESOLUTION', 'STATUS', 'WORKAROUND'].includes(s.key)).map((s) => strayStatus(s.prose)).find((t) => t !== '') ?? '', designStatus(sectionProse(uncited, 'CAUSE'))].filter((t) => t !== '').join(' ')
    : '';
  // (A status said elsewhere is a sentence of its own, even after a section that ends without a period: 'Reference."'.)
  const fixText = sectionProse(fixSections, 'RESOLUTION', 'STATUS', 'WORKAROUND');
  const fixProse = [fixText, stray].filter((t) => t !== '').join(/[.!?]$/.test(fixText) ? ' ' : '. ') || withoutCitedTitles(collapseWhitespace(layout.body.slice(0, 65_536)));

  const { files, packages } = parseFileTables(text);
  const rollback: Rollback[] = bodySections.flatMap((s) => {
    // A readme prints the same note in each of its parts; the card counts warnings, not copies.
    const seen = new Set<string>();
    return rollbackBlocks(s.body).flatMap((b) => findRollbackWarnings(b, title)).filter((w) => !seen.has(w.text) && seen.add(w.text));
  });
  const body = collapseWhitespace(layout.body);
  const issueType = footerFields(layout.footer).get('Issue type')?.split(' ')[0]?.toLowerCase();
  const articleKind = classifyArticleKind({
    title,
    sections: sections.map((s) => s.key),
    ...(issueType ? { issueType } : {}),
    keywords: header.keywords,
    opening: (sectionProse(sections, 'SUMMARY') || body).slice(0, 400),
    lead: body.slice(0, 4000),
  });
  const codeText = [title, ...sections.map((s) => withoutCitedTitles(s.prose))].join(' ');
  const clueText = `${title}\n\n${layout.body.includes('\n') ? withoutReferenceLines(layout.body) : withoutCitedTitles(layout.body)}`;
  const bugchecks = findArticleBugchecks(clueText);

  return {
    id: header.id,
    title,
    product: collapseWhitespace(header.product),
    versions: header.versions,
    ...(header.published ? { published: header.published } : {}),
    keywords: header.keywords,
    symptoms: withoutTraceNoise(sectionProse(sections, 'SYMPTOMS') || sectionProse(sections, 'SUMMARY')),
    cause: withoutTraceNoise(sectionProse(bodySections.map((s) => ({ key: s.key, prose: s.key === 'CAUSE' ? collapseWhitespace(withoutClosingPointer(s.body)) : '' })), 'CAUSE')) || (articleKind === 'problem' ? statedCause(bodySections) : ''),
    status: sectionProse(sections, 'STATUS'),
    traces: mayHoldStackFrame(layout.body) ? withStackEvidence(parseTraces(layout.body), body, layout.body) : [],
    articleKind,
    // A problem article with no RESOLUTION or WORKAROUND may state its fix in another section ("To correct the WIN.INI file: ...").
    fix: withFixStatedElsewhere(
      classifyFix({ prose: fixProse, workaround: sectionProse(sections, 'WORKAROUND'), resolution: sectionProse(fixSections, 'RESOLUTION'), body,
        stepsText: { resolution: sectionProse(sections, 'RESOLUTION'), workaround: sectionProse(sections, 'WORKAROUND') } }),
      articleKind,
      uncited.map((s, i) => ({ key: s.key, prose: s.prose, printed: sections[i]?.prose ?? s.prose })),
      body,
    ),
    files,
    packages,
    rollback,
    related: findArticleIds(layout.body).filter((id) => id !== header.id),
    eventIds: findEventIds(codeText),
    stopCodes: findStopCodes(codeText),
    exceptionCodes: findExceptionCodes(codeText),
    events: findArticleEvents(clueText),
    bugchecks,
    faultModules: findFaultModules(title, clueText, bugchecks),
    faultAddresses: findFaultAddresses(clueText),
    errorMessages: findArticleMessages(clueText),
    source: 'ingest',
  };
}
