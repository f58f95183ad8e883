/**
 * Splits a cleaned article into header, body sections and footer. Formatted text is scanned line by line;
 * flattened text (every line break collapsed) is scanned for the same landmarks: header labels, section
 * headings followed by a run of `=` exactly as long as the heading, `Additional query words:` before the footer.
 */

export interface Section {
  /** The heading as printed (`MORE INFORMATION`, `Symptoms:`). */
  heading: string;
  /** Canonical name: upper case, trailing colons dropped, singular forms merged (`SYMPTOM` → `SYMPTOMS`). */
  key: string;
  body: string;
}

export interface ArticleLayout {
  header: string;
  /** Everything between the header and the footer, sections included. */
  body: string;
  sections: Section[];
  footer: string;
}

const ALIASES: Readonly<Record<string, string>> = {
  SYMPTOM: 'SYMPTOMS',
  CAUSES: 'CAUSE',
  WORKAROUNDS: 'WORKAROUND',
  'MORE INFO': 'MORE INFORMATION',
  REFERENCE: 'REFERENCES',
};

/** Section names recognised even when underlined with `-`, `*`, `_` or not underlined at all. */
const KNOWN = new Set(['SYMPTOMS', 'SYMPTOM', 'CAUSE', 'CAUSES', 'RESOLUTION', 'STATUS', 'WORKAROUND', 'WORKAROUNDS', 'MORE INFORMATION', 'SUMMARY', 'REFERENCES']);

/**
 * `Cause:` / `RESOLUTION:` at the start of a paragraph, the body following on the same line or the next:
 * found the same way in formatted and flattened text (after a sentence end, followed by a capital).
 */
const COLON_NAMES = 'Symptoms?|Causes?|Resolution|Status|Workarounds?|More Information|Summary|References|SYMPTOMS?|CAUSES?|RESOLUTION|STATUS|WORKAROUNDS?|MORE INFORMATION|SUMMARY|REFERENCES';
const COLON_HEADING = new RegExp(`^((?:${COLON_NAMES}):+) ?`);
const COLON_HEADING_FLAT = new RegExp(`(?:^|(?<=[.!?:] ))((?:${COLON_NAMES}):+) (?=[A-Z0-9"'(])`, 'g');

/** Rules this long are the header/footer separators, never heading underlines. */
const MAX_UNDERLINE = 65;

export function sectionKey(heading: string): string {
  const upper = heading.replace(/:+$/, '').trim().toUpperCase();
  return ALIASES[upper] ?? upper;
}

function isKnownHeading(text: string): boolean {
  return KNOWN.has(text.replace(/:+$/, '').trim().toUpperCase());
}

/** The first non-space character code of a line, NaN for a blank line. */
function firstCode(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return line.charCodeAt(i);
}

function isRuleOf(line: string, chars: string): boolean {
  const t = line.trim();
  if (t.length < 3) return false;
  for (const ch of t) if (!chars.includes(ch)) return false;
  return true;
}

const COPYRIGHT = 'THE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE';

/** Where the body ends: the last `Additional query words:` line, else the disclaimer, else the end. */
function bodyEnd(text: string, from: number): number {
  const query = text.lastIndexOf('Additional query words:');
  if (query >= from) return query;
  const disclaimer = text.indexOf(COPYRIGHT, from);
  return disclaimer === -1 ? text.length : disclaimer;
}

function footerOf(text: string, end: number): string {
  const disclaimer = text.indexOf(COPYRIGHT, end);
  return text.slice(end, disclaimer === -1 ? undefined : disclaimer);
}

