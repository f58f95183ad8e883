/**
 * Scores the cards kbbot builds from real articles against the hand-written expected facts of the graded set
 * (test/fixtures/golden/README.md), field by field. Pure: articles and golden files come in, figures and misses
 * go out; `bench/cards.ts` reads them and prints, the test asserts floors.
 */
import { parse as parseYaml } from 'yaml';
import { parseArticle } from '../src/kb/index.js';
import type { FileRow, Signature } from '../src/model.js';
import { buildArticleCard, escapeMrkdwn, renderText } from '../src/reply/index.js';
import { normalizePlatform } from '../src/reply/platforms.js';

export interface GoldenRow {
  name: string;
  version?: string;
  size?: string;
  date?: string;
  platform?: string;
  language?: string;
  product?: string;
}

export interface Golden {
  id: string;
  stratum: string;
  half: 'fit' | 'report';
  kind?: string;
  fix?: { kind: string; also?: string[]; carriers?: string[]; after?: string; steps?: number };
  files?: { count: number; rows: GoldenRow[] };
  rollback?: { says: string; file?: string; minVersion?: string }[];
  cause?: { endsWith: string };
  traces?: number;
  firstFrame?: string;
}

export const FIELDS = [
  'kind', 'fix kind', 'fix carrier', 'fix steps', 'files rows', 'files versions', 'files sizes', 'files platforms', 'files dates',
  'rollback', 'cause complete', 'traces from prose', 'trace first frame',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Miss {
  id: string;
  half: string;
  field: Field;
  expected: string;
  got: string;
}

export interface Scored {
  /** Per field and half: articles scored and articles right. */
  counts: Map<Field, { fit: [number, number]; report: [number, number] }>;
  misses: Miss[];
}

/** A file table's rows; a row is a file, so one without a name is a writing slip, named by file and row. */
function goldenRows(rows: unknown, source: string): GoldenRow[] {
  return ((rows as GoldenRow[] | undefined) ?? []).map((r, i) => {
    if (typeof r?.name !== 'string' || r.name === '') throw new Error(`${source}: files.rows[${i}].name is missing (a row is a file as printed)`);
    return { ...r };
  });
}

/** Everything as strings (failsafe schema): versions like 4.10 and dates stay as written. */
export function readGolden(text: string, source: string): Golden {
  const raw = parseYaml(text.replace(/\r\n/g, '\n').replace(/\r/g, ''), { schema: 'failsafe' }) as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object' || typeof raw.id !== 'string') throw new Error(`${source}: not a golden file (no id)`);
  const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));
  const fix = raw.fix as Record<string, unknown> | undefined;
  const files = raw.files as Record<string, unknown> | undefined;
  return {
    id: raw.id,
    stratum: String(raw.stratum ?? ''),
    half: raw.half === 'report' ? 'report' : 'fit',
    ...(raw.kind !== undefined ? { kind: String(raw.kind) } : {}),
    ...(fix
      ? {
          fix: {
            kind: String(fix.kind),
            ...(Array.isArray(fix.also) ? { also: fix.also.map(String) } : {}),
            ...(Array.isArray(fix.carriers) ? { carriers: fix.carriers.map(String) } : {}),
            ...(fix.after !== undefined ? { after: String(fix.after) } : {}),
            ...(fix.steps !== undefined ? { steps: num(fix.steps) } : {}),
          },
        }
      : {}),
    ...(files ? { files: { count: num(files.count) ?? 0, rows: goldenRows(files.rows, source) } } : {}),
    ...(Array.isArray(raw.rollback) ? { rollback: raw.rollback as Golden['rollback'] } : {}),
    ...(raw.cause && typeof raw.cause === 'object' ? { cause: { endsWith: String((raw.cause as { endsWith?: unknown }).endsWith ?? '') } } : {}),
    ...(raw.traces !== undefined ? { traces: num(raw.traces) } : {}),
    ...(raw.firstFrame !== undefined ? { firstFrame: String(raw.firstFrame) } : {}),
  };
}

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
const loose = (s: string): string => flat(s).toLowerCase().replace(/[“”"'`]/g, '').replace(/[.,;:!]+$/, '');

/** Product words that articles add or leave out when naming the same carrier. */
const CARRIER_NOISE = new Set(['microsoft', 'version', 'the', 'for', 'latest', 'of', 'a', 'an', 'u.s.']);

function carrierWords(s: string): string[] {
  return loose(s)
    .replace(/\bsp(\d)/g, 'service pack $1')
    .replace(/\bsr-?(\d)/g, 'service release $1')
    .replace(/[()]/g, ' ')
    .split(' ')
    .filter((w) => w && !CARRIER_NOISE.has(w));
}

/** Two names of one carrier: the words of one are all in the other. */
export function sameCarrier(a: string, b: string): boolean {
  const wa = carrierWords(a);
  const wb = carrierWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const [short, long] = wa.length <= wb.length ? [wa, new Set(wb)] : [wb, new Set(wa)];
  return short.every((w) => long.has(w));
}

const STOP = new Set(['the', 'a', 'an', 'to', 'of', 'and', 'or', 'you', 'your', 'is', 'be', 'it', 'if', 'that', 'this', 'on', 'in', 'for', 'will', 'must', 'not', 'with']);

function contentWords(s: string): string[] {
  return loose(s).split(/[^a-z0-9.]+/).map((w) => w.replace(/\.$/, '')).filter((w) => w.length > 1 && !STOP.has(w));
}

/** A rollback warning says the expected phrase: contains it, or most of its words. */
export function warningSays(text: string, says: string): boolean {
  if (loose(text).includes(loose(says))) return true;
  const words = contentWords(says);
  const have = new Set(contentWords(text));
  const found = words.filter((w) => have.has(w) || [...have].some((h) => h.startsWith(w.slice(0, 6)) && w.length >= 6));
  return words.length > 0 && found.length / words.length >= 0.75;
}

/** Platforms compare through the normaliser the card uses, so x86, Intel, i386 and "(Alpha)" spellings agree. */
const platformOf = (p: string | undefined): string => (p === undefined ? '' : normalizePlatform(p));

/** The size as the card prints it: the printed text, or the byte count grouped as articles print it. */
export function printedSize(row: FileRow): string | undefined {
  return row.sizeText ?? (row.size === undefined ? undefined : row.size.toLocaleString('en-US'));
}

function sameSize(expected: string, row: FileRow): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s*bytes?$/, '').replace(/[\s,.]/g, '');
  const got = printedSize(row);
  if (got === undefined) return false;
  // Grouping is the card's ("1,388,544" and "1388544" are the same bytes); units and decimals must be as printed.
  return norm(expected) === norm(got) && /[a-z]/i.test(expected.replace(/bytes?/i, '')) === /[a-z]/i.test(got.replace(/bytes?/i, ''));
}

