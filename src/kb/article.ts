/**
 * `parseArticle`: one KB article (archive file or flattened paste) → a Signature. Only what cannot be a
 * signature is rejected (no DOCUMENT header, no article id, no title); everything else yields a signature
 * with what could be read.
 */
import { ErrorCode, KbBotError } from '../errors.js';
import type { Rollback, Signature } from '../model.js';
import { parseTraces } from '../trace/index.js';
import { parseFileTables } from './file-table.js';
import { classifyFix } from './fix.js';
import { parseHeader } from './header.js';
import { layoutFlattened, layoutFormatted, type ArticleLayout, type Section } from './layout.js';
import { findArticleBugchecks, findArticleEvents, findFaultModules, withoutReferenceLines } from './clue-facts.js';
import { findArticleIds, findEventIds, findExceptionCodes, findStopCodes, withoutCitedTitles } from './references.js';
import { mayHoldStackFrame } from './prechecks.js';
import { findRollbackWarnings } from './rollback.js';
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

/** Collapsed text of every section with one of `keys`, in article order. */
function sectionProse(sections: readonly ProseSection[], ...keys: string[]): string {
  let out = '';
  for (const s of sections) {
    if (keys.includes(s.key) && s.prose) out = out ? `${out} ${s.prose}` : s.prose;
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

export function parseArticle(raw: string): Signature {
  const { text, layout } = layoutOf(raw);
  const header = parseHeader(layout.header, layout.footer);
  if (!header.id) throw reject('no article id');
  const title = collapseWhitespace(header.title);
  if (!title) throw reject('no title', { id: header.id });

  const bodySections: Section[] = layout.sections.length > 0 ? layout.sections : [{ heading: '', key: '', body: layout.body }];
  const sections: ProseSection[] = bodySections.map((s) => ({ key: s.key, prose: collapseWhitespace(s.body) }));
  const fixProse = sectionProse(sections, 'RESOLUTION', 'STATUS', 'WORKAROUND') || collapseWhitespace(layout.body);
  const { files, packages } = parseFileTables(text);
  const rollback: Rollback[] = sections.flatMap((s) => findRollbackWarnings(s.prose));
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
    cause: withoutTraceNoise(sectionProse(sections, 'CAUSE')),
    status: sectionProse(sections, 'STATUS'),
    traces: mayHoldStackFrame(layout.body) ? parseTraces(layout.body) : [],
    fix: classifyFix({ prose: fixProse, workaround: sectionProse(sections, 'WORKAROUND') }),
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
    source: 'ingest',
  };
}
