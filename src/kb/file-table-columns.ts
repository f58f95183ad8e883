/**
 * Column layouts of file-attribute tables: reading a header row into column kinds, inferring
 * the columns of a header-less table from the shapes of its first row, and reading a run of
 * value tokens into rows by walking the columns left to right (survey §4.1: 110 layouts).
 */
import type { Token, TokenKind } from './file-table-tokens.js';

export type ColumnKind = 'date' | 'time' | 'version' | 'size' | 'file' | 'platform' | 'language' | 'other' | 'any';

export interface Header {
  columns: ColumnKind[];
  /** Index of the first token after the header (and its rule line). */
  end: number;
}

const SIMPLE: Record<string, ColumnKind> = {
  date: 'date', filedate: 'date', time: 'time', filetime: 'time', version: 'version', versions: 'version',
  ver: 'version', fileversion: 'version', size: 'size', sizes: 'size', filesize: 'size',
  filename: 'file', filenames: 'file', name: 'file', names: 'file', platform: 'platform', processor: 'platform',
  architecture: 'platform', language: 'language', locale: 'language', description: 'other', folder: 'other',
  directory: 'other', path: 'other', location: 'other',
};

const HEADER_QUALIFIERS = new Set(['current', 'modified', 'product', 'new', 'old', 'original', 'updated', 'last', 'creation', 'created']);

/** `File` qualifies the next header word: File name, File size, File version. */
const FILE_QUALIFIED = new Set(['name', 'names', 'size', 'date', 'time', 'version']);

function nextContent(tokens: Token[], i: number): number {
  let j = i;
  while (j < tokens.length && (tokens[j]!.kind === 'pipe' || tokens[j]!.kind === 'rule')) j++;
  return j;
}

/** How many header words a header row has from `j` on, and whether as many underlines follow it, one per word. */
function underlinedOneByOne(tokens: Token[], j: number): boolean {
  let words = 0;
  let k = j;
  while (k < tokens.length && tokens[k]!.kind === 'header' && words < 12) { words++; k++; }
  let rules = 0;
  while (k < tokens.length && tokens[k]!.kind === 'rule' && rules < 13) { rules++; k++; }
  return rules > 1 && rules === words;
}

const DATE_TITLES = new Set(['time/date', 'modified', 'created', 'stamp', 'timestamp', 'dated', 'updated', 'changed', 'released']);

/** Most words of a column title no column word names ("Drive type", "Destination folder name"). */
const UNNAMED_TITLE_WORDS = 3;

/** Index of the underline after one to three plain words at `j` (the last title of a header row), or undefined. */
function unnamedColumnEnd(tokens: Token[], j: number): number | undefined {
  let k = j;
  while (k < tokens.length && k - j < UNNAMED_TITLE_WORDS && tokens[k]!.kind === 'word' && !tokens[k]!.punct) k++;
  // "Modified", "Time stamp": titles of the date column, which rows print by shape.
  if (k === j + 1 && DATE_TITLES.has(tokens[j]!.lower)) return undefined;
  return k > j && tokens[k]?.kind === 'rule' ? k : undefined;
}

/**
 * The header row starting at token `i`: at least two column words, naming the file column or two
 * attribute columns. Prose lists ("file name, date and size") are rejected by their punctuation.
 */
