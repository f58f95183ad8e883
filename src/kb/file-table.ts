/**
 * Reads the file-attribute tables of a KB article (survey §4) into rows: the files a fix installs
 * and, separately, the hotfix package files (Q272274jpnI.exe). Tables are found in the token
 * stream, by a header row or by an intro phrase ("...the following file attributes or later"),
 * and read by value shape, so formatted and line-collapsed text give the same rows.
 */
import type { FileRow } from '../model.js';
import { inferColumns, isValueToken, readHeader, readRows, type ColumnKind, type RawRow } from './file-table-columns.js';
import { tableContext, tableLabel, type TableContext } from './file-table-context.js';
import { isNameList, readRun } from './file-table-run.js';
import { tokenizeWithHeadings, type Token } from './file-table-tokens.js';
import { normalizeVersion } from '../trace/version.js';

export interface FileTables {
  files: FileRow[];
  packages: FileRow[];
}

/**
 * Tables that group rows by platform print it on the group's first row only (Q172416). A table that prints
 * it on two rows in a row prints every row's platform, so a row without one has none (Audit.rul after
 * Audit32.exe (Intel) and Audit32.exe (Alpha)).
 */
function carryPlatformDown(rows: RawRow[]): void {
  // A table whose first row prints none prints the platform elsewhere (on a group's last row): nothing to carry.
  if (!rows[0]?.platform) return;
  for (let k = 1; k < rows.length; k++) if (rows[k]!.platform && rows[k - 1]!.platform) return;
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

/**
 * The rows of a header-less run. "You should receive the following files: SETUP.EXE (62,880 bytes, dated ...)
 * README.TXT": a bare name that ends a listing whose every other row prints its size and date (the files a package
 * extracts) is a file of the listing too; a bare name anywhere else is more likely prose or a wrapped cell.
 */
function withListedName(raw: RawRow[]): RawRow[] {
  const rows = raw.filter(isRow);
  const last = raw[raw.length - 1]!;
  const listed = raw.length >= 2 && last.file !== undefined && Object.keys(last).length === 1 && rows.length === raw.length - 1
    && rows.every((r) => r.size && r.date);
  return listed ? [...rows, last] : rows;
}

function endsSentence(t: Token): boolean {
  return t.stop === true || (t.kind === 'word' && t.text.endsWith('.'));
}

/** How far back (in tokens) the sentence naming the one file of a table with no file column may start. */
const INTRO_FILE_WINDOW = 40;

/**
 * "The Tcpip.sys file ... has the following attributes when it is expanded:" over a Date / Time / Size table with
 * no file column: every row is that file's. Only when the intro names exactly one file and no row names one.
 */
function withIntroFile(rows: RawRow[], tokens: Token[], start: number, floor: number): RawRow[] {
  if (rows.some((r) => r.file) || !rows.every((r) => attributeCount(r) >= 2)) return rows;
  let file: Token | undefined;
  let intro = false;
  // Only the sentence just before the table: back to a full stop or a rule line.
  let from = Math.max(start - 1, 0);
  while (from > Math.max(floor, start - INTRO_FILE_WINDOW) && tokens[from - 1]!.kind !== 'rule' && !endsSentence(tokens[from - 1]!)) from--;
  for (let k = from; k < start; k++) {
    const t = tokens[k]!;
    if (t.lower === 'attributes' || t.lower === 'attribute') intro = true;
    if (t.kind !== 'file') continue;
    if (file && String(file.value).toLowerCase() !== String(t.value).toLowerCase()) return rows;
    file = t;
  }
  if (!file || !intro) return rows;
  for (const r of rows) r.file = file;
  return rows;
}

/** A template's file name (`xxxxxxxx.xxx`) names no file. */
const PLACEHOLDER_NAME = /^x+\.x+$/i;

/**
 * A row of a headed table whose cells the article has not filled in yet (`| Async.exe | N/A |`,
 * `| Wappc32.dll | xx/xx/xx | xx:xx |`) still names a file the fix installs.
 */
function isHeadedRow(row: RawRow): boolean {
  return isRow(row) || (row.file !== undefined && row.blank === true && !PLACEHOLDER_NAME.test(String(row.file.value)));
}

/** Hotfix packages are self-extracting files named after the article (Q272274jpnI.exe). */
function isPackage(name: string, articleNumber: string | undefined): boolean {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.exe')) return false;
  if (articleNumber && lower.includes(articleNumber)) return true;
  return /^(q|kb)\d{5,7}/.test(lower);
}

function isPackageTable(rows: FileRow[]): boolean {
  return rows.length > 0 && rows.every((r) => r.name.toLowerCase().endsWith('.exe'));
}

/** How close "After the hotfix is installed" must follow the package table. */
const INSTALL_PHRASE_WINDOW = 30;

function followsInstallPhrase(tokens: Token[], from: number, to: number): boolean {
  if (to - from > INSTALL_PHRASE_WINDOW) return false;
  for (let k = from; k < to; k++) {
    const w = tokens[k]!.lower;
    if (w === 'installed' || w === 'installing') return true;
  }
  return false;
}

/**
 * Articles whose title says they list disk or package contents ("Disk Contents: Postoffice Upgrade",
 * "Contents of Service Pack 5"): their size/date listings are inventories, not a fix's files.
 */
function isContentsListing(text: string): boolean {
  const at = text.indexOf('TITLE');
  if (at < 0 || at > 400) return false;
  const title = text.slice(at, at + 160).split(/PRODUCT\s*:|\n/)[0]!;
  return /\b(contents|disks|diskettes|disk directories|disk directory|disk layout)\b/i.test(title);
}

interface Candidate {
  rows: RawRow[];
  layout: ColumnKind[];
  headed: boolean;
  context: TableContext;
  /** The table starts right after a colon ("...or later:"). */
  afterColon: boolean;
  /** The article is a disk/contents inventory. */
  listing: boolean;
}

/** Whether rows read from the text are a fix's file table rather than prose or an inventory. */
function isFixTable(c: Candidate): boolean {
  const { rows, layout, context } = c;
  const strong = rows.length >= 2 && rows.every((r) => attributeCount(r) >= 2);
  // An intro phrase vouches for a list right after its colon, or for rows that look like a table;
  // a lone "Foo.dll (version 1.2)" in the prose after it is not a table.
  const introduced = context.intro && (c.afterColon || rows.length >= 2 || rows.some((r) => attributeCount(r) >= 2));
  // Disk and directory listings are file tables too, but not the files a fix installs.
  const versioned = layout.includes('version') || layout.includes('platform');
  const aboutFix = versioned || (!c.listing && (context.aboutFix || context.intro));
  return (c.headed || introduced || strong) && (aboutFix || (c.headed && !c.listing));
}

function articleNumberOf(text: string): string | undefined {
  const m = /DOCUMENT:\s*Q(\d{3,8})/.exec(text.slice(0, 300));
  return m?.[1];
}

function toFileRow(row: RawRow, context: TableContext, heading: string | undefined): FileRow {
  const out: FileRow = { name: String(row.file!.value) };
  if (heading) out.product = heading;
  const version = row.version ? versionOf(row.version) : undefined;
  if (version) out.version = version;
  // Bytes only where the article prints bytes; a size printed in KB or MB is kept as printed.
  const size = row.size ? sizeOf(row.size) : undefined;
  if (row.size?.sizeText) out.sizeText = row.size.sizeText;
  else if (size !== undefined) out.size = size;
  if (row.date) out.date = String(row.date.value);
  if (row.time) out.time = String(row.time.value);
  const platform = row.platform ? String(row.platform.value) : context.platform;
  if (platform) out.platform = platform;
  if (context.component) out.component = context.component;
  const language = row.language ? String(row.language.value) : context.language;
  if (language) out.language = language;
  return out;
}

/**
 * A header-less table that opens with its only language or platform ("Simplified Chinese" then rows) sits under
 * that sub-heading: every row is in that language or for that platform, not just the first.
 */
function withSubHeading(context: TableContext, values: readonly Token[] | undefined): TableContext {
  const lead = values?.[0];
  if (!lead || (lead.kind !== 'language' && lead.kind !== 'platform')) return context;
  if (values.filter((v) => v.kind === lead.kind).length !== 1) return context;
  return { ...context, [lead.kind]: String(lead.value) };
}

/**
 * A number that ends an intro with a colon ("...the following timestamp for Windows 3.1:") belongs to the
 * intro, not to the first row: it is no version of the first file.
 */
function isIntroNumber(t: Token): boolean {
  return t.colon === true && (t.kind === 'version' || t.kind === 'size' || t.kind === 'date' || t.kind === 'time');
}

/** The files and hotfix packages listed in an article's file-attribute tables. */
export function parseFileTables(text: string): FileTables {
  const { tokens, headings } = tokenizeWithHeadings(text);
  const articleNumber = articleNumberOf(text);
  const listing = isContentsListing(text);
  const files: FileRow[] = [];
  const packages: FileRow[] = [];
  let previous: { end: number; context: TableContext; rows: FileRow[] } | undefined;
  // The product heading the walk has passed ("IIS 4.0" underlined): it tells apart rows of one file in two sections.
  let heading: string | undefined;
  let nextHeading = 0;
  let i = 0;
  while (i < tokens.length) {
    for (; nextHeading < headings.length && headings[nextHeading]!.at <= i; nextHeading++) heading = headings[nextHeading]!.text || undefined;
    const t = tokens[i]!;
    let columns: ColumnKind[] | undefined;
    let runStart = i;
    if (t.kind === 'header' || t.kind === 'pipe' || t.kind === 'rule') {
      const header = readHeader(tokens, i);
      if (!header) { i++; continue; }
      columns = header.columns;
      runStart = header.end;
    } else if (!isValueToken(t) || isIntroNumber(t)) { i++; continue; }

    const { values, end } = readRun(tokens, runStart, columns);
    let layout = columns ?? inferColumns(values);
    // Every row of a "File Name  Description" table names a file, whether or not its description prints attributes.
    const rowOf = columns && isNameList(columns) ? (r: RawRow) => r.file !== undefined && !PLACEHOLDER_NAME.test(String(r.file.value)) : isHeadedRow;
    let rows = values.length === 0 ? [] : columns ? withIntroFile(readRows(layout, values), tokens, i, previous?.end ?? 0).filter(rowOf) : withListedName(readRows(layout, values));
    if (columns && rows.length === 0 && values.length > 0) {
      // Cells that do not follow their header (a version under "File name") still read by shape.
      layout = inferColumns(values);
      rows = readRows(layout, values).filter(isRow);
    }
    if (layout.includes('platform')) carryPlatformDown(rows);
    if (rows.length > 0) {
      const context = withSubHeading(tableContext(tokens, i, previous), columns ? undefined : values);
      if (isFixTable({ rows, layout, headed: columns !== undefined, context, afterColon: tokens[i - 1]?.colon === true, listing })) {
        if (previous && isPackageTable(previous.rows) && followsInstallPhrase(tokens, previous.end, i)) {
          // "The Japanese version of this fix..." then "After the hotfix is installed, the following
          // files...": the first table lists the packages.
          for (const row of previous.rows) files.splice(files.indexOf(row), 1);
          packages.push(...previous.rows);
        }
        const tableFiles: FileRow[] = [];
        // A label just before the table ("Windows 98:") is nearer to it than an underlined heading further up.
        const label = tableLabel(tokens, i, previous?.end ?? 0) ?? heading;
        for (const row of rows) {
          const fileRow = toFileRow(row, context, label);
          (isPackage(fileRow.name, articleNumber) ? packages : tableFiles).push(fileRow);
        }
        files.push(...tableFiles);
        previous = { end, context, rows: tableFiles };
      }
    }
    i = Math.max(end, i + 1);
  }
  return { files, packages };
}
