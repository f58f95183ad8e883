/**
 * The article's header block (`DOCUMENT:`, `TITLE   :`, `PRODUCT :`, `PROD/VER:`, `OPER/SYS:`, `KEYWORDS:`)
 * and footer metadata (`Keywords :`, `Solution Type :` ...). Both are read from collapsed text by label,
 * so the formatted archive file and a flattened paste give the same values.
 */
import { collapseWhitespace } from './text.js';

export interface ArticleHeader {
  /** Canonical id from the DOCUMENT line, when it has one. */
  id?: string;
  /** ISO date from the DOCUMENT line (`08-MAY-2002` → `2002-05-08`). */
  published?: string;
  title: string;
  product: string;
  versions: string[];
  keywords: string[];
}

const MONTHS: Readonly<Record<string, string>> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06',
  JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

const HEADER_LABEL = /(?:^| )(DOCUMENT|TITLE|PRODUCT|PROD\/VER|OPER\/SYS|KEYWORDS) ?:/g;
const FOOTER_LABEL = /(?:^| )(Keywords|Technology|Version|Issue type|Solution Type|Hardware|Platform|Product) ?:/g;

/** Splits collapsed `LABEL: value LABEL: value` text into a map; the first occurrence of a label wins. */
function readLabelled(collapsed: string, labels: RegExp): Map<string, string> {
  const hits: { label: string; start: number; end: number }[] = [];
  for (const m of collapsed.matchAll(labels)) {
    const label = m[1] ?? '';
    hits.push({ label, start: m.index, end: m.index + m[0].length });
  }
  const fields = new Map<string, string>();
  hits.forEach((hit, i) => {
    const next = hits[i + 1];
    if (!fields.has(hit.label)) fields.set(hit.label, collapsed.slice(hit.end, next ? next.start : undefined).trim());
  });
  return fields;
}

/** `08-MAY-2002` (any case, one- or two-digit day) → `2002-05-08`. */
export function documentDate(value: string): string | undefined {
  const m = /\b(\d{1,2})-([A-Za-z]{3})-(\d{4})\b/.exec(value);
  if (!m) return undefined;
  const month = MONTHS[(m[2] ?? '').toUpperCase()];
  return month ? `${m[3]}-${month}-${(m[1] ?? '').padStart(2, '0')}` : undefined;
}

/**
 * `PROD/VER` values: `WINDOWS:97`, `winnt:4.0,5.0`, `:5.5`, `:` (empty), `2.00 2.5x`, `WINDOWS:97; MACINTOSH:98`,
 * `winnt:4.0 SP4` → the version strings, platform words dropped.
 */
export function productVersions(value: string): string[] {
  const versions: string[] = [];
  for (const group of value.split(/[;|]/)) {
    const colon = group.lastIndexOf(':');
    const list = colon === -1 ? group : group.slice(colon + 1);
    for (const part of list.split(',')) {
      const trimmed = part.trim();
      if (!trimmed) continue;
      const words = trimmed.split(' ');
      if (words.length > 1 && words.every((w) => /^\d/.test(w))) versions.push(...words);
      else versions.push(trimmed);
    }
  }
  return [...new Set(versions)];
}

function keywordList(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(/[\s,]+/).filter((w) => w.length > 0);
}

/** Reads the header from its collapsed text (everything before the first `=====`/`-----` rule). */
export function parseHeader(headerText: string, footerText: string): ArticleHeader {
  const fields = readLabelled(collapseWhitespace(headerText), HEADER_LABEL);
  const document = fields.get('DOCUMENT') ?? '';
  const idMatch = /^Q ?(\d{1,8})\b/i.exec(document);
  const published = documentDate(document);
  const keywords = keywordList(fields.get('KEYWORDS'));
  for (const word of keywordList(footerFields(footerText).get('Keywords'))) {
    if (!keywords.includes(word)) keywords.push(word);
  }
  return {
    ...(idMatch ? { id: `Q${idMatch[1]}` } : {}),
    ...(published ? { published } : {}),
    title: fields.get('TITLE') ?? '',
    product: fields.get('PRODUCT') ?? '',
    versions: productVersions(fields.get('PROD/VER') ?? ''),
    keywords,
  };
}

/** The footer's `Label : value` fields (`Solution Type` → `kbfix`). */
export function footerFields(footerText: string): Map<string, string> {
  return readLabelled(collapseWhitespace(footerText).replace(/=+/g, ' '), FOOTER_LABEL);
}
