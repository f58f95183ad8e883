/**
 * How far a file table reaches in the token stream: its value tokens, the fillers between
 * them (pipes, rules, `bytes`, `dated`), labels (`Version: 2.0.6108`) and, under a header,
 * short text cells (Description, Source) between values. Prose ends the run.
 */
import { isValueToken, type ColumnKind } from './file-table-columns.js';
import type { Token } from './file-table-tokens.js';

/** Tokens that may sit between a table's values without ending it. */
function isFiller(t: Token): boolean {
  return t.kind === 'pipe' || t.kind === 'rule' || t.kind === 'connector';
}

/** Words a text cell may hold before the row's values resume. */
const MAX_CELL_WORDS = 6;
/** Words a wrapped Description cell at the end of a row may hold. */
const MAX_TRAILING_TEXT_WORDS = 40;
const STRONG_VALUES = new Set(['file', 'date', 'time', 'version', 'size']);

/** A column word used as a label inside a row: `Version: 2.0.6108`, `Size: 1025 KB`, `File version 4.0`. */
function isLabel(tokens: Token[], k: number): boolean {
  if (tokens[k]!.kind !== 'header') return false;
  const next = tokens[k + 1];
  const value = next?.kind === 'header' && !tokens[k]!.punct ? tokens[k + 2] : next;
  return value !== undefined && STRONG_VALUES.has(value.kind) && value.kind !== 'file';
}

/**
 * Index of the next value within a few words of `k` that has a column in the table, or -1.
 * Words underlined by a rule are a sub-heading, not a cell: the table ends there.
 */
function nextCellValue(tokens: Token[], k: number, columns: ColumnKind[]): number {
  let words = 0;
  // A Description column printed last may wrap over lines ("Part of the OLE-AUT fileset that ..."): its
  // text runs until the next row's file name.
  const trailingText = columns[columns.length - 1] === 'other';
  const limit = trailingText ? MAX_TRAILING_TEXT_WORDS : MAX_CELL_WORDS;
  for (let j = k; j < tokens.length && words <= limit; j++) {
    const t = tokens[j]!;
    if (STRONG_VALUES.has(t.kind) && columns.includes(t.kind as ColumnKind) && (words <= MAX_CELL_WORDS || t.kind === 'file')) return j;
    // The size and date a description prints in a list of names and descriptions; a label ("Release Date:")
    // after the description is text after the table.
    if (isNameList(columns) && t.colon && words > 0) return -1;
    if (ATTRIBUTES.has(t.kind) && isNameList(columns)) return j;
    // "| Gizmo.z96 (June 97) | n/a |": a cell not filled in is a cell of the row too.
    if (t.kind === 'placeholder' && words <= MAX_CELL_WORDS) return j;
    // A Description column may name a platform ("HP 4V/4MV ALPHA 1.0"); without one, a platform starts the next table.
    if (t.kind === 'platform' && columns.includes('other') && !columns.includes('platform')) { words++; continue; }
    // "Schannel.dll  NT x86 40bit": a text word before the cell of a Platform column.
    if (t.kind === 'platform' && columns.includes('platform') && words <= MAX_CELL_WORDS) return j;
    if (t.kind === 'platform' || t.kind === 'language' || t.kind === 'path' || (t.kind === 'rule' && words > 0)) return -1;
    if (!isFiller(t)) words++;
  }
  return -1;
}

/** A platform or language underlined to its own length ("Alpha" over "-----"): a heading, not a cell. */
function isUnderlined(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const next = tokens[k + 1];
  return isSubHeading(t) && next?.kind === 'rule' && next.text.length === t.text.length;
}

const ATTRIBUTES = new Set(['date', 'time', 'version', 'size']);

/** A table of file names and descriptions, with no attribute columns ("File Name  Description"). */
export function isNameList(columns: readonly ColumnKind[]): boolean {
  return columns.includes('file') && columns.every((c) => c === 'file' || c === 'other');
}

function isSubHeading(t: Token): boolean {
  return t.kind === 'language' || t.kind === 'platform';
}

function hasColumn(columns: ColumnKind[], t: Token): boolean {
  return t.kind === 'placeholder' || columns.includes(t.kind as ColumnKind) || (t.kind === 'path' && columns.includes('other'));
}

/**
 * A platform inside a text cell after its first word ("HP Color LJ ALPHA 1.0") is the row's platform;
 * as the first word it is a vendor ("Intel EE16 ETH ISA"). Tokens [from, to) are the skipped cell.
 */
function keepCellPlatform(tokens: Token[], from: number, to: number, values: Token[]): void {
  for (let k = from + 1; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'platform' && tokens[k - 1]!.kind === 'word') {
      values.push(t);
      return;
    }
  }
}

export interface Run {
  values: Token[];
  /** Index of the first token after the run. */
  end: number;
}

/**
 * The value tokens of the table starting at `start`. `columns` are the header's, when the
 * table has one; a header-less table is values and fillers only.
 */
export function readRun(tokens: Token[], start: number, columns: ColumnKind[] | undefined): Run {
  const values: Token[] = [];
  let end = start;
  for (; end < tokens.length; end++) {
    const v = tokens[end]!;
    if (isValueToken(v)) {
      // A header-less table that opened with a language or platform sub-heading ends at the next one.
      if (!columns && values.length > 0 && isSubHeading(values[0]!) && v.kind === values[0]!.kind) break;
      // "Alpha" over "-----": an underlined platform or language heads the next table.
      if (values.length > 0 && isUnderlined(tokens, end)) break;
      // "Intel EE16 ETH ISA 3.50   3.50": under a Description column, the first of two versions side by side ends the text.
      if (columns?.includes('other') && v.kind === 'version' && tokens[end + 1]?.kind === 'version') continue;
      // "Update.txt   Splus.dll update information.": in a list of names and descriptions, a name right after a
      // name opens the description.
      if (v.kind === 'file' && columns && isNameList(columns) && values.length > 0 && tokens[end - 1] === values[values.length - 1] && tokens[end - 1]!.kind === 'file') continue;
      if (!columns || hasColumn(columns, v)) {
        values.push(v);
        continue;
      }
      // "File Name  Description": a description may print the row's size and date "(84,240 bytes, dated 11-11-94)".
      if (isNameList(columns) && ATTRIBUTES.has(v.kind)) {
        values.push(v);
        continue;
      }
      // Under a header, a platform or language with no column is a sub-heading of the next table,
      // unless a text cell holds it (below).
      if (v.kind === 'language' || (v.kind === 'platform' && !columns.includes('other'))) break;
      // Another value with no column ("SMS 1.2 SP3" in a Source cell) reads as text.
      const resume = nextCellValue(tokens, end + 1, columns);
      if (resume < 0) break;
      keepCellPlatform(tokens, end, resume, values);
      end = resume - 1;
    } else if (isFiller(v)) {
      continue;
    } else if (columns?.includes('size') && v.kind === 'word' && typeof v.value === 'number') {
      // One- and two-digit sizes count under a Size column.
      values.push({ ...v, kind: 'size' });
    } else if (values.length > 0 && isLabel(tokens, end)) {
      continue;
    } else if (columns) {
      // Headed tables may carry text cells (description, source, company): skip a few words
      // when the row's values go on after them.
      const resume = nextCellValue(tokens, end, columns);
      if (resume < 0) break;
      keepCellPlatform(tokens, end, resume, values);
      end = resume - 1;
    } else break;
  }
  return { values, end };
}