/** How well a parsed row fits an expected row; -1 when the name differs. */
function rowFit(g: GoldenRow, r: FileRow): number {
  if (g.name.toLowerCase() !== r.name.toLowerCase()) return -1;
  let fit = 0;
  if (g.version !== undefined && g.version === r.version) fit += 2;
  if (g.size !== undefined && sameSize(g.size, r)) fit += 2;
  if (g.date !== undefined && g.date === r.date) fit += 1;
  if (g.platform !== undefined && platformOf(g.platform) === platformOf(r.platform)) fit += 3;
  if (g.language !== undefined && r.language?.toLowerCase() === g.language.toLowerCase()) fit += 3;
  if (g.product !== undefined && (r.product ?? r.component) !== undefined && sameCarrier(g.product, (r.product ?? r.component)!)) fit += 3;
  return fit;
}

/** Each expected row paired with a distinct parsed row (best fit first), or undefined. */
function pairRows(expected: GoldenRow[], got: FileRow[]): (FileRow | undefined)[] {
  const pairs: { e: number; g: number; fit: number }[] = [];
  expected.forEach((e, ei) => got.forEach((g, gi) => {
    const fit = rowFit(e, g);
    if (fit >= 0) pairs.push({ e: ei, g: gi, fit });
  }));
  pairs.sort((a, b) => b.fit - a.fit || a.g - b.g);
  const out: (FileRow | undefined)[] = expected.map(() => undefined);
  const used = new Set<number>();
  for (const p of pairs) {
    if (out[p.e] !== undefined || used.has(p.g)) continue;
    out[p.e] = got[p.g];
    used.add(p.g);
  }
  return out;
}