export function readHeader(tokens: Token[], i: number): Header | undefined {
  const columns: ColumnKind[] = [];
  let j = nextContent(tokens, i);
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.lower === 'bytes') {
      // "Size (bytes)" names one column; a bare "Bytes" column is the size.
      if (columns[columns.length - 1] !== 'size') columns.push('size');
      j = nextContent(tokens, j + 1);
      if (t.punct) break;
      continue;
    }
    if (t.kind === 'word' && HEADER_QUALIFIERS.has(t.lower) && !t.punct && tokens[j + 1]?.kind === 'header') {
      // "Current version", "Modified Date", "Product version": the column is the noun.
      j++;
      continue;
    }
    if (t.kind !== 'header') break;
    let kind: ColumnKind | undefined;
    let last = j;
    if (t.lower === 'file' || t.lower === 'files') {
      const n = j + 1 < tokens.length ? tokens[j + 1]! : undefined;
      if (n && n.kind === 'header' && FILE_QUALIFIED.has(n.lower) && !t.punct && n.lower !== 'name' && n.lower !== 'names' && underlinedOneByOne(tokens, j)) {
        // "File  Version  Size  Date" over four underlines: File is a column of its own.
        kind = 'file';
      } else if (n && n.kind === 'header' && FILE_QUALIFIED.has(n.lower) && !t.punct) {
        kind = SIMPLE[n.lower];
        last = j + 1;
      } else kind = 'file';
    } else if (t.lower === 'date/time') {
      columns.push('date');
      kind = 'time';
    } else if (t.lower === 'destination' && tokens[j + 1]?.kind === 'header') {
      kind = 'other';
      last = j + 1;
    } else kind = SIMPLE[t.lower];
    if (kind === undefined) break;
    columns.push(kind === 'file' && columns.includes('file') ? 'other' : kind);
    const endToken = tokens[last]!;
    j = nextContent(tokens, last + 1);
    if (endToken.punct) break;
    // "File name and path": one column.
    if (tokens[j]?.lower === 'and' && tokens[j + 1]?.lower === 'path') j = nextContent(tokens, j + 2);
    // "Version and Description": two columns printed under one title; the text after the version is the second.
    else if (tokens[j]?.lower === 'and' && tokens[j + 1]?.lower === 'description') j = nextContent(tokens, j + 1);
  }
  // "Date  Time  Size  Drive type" over its underline: words no column is named for are a text column of their own.
  const trailing = unnamedColumnEnd(tokens, j);
  if (columns.length >= 2 && trailing !== undefined) {
    columns.push('other');
    j = trailing;
  }
  const attrs = columns.filter((c) => c === 'date' || c === 'time' || c === 'version' || c === 'size').length;
  if (columns.length < 2 || (!columns.includes('file') && attrs < 2)) return undefined;
  // Two column words in prose ("...MS-DOS version file server name") are no header: a two-column
  // header is underlined or boxed.
  if (columns.length === 2 && !tokens.slice(i, j).some((t) => t.kind === 'rule' || t.kind === 'pipe')) return undefined;
  if (!columns.includes('file') && !columns.includes('other')) columns.push('file');
  return { columns, end: j };
}

const DATA_KINDS = new Set<TokenKind>(['date', 'time', 'version', 'size', 'file', 'path', 'platform', 'language', 'placeholder']);

export function isValueToken(t: Token): boolean {
  return DATA_KINDS.has(t.kind);
}

/** Whether a value token can fill a column of the given kind. */
function fits(t: Token, column: ColumnKind): boolean {
  if (column === 'any') return t.kind !== 'file';
  switch (t.kind) {
    case 'placeholder': return column !== 'file';
    case 'path': return column === 'other';
    case 'version': return column === 'version' || (column === 'size' && t.altSize !== undefined);
    default: return t.kind === column;
  }
}

/**
 * Whether the values before the first file name are cells of rows whose names did not read
 * ("AGCHECK. PO_  ( 76,078 bytes, dated ...)"), not columns that precede the name: more than one
 * row's worth of them (a kind repeats), or the last file is followed by the same shapes, which a
 * name-first table has and a name-last (`dir`-style) table does not.
 */
function leadsWithOrphans(values: Token[], pre: ColumnKind[]): boolean {
  if (pre.length === 0) return false;
  if (new Set(pre).size < pre.length) return true;
  let lastFile = -1;
  for (let k = values.length - 1; k >= 0; k--) if (values[k]!.kind === 'file') { lastFile = k; break; }
  if (values.length - lastFile - 1 < pre.length) return false;
  for (let k = 0; k < pre.length; k++) if (values[lastFile + 1 + k]!.kind !== values[k]!.kind) return false;
  return true;
}