/** Formatted layout: header lines up to the first blank line or rule, headings found line by line. */
export function layoutFormatted(text: string, documentAt: number): ArticleLayout {
  const lines = text.slice(documentAt).split('\n');
  let headerLines = 0;
  while (headerLines < lines.length && headerLines < 12) {
    const line = lines[headerLines] ?? '';
    if (line.trim() === '' || isRuleOf(line, '=') || isRuleOf(line, '-')) break;
    headerLines++;
  }
  const header = lines.slice(0, headerLines).join('\n');
  const rest = lines.slice(headerLines).join('\n');
  const end = bodyEnd(rest, 0);
  const bodyLines = rest.slice(0, end).split('\n');
  const sections: Section[] = [];
  let current: { heading: string; start: number } | undefined;
  const close = (endLine: number) => {
    if (current) sections.push({ heading: current.heading, key: sectionKey(current.heading), body: bodyLines.slice(current.start, endLine).join('\n') });
  };
  for (let i = 0; i < bodyLines.length; i++) {
    const raw = bodyLines[i] ?? '';
    const nextRaw = bodyLines[i + 1] ?? '';
    // Fast path: most lines are prose followed by prose; only a rule or blank next line, or a line
    // starting like a colon heading, can make a heading.
    const nextFirst = firstCode(nextRaw);
    const couldUnderline = Number.isNaN(nextFirst) || nextFirst === 61 || nextFirst === 45 || nextFirst === 42 || nextFirst === 95;
    const first = firstCode(raw);
    const couldColon = first === 83 || first === 67 || first === 82 || first === 87 || first === 77;
    if (!couldUnderline && !couldColon) continue;
    const line = raw.trim();
    const next = nextRaw.trim();
    if (!line || isRuleOf(line, '=-*_')) continue;
    // An indented "   Cause: ..." explains one item of a list (an error message table), it opens no section.
    const colon = couldColon && raw.charCodeAt(0) !== 32 ? COLON_HEADING.exec(line) : null;
    const previous = (bodyLines[i - 1] ?? '').trim();
    if (colon && (previous === '' || /[.!?:]$/.test(previous)) && (colon[0].length < line.length || /^[A-Z0-9"'(]/.test(next))) {
      close(i);
      current = { heading: (colon[1] ?? '').trim(), start: i };
      bodyLines[i] = line.slice(colon[0].length);
      continue;
    }
    const underlined = isRuleOf(next, '=') && next.length <= MAX_UNDERLINE && Math.abs(next.length - line.length) <= 2;
    // A heading not underlined starts a paragraph with a capital: "symptoms:" ending a wrapped sentence
    // ("... can cause one of the above\nsymptoms:\n\n   8-bit QCDP") would cut the cause before its list.
    const ruled = isRuleOf(next, '-*_=');
    const opensParagraph = ruled || ((previous === '' || isRuleOf(previous, '=-*_')) && /^[A-Z]/.test(line));
    const known = line.length <= 20 && isKnownHeading(line) && (ruled || next === '' || i + 1 === bodyLines.length) && opensParagraph;
    if (!underlined && !known) continue;
    close(i);
    const skip = isRuleOf(next, '=-*_') ? 2 : 1;
    current = { heading: line, start: i + skip };
    i += skip - 1;
  }
  close(bodyLines.length);
  return { header, body: rest.slice(0, end), sections, footer: footerOf(rest, end) };
}

/** Header of a flattened paste: up to the first rule or the "applies to" block. */
function flattenedHeaderEnd(text: string): number {
  const rule = /={10}|-{10}|The information in this article applies to/.exec(text);
  return rule ? rule.index : Math.min(text.length, 1500);
}

/**
 * Flattened layout: a heading is the N characters before a run of N `=` (or a known section name before
 * a run of `-`), starting at a word boundary and followed by text rather than another rule.
 */
export function layoutFlattened(text: string, documentAt: number): ArticleLayout {
  const article = text.slice(documentAt);
  const headerEnd = flattenedHeaderEnd(article);
  const header = article.slice(0, headerEnd);
  const rest = article.slice(headerEnd);
  const end = bodyEnd(rest, 0);
  const body = rest.slice(0, end);
  const found: { heading: string; start: number; bodyStart: number }[] = [];
  const runs = /(?<=^| )(=+|-+)(?= |$)/g;
  for (const m of body.matchAll(runs)) {
    const run = m[1] ?? '';
    const afterRun = m.index + run.length;
    if (run.length < 3 || run.length > MAX_UNDERLINE || /^ ?(={3}|-{3})/.test(body.slice(afterRun, afterRun + 4))) continue;
    const heading = run[0] === '=' ? exactHeadingBefore(body, m.index, run.length) : knownHeadingBefore(body, m.index);
    if (heading === undefined) continue;
    found.push({ heading, start: m.index - 1 - heading.length, bodyStart: afterRun });
  }
  for (const m of body.matchAll(COLON_HEADING_FLAT)) {
    found.push({ heading: m[1] ?? '', start: m.index - 1, bodyStart: m.index + m[0].length });
  }
  found.sort((a, b) => a.start - b.start);
  const sections = found.map((f, i) => ({
    heading: f.heading,
    key: sectionKey(f.heading),
    body: body.slice(f.bodyStart, found[i + 1]?.start ?? body.length),
  }));
  return { header, body, sections, footer: footerOf(rest, end) };
}

function exactHeadingBefore(body: string, runAt: number, length: number): string | undefined {
  const start = runAt - 1 - length;
  if (start < 0 || body[runAt - 1] !== ' ' || (start > 0 && body[start - 1] !== ' ')) return undefined;
  const heading = body.slice(start, runAt - 1);
  if (heading.startsWith(' ') || heading.endsWith(' ') || /[=-]{3}/.test(heading) || !/[A-Za-z]/.test(heading)) return undefined;
  return heading;
}

function knownHeadingBefore(body: string, runAt: number): string | undefined {
  const before = body.slice(Math.max(0, runAt - 20), runAt - 1);
  for (const name of KNOWN) {
    for (const candidate of [name, `${name}:`]) {
      if (!before.toUpperCase().endsWith(candidate)) continue;
      const start = before.length - candidate.length;
      if (start === 0 ? runAt - 20 <= 0 : before[start - 1] === ' ') return before.slice(start);
    }
  }
  return undefined;
}