const describeRow = (r: FileRow | GoldenRow | undefined): string =>
  r === undefined ? '(none)' : [r.name, r.version, 'sizeText' in r ? printedSize(r as FileRow) : (r as GoldenRow).size, r.date, r.platform, r.language, r.product].filter(Boolean).join(' ');

/** The card's cause line, rendered as text. */
function cardCauseLine(card: string): string | undefined {
  return card.split('\n').find((l) => l.startsWith('*Cause:*') || l.startsWith('Cause:') || /^\*?(Cause|Symptoms)\b/.test(l));
}

export interface Checked {
  field: Field;
  right: boolean;
  expected: string;
  got: string;
}

/** Every field the golden file speaks to, checked against the signature and its card. */
export function checkArticle(golden: Golden, sig: Signature, card: string): Checked[] {
  const out: Checked[] = [];
  const check = (field: Field, right: boolean, expected: string, got: string) => out.push({ field, right, expected, got });
  const kind = sig.articleKind ?? 'problem';
  const hasFixLine = /\bFix:/.test(card);
  if (golden.kind) {
    check('kind', kind === golden.kind && hasFixLine === (golden.kind === 'problem'), golden.kind, `${kind}${hasFixLine ? ' (card shows a fix line)' : ''}`);
  }
  if (golden.fix) {
    const f = golden.fix;
    check('fix kind', sig.fix.kind === f.kind, f.kind + (f.also ? ` (also ${f.also.join(', ')})` : ''), sig.fix.kind);
    const got = sig.fix.carriers ?? [];
    const expected = f.carriers ?? [];
    const carriersRight = expected.every((e) => got.some((g) => sameCarrier(e, g))) && got.every((g) => expected.some((e) => sameCarrier(e, g)));
    const afterRight = f.after === undefined ? sig.fix.after === undefined : sig.fix.after !== undefined && sameCarrier(f.after, sig.fix.after);
    check('fix carrier', carriersRight && afterRight, `${JSON.stringify(expected)}${f.after ? ` after ${f.after}` : ''}`, `${JSON.stringify(got)}${sig.fix.after ? ` after ${sig.fix.after}` : ''}`);
    if (f.steps !== undefined) check('fix steps', sig.fix.steps?.count === f.steps, String(f.steps), String(sig.fix.steps?.count ?? '-'));
  }
  const rows = [...sig.files, ...sig.packages];
  const expectedRows = golden.files?.rows ?? [];
  const count = golden.files?.count ?? 0;
  const pairs = pairRows(expectedRows, rows);
  const rowsRight = rows.length === count && pairs.every((p) => p !== undefined);
  check('files rows', rowsRight, `${count} rows${expectedRows.length ? `: ${expectedRows.slice(0, 3).map((r) => r.name).join(', ')}` : ''}`, `${rows.length} rows${pairs.some((p) => !p) ? `; missing ${expectedRows.filter((_, i) => !pairs[i]).map((r) => r.name).join(', ')}` : ''}`);
  const attribute = (field: Field, has: (g: GoldenRow) => boolean, same: (g: GoldenRow, r: FileRow) => boolean) => {
    const wanted = expectedRows.map((g, i) => ({ g, r: pairs[i] })).filter(({ g }) => has(g));
    if (wanted.length === 0) return;
    const wrong = wanted.filter(({ g, r }) => r === undefined || !same(g, r));
    check(field, wrong.length === 0, wrong.map(({ g }) => describeRow(g)).join(' | ') || `${wanted.length} rows`, wrong.map(({ r }) => describeRow(r)).join(' | ') || 'all right');
  };
  attribute('files versions', (g) => g.version !== undefined, (g, r) => (/^\d/.test(g.version!) ? r.version === g.version : r.version === undefined));
  attribute('files sizes', (g) => g.size !== undefined, (g, r) => sameSize(g.size!, r));
  attribute('files platforms', (g) => g.platform !== undefined, (g, r) => platformOf(g.platform) === platformOf(r.platform));
  attribute('files dates', (g) => g.date !== undefined, (g, r) => g.date === r.date);
  if (golden.rollback) {
    const expected = golden.rollback;
    const got = sig.rollback;
    const matched = expected.map((e) => got.find((w) => warningSays(w.text, e.says)));
    const extra = got.filter((w) => !expected.some((e) => warningSays(w.text, e.says)));
    const details = expected.every((e, i) => {
      const w = matched[i];
      return w !== undefined && (e.file === undefined || w.file?.toLowerCase() === e.file.toLowerCase()) && (e.minVersion === undefined || w.minVersion === String(e.minVersion));
    });
    check('rollback', details && extra.length === 0, expected.map((e) => e.says).join(' | ') || '(none)', got.map((w) => flat(w.text).slice(0, 90)).join(' | ') || '(none)');
  }
  if (golden.cause) {
    const want = loose(golden.cause.endsWith);
    const whole = loose(sig.cause);
    const line = cardCauseLine(card) ?? '';
    // The card shows the cause whole, or shortened visibly ("…", and how much is left).
    // Slack's escaping (& < > as entities) is how the card prints the text, not a cut.
    const shown = line.includes(flat(escapeMrkdwn(sig.cause))) || /…/.test(line);
    check('cause complete', sig.cause !== '' && whole.includes(want) && shown, golden.cause.endsWith, `${sig.cause ? `…${flat(sig.cause).slice(-60)}` : '(no cause)'}${shown ? '' : ' [card cuts it silently]'}`);
  }
  if (golden.traces !== undefined) {
    if (golden.traces === 0) check('traces from prose', sig.traces.length === 0, '0 traces', sig.traces.length === 0 ? '0' : `${sig.traces.length}: ${sig.traces.map((t) => `${t[0]?.module}!${t[0]?.symbol}`).slice(0, 3).join(', ')}`);
    else {
      const first = sig.traces[0]?.[0];
      const got = first ? `${first.module}!${first.symbol}` : '(none)';
      check('trace first frame', golden.firstFrame === undefined ? sig.traces.length > 0 : got.toLowerCase() === golden.firstFrame.toLowerCase().replace(/\+0x[0-9a-f]+$/i, ''), golden.firstFrame ?? `${golden.traces} traces`, got);
    }
  }
  return out;
}