/**
 * Columns of a header-less table from its value tokens: the shapes before the first file name,
 * the file, then the shapes after it up to the first one that starts the next row.
 */
export function inferColumns(values: Token[]): ColumnKind[] {
  const first = values.findIndex((t) => t.kind === 'file');
  if (first < 0) return [];
  const shape = (t: Token): ColumnKind => (t.kind === 'placeholder' ? 'any' : t.kind === 'path' ? 'other' : (t.kind as ColumnKind));
  let pre = values.slice(0, first).map(shape);
  if (leadsWithOrphans(values, pre)) pre = [];
  const columns: ColumnKind[] = [...pre, 'file'];
  for (let k = first + 1; k < values.length; k++) {
    const kind = shape(values[k]!);
    if (kind === 'file' || pre.includes(kind) || columns.slice(pre.length).includes(kind)) break;
    columns.push(kind);
  }
  return columns;
}

/**
 * One table row: the value tokens that landed in each column, plus values outside the columns; `blank` when
 * a cell held a placeholder (`NA`, `xx/xx/xx`) that the article has not filled in yet.
 */
export type RawRow = Partial<Record<Exclude<ColumnKind, 'any' | 'other'>, Token>> & { blank?: true };

/**
 * Reads value tokens into rows by walking the columns left to right: a token fills the next
 * column it fits; a token that fits no later column starts the next row. Missing cells (blank
 * platform, no time) simply leave their column empty; wrapped rows read as one.
 */
export function readRows(columns: ColumnKind[], values: Token[]): RawRow[] {
  const rows: RawRow[] = [];
  let row: RawRow = {};
  let last = -1;
  const place = (t: Token, column: ColumnKind): void => {
    const key = column === 'any' || column === 'other' ? (t.kind as keyof typeof SIMPLE_KEYS) : column;
    if (t.kind === 'placeholder') row.blank = true;
    if (t.kind === 'placeholder' || t.kind === 'path') return;
    if (key in SIMPLE_KEYS && row[key as keyof typeof SIMPLE_KEYS] === undefined) row[key as keyof typeof SIMPLE_KEYS] = t;
    // Compressed and expanded sizes side by side: the expanded one (always the larger) is the file's size.
    else if (key === 'size' && isLargerSize(t, row.size)) row.size = t;
  };
  for (let k = 0; k < values.length; k++) {
    const t = values[k]!;
    let idx = -1;
    if (isBuildUnderVersion(t, values[k + 1], columns[last + 1]) && columns.indexOf('size') === columns.lastIndexOf('size')) {
      // "9499  4.16MB" under Version and Size: the bare number is the build in the Version column, not a first size.
      row.version = t;
      last++;
      continue;
    }
    for (let c = last + 1; c < columns.length; c++) if (fits(t, columns[c]!)) { idx = c; break; }
    if (idx < 0) {
      let restart = -1;
      for (let c = 0; c < columns.length; c++) if (fits(t, columns[c]!)) { restart = c; break; }
      if (restart < 0) {
        // A value the layout has no column for (a platform in a name/version list): keep it on the row.
        place(t, t.kind as ColumnKind);
        continue;
      }
      rows.push(row);
      row = {};
      idx = restart;
    }
    place(t, columns[idx]!);
    last = idx;
  }
  rows.push(row);
  return rows;
}

/** A bare whole number where the Version column is due, followed by a size: a build number, not a size. */
function isBuildUnderVersion(t: Token, next: Token | undefined, column: ColumnKind | undefined): boolean {
  return column === 'version' && t.kind === 'size' && t.sizeText === undefined && /^\d{1,6}$/.test(t.text) && next?.kind === 'size';
}

function isLargerSize(t: Token, than: Token | undefined): boolean {
  return t.kind === 'size' && than?.kind === 'size' && typeof t.value === 'number' && typeof than.value === 'number' && t.value > than.value;
}

const SIMPLE_KEYS = { date: 1, time: 1, version: 1, size: 1, file: 1, platform: 1, language: 1 };
