/**
 * Reads the file-attribute tables of a KB article (survey §4) into rows: the files a fix installs
 * and, separately, the hotfix package files (Q272274jpnI.exe). Tables are found in the token
 * stream, by a header row or by an intro phrase ("...the following file attributes or later"),
 * and read by value shape, so formatted and line-collapsed text give the same rows.
 */
import type { FileRow } from '../model.js';
import { inferColumns, isValueToken, readHeader, readRows, type ColumnKind, type RawRow } from './file-table-columns.js';
import { tableContext, type TableContext } from './file-table-context.js';
import { tokenize, type Token } from './file-table-tokens.js';
import { normalizeVersion } from './version.js';

export interface FileTables {
  files: FileRow[];
  packages: FileRow[];
}

/** Tokens that may sit between a table's values without ending it. */
function isFiller(t: Token): boolean {
  return t.kind === 'pipe' || t.kind === 'rule' || t.kind === 'connector';
}

/** Words a text cell may hold before the row's values resume. */
const MAX_CELL_WORDS = 6;
const STRONG_VALUES = new Set(['file', 'date', 'time', 'version', 'size']);

/** A column word used as a label inside a row: `Version: 2.0.6108`, `Size: 1025 KB`, `File version 4.0`. */
function isLabel(tokens: Token[], k: number): boolean {
  if (tokens[k]!.kind !== 'header') return false;
  const next = tokens[k + 1];
  if (next?.kind === 'header' && !tokens[k]!.punct) return tokens[k + 2] !== undefined && STRONG_VALUES.has(tokens[k + 2]!.kind) && tokens[k + 2]!.kind !== 'file';
  return next !== undefined && STRONG_VALUES.has(next.kind) && next.kind !== 'file';
}

/**
 * Index of the next value within a few words of `k` that has a column in the table, or -1.
 * Words underlined by a rule are a sub-heading, not a cell: the table ends there.
 */
function nextCellValue(tokens: Token[], k: number, columns: ColumnKind[]): number {
  let words = 0;
  for (let j = k; j < tokens.length && words <= MAX_CELL_WORDS; j++) {
    const t = tokens[j]!;
    if (STRONG_VALUES.has(t.kind)) return columns.includes(t.kind as ColumnKind) ? j : -1;
    if (t.kind === 'platform' || t.kind === 'language' || t.kind === 'path' || (t.kind === 'rule' && words > 0)) return -1;
    if (!isFiller(t)) words++;
  }
  return -1;
}

/** Tables that group rows by platform print it on the group's first row only (Q172416). */
function carryPlatformDown(rows: RawRow[]): void {
  let platform: Token | undefined;
  for (const row of rows) {
    if (row.platform) platform = row.platform;
    else if (platform) row.platform = platform;
  }
}

function attributeCount(row: RawRow): number {
  return (row.date ? 1 : 0) + (row.size ? 1 : 0) + (row.version && versionOf(row.version) ? 1 : 0) + (row.time ? 1 : 0);
}

function versionOf(t: Token): string | undefined {
  return typeof t.value === 'string' ? normalizeVersion(t.value) : undefined;
}

function sizeOf(t: Token): number | undefined {
  return typeof t.value === 'number' ? t.value : t.altSize;
}

/** A row a user can check: a file name and a date, size or version. */
function isRow(row: RawRow): boolean {
  return row.file !== undefined && (row.date !== undefined || row.size !== undefined || (row.version !== undefined && versionOf(row.version) !== undefined));
}

/** Hotfix packages are self-extracting files named after the article (Q272274jpnI.exe). */
function isPackage(name: string, articleNumber: string | undefined): boolean {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.exe')) return false;
  if (articleNumber && lower.includes(articleNumber)) return true;
  return /^(q|kb)\d{5,7}/.test(lower);
}

function articleNumberOf(text: string): string | undefined {
  const m = /DOCUMENT:\s*Q(\d{3,8})/.exec(text.slice(0, 300));
  return m?.[1];
}

function toFileRow(row: RawRow, context: TableContext): FileRow {
  const out: FileRow = { name: String(row.file!.value) };
  const version = row.version ? versionOf(row.version) : undefined;
  if (version) out.version = version;
  const size = row.size ? sizeOf(row.size) : undefined;
  if (size !== undefined) out.size = size;
  if (row.date) out.date = String(row.date.value);
  if (row.time) out.time = String(row.time.value);
  const platform = row.platform ? String(row.platform.value) : context.platform;
  if (platform) out.platform = platform;
  if (context.component) out.component = context.component;
  const language = row.language ? String(row.language.value) : context.language;
  if (language) out.language = language;
  return out;
}

/** The files and hotfix packages listed in an article's file-attribute tables. */
export function parseFileTables(text: string): FileTables {
  const tokens = tokenize(text);
  const articleNumber = articleNumberOf(text);
  const files: FileRow[] = [];
  const packages: FileRow[] = [];
  let previous: { end: number; context: TableContext } | undefined;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    let columns: ColumnKind[] | undefined;
    let runStart = i;
    if (t.kind === 'header' || t.kind === 'pipe' || t.kind === 'rule') {
      const header = readHeader(tokens, i);
      if (!header) { i++; continue; }
      columns = header.columns;
      runStart = header.end;
    } else if (!isValueToken(t)) { i++; continue; }

    const values: Token[] = [];
    let end = runStart;
    for (; end < tokens.length; end++) {
      const v = tokens[end]!;
      if (isValueToken(v)) {
        // Under a header, a platform or language with no column is a sub-heading of the next table.
        if (columns && (v.kind === 'platform' || v.kind === 'language') && !columns.includes(v.kind)) break;
        values.push(v);
      }
      else if (isFiller(v)) continue;
      else if (columns?.includes('size') && v.kind === 'word' && typeof v.value === 'number') values.push({ ...v, kind: 'size' });
      else if (values.length > 0 && isLabel(tokens, end)) continue;
      else if (columns) {
        // Headed tables may carry text cells (description, source, company): skip a few words
        // when the row's values go on after them.
        const resume = nextCellValue(tokens, end, columns);
        if (resume < 0) break;
        end = resume - 1;
      } else break;
    }
    const layout = columns ?? inferColumns(values);
    const rows = values.length > 0 ? readRows(layout, values).filter(isRow) : [];
    if (layout.includes('platform')) carryPlatformDown(rows);
    if (rows.length > 0) {
      const context = tableContext(tokens, i, previous);
      const strong = rows.length >= 2 && rows.every((r) => attributeCount(r) >= 2);
      // An intro phrase vouches for a list right after its colon, or for rows that look like a table;
      // a lone "Foo.dll (version 1.2)" in the prose after it is not a table.
      const introduced = context.intro && (tokens[i - 1]?.colon === true || rows.length >= 2 || rows.some((r) => attributeCount(r) >= 2));
      // Disk and directory listings are file tables too, but not the files a fix installs.
      const aboutFix = context.aboutFix || context.intro || layout.includes('version') || layout.includes('platform');
      if ((columns || introduced || strong) && aboutFix) {
        for (const row of rows) {
          const fileRow = toFileRow(row, context);
          (isPackage(fileRow.name, articleNumber) ? packages : files).push(fileRow);
        }
        previous = { end, context };
      }
    }
    i = Math.max(end, i + 1);
  }
  return { files, packages };
}