/** Parses each article with the real parser, builds the real card, and checks it against its golden file. */
export function scoreCards(goldens: Golden[], articles: ReadonlyMap<string, string>): Scored {
  const counts: Scored['counts'] = new Map(FIELDS.map((f) => [f, { fit: [0, 0], report: [0, 0] }]));
  const misses: Miss[] = [];
  for (const golden of goldens) {
    const text = articles.get(golden.id);
    if (text === undefined) throw new Error(`${golden.id}: article text not found`);
    const sig = parseArticle(text);
    const card = renderText(buildArticleCard(sig));
    for (const c of checkArticle(golden, sig, card)) {
      const cell = counts.get(c.field)![golden.half];
      cell[0]++;
      if (c.right) cell[1]++;
      else misses.push({ id: golden.id, half: golden.half, field: c.field, expected: c.expected, got: c.got });
    }
  }
  return { counts, misses };
}

/** Share right of one field, over one half or both. */
export function shareRight(scored: Scored, field: Field, half?: 'fit' | 'report'): { n: number; right: number } {
  const c = scored.counts.get(field)!;
  const halves = half ? [c[half]] : [c.fit, c.report];
  return { n: halves.reduce((a, h) => a + h[0], 0), right: halves.reduce((a, h) => a + h[1], 0) };
}
