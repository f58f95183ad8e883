/**
 * Splits article text into classified tokens for the file-table reader. Tables are read from
 * the token stream by value shape, never by character column, so an article whose line breaks
 * were collapsed into spaces reads exactly like the formatted original. Linear: a cheap pass
 * splits the text, and only the regions around file/number clusters are classified in full.
 */
import {
  ampmSuffix, isMisprintedSize, isPlaceholder, LANGUAGE_NAMES, monthNumber, parseDateToken, parseFileName, parseGroupedNumber,
  parsePlatform, parseSizeWithUnit, parseTimeToken, parseVersionToken, sizeUnit,
} from './file-table-values.js';
import { tableRegions, TokenSpans } from './file-table-regions.js';

export type TokenKind =
  | 'date' | 'time' | 'version' | 'size' | 'file' | 'path' | 'platform' | 'language' | 'placeholder'
  | 'pipe' | 'rule' | 'connector' | 'header' | 'word';

export interface Token {
  kind: TokenKind;
  /** The token as printed, wrapping punctuation removed. */
  text: string;
  /** Lower-cased text, for phrase matching. */
  lower: string;
  /** Normalised value: ISO date, time, dotted version, file name, platform, language, size in bytes. */
  value?: string | number;
  /** A size printed in KB or MB (`1.3 MB`, `122KB`), exactly as printed: its byte count is only an estimate. */
  sizeText?: string;
  /** A dotted number that may also be a dot-grouped size (1.234.567): its byte count. */
  altSize?: number;
  /** True when the token ends with sentence or list punctuation (`,` `;` `.` `:`), which prose has and cells rarely do. */
  punct: boolean;
  /** True when the token ended with a colon (`later:`), as intro phrases and labels do. */
  colon?: boolean;
  /** True when a full stop after the token was cut off (`file.` read as `file`): it ends a sentence. */
  stop?: boolean;
}

/** Column words of header rows (survey §4.1). */
export const HEADER_WORDS = new Set([
  'date', 'time', 'version', 'versions', 'ver', 'size', 'sizes', 'file', 'files', 'filename', 'filenames', 'name', 'names',
  'platform', 'processor', 'language', 'locale', 'description', 'folder', 'directory', 'destination', 'path',
  'location', 'filesize', 'filedate', 'filetime', 'fileversion', 'date/time', 'architecture',
]);

/** Words that join the values of one row: "221,089 bytes, dated 02-15-93", "4.00.969 or later 12/20/95", "Foo.dll v 3.2". */
const CONNECTORS = new Set(['dated', 'bytes', 'byte', 'at', '&', '/', 'or', 'and', 'later', 'newer', 'v']);

const LEADING = '(["\'[<*';
const TRAILING = ')]"\',;:>*';

interface Trimmed {
  text: string;
  punct: boolean;
  colon: boolean;
}

function trimPunctuation(raw: string): Trimmed {
  let start = 0;
  let end = raw.length;
  while (start < end && LEADING.includes(raw[start]!)) start++;
  let punct = false;
  while (end > start && TRAILING.includes(raw[end - 1]!)) {
    if (raw[end - 1] !== ')' && raw[end - 1] !== ']') punct = true;
    end--;
  }
  return { text: raw.slice(start, end), punct, colon: end < raw.length && raw.slice(end).includes(':') };
}

function trimmedAt(raws: TokenSpans, i: number): Trimmed {
  return trimPunctuation(raws.at(i)!);
}

function isRule(t: string): boolean {
  if (t.length < 3) return false;
  for (const ch of t) if (!'-=_+|:~'.includes(ch)) return false;
  return true;
}

const WORD: [TokenKind] = ['word'];

/** Kinds of the letters-only words that are not prose: platforms, languages, column words, connectors. */
const PLAIN_WORDS = new Map<string, [TokenKind, (string | number)?]>();
for (const w of ['intel', 'alpha', 'axp', 'mips', 'ppc', 'powerpc', 'itanium']) PLAIN_WORDS.set(w, ['platform', parsePlatform(w)!]);
for (const w of LANGUAGE_NAMES) PLAIN_WORDS.set(w.toLowerCase(), ['language', w]);
for (const w of HEADER_WORDS) PLAIN_WORDS.set(w, ['header']);
for (const w of CONNECTORS) PLAIN_WORDS.set(w, ['connector']);
for (const w of ['none', 'na', 'tbd']) PLAIN_WORDS.set(w, ['placeholder']);

/** Words that make a language name of two ("Simplified Chinese", "Brazilian Portuguese"). */
const LANGUAGE_QUALIFIERS = new Set(['simplified', 'traditional', 'brazilian']);
/** Hyphenated language names, which the letters-only look-up does not see. */
const HYPHENATED_LANGUAGES = new Map([['pan-chinese', 'Pan-Chinese']]);

/** Letters only (the shape of most prose words), checked without a regex. */
function isPlainWord(t: string): boolean {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** The kind and normalised value of one cleaned token, by shape. */
function shapeOf(text: string, lower: string): [TokenKind, (string | number)?] {
  if (isPlainWord(text)) {
    // Most tokens are prose words: one map look-up, no value parsing.
    return PLAIN_WORDS.get(lower) ?? WORD;
  }
  // A sentence-final word ("installed."): letters and a period are none of the shapes below.
  if (text.length > 1 && text.charCodeAt(text.length - 1) === 46 && isPlainWord(text.slice(0, -1))) return WORD;
  const hyphenated = HYPHENATED_LANGUAGES.get(lower);
  if (hyphenated) return ['language', hyphenated];
  if (text === '|' || text === '\u00a6') return ['pipe'];
  if (isRule(text)) return ['rule'];
  if (isPlaceholder(text)) return ['placeholder'];
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const date = parseDateToken(text);
    if (date) return ['date', date];
    const time = parseTimeToken(text);
    if (time) return ['time', time];
    if (isMisprintedSize(text)) return ['size', Number(text.replace(/,/g, ''))];
    const version = parseVersionToken(text);
    if (version) return ['version', version];
    const size = parseGroupedNumber(text) ?? parseSizeWithUnit(text);
    // One- and two-digit numbers are list numbers or days far more often than file sizes:
    // they stay words (carrying their number) and count as sizes only under a Size column.
    if (size !== undefined && (text.length >= 3 || !/^\d+$/.test(text))) return ['size', size];
    if (size !== undefined) return ['word', size];
  } else {
    // v3.2.4013: a version with its v prefix.
    if ((first === 118 || first === 86) && text.length > 3) {
      const prefixed = parseVersionToken(text.slice(1));
      if (prefixed && text.includes('.')) return ['version', prefixed];
    }
    const date = parseDateToken(text);
    if (date) return ['date', date];
  }
  const platform = parsePlatform(text);
  if (platform) return ['platform', platform];
  const file = parseFileName(text);
  if (file) return ['file', file];
  if (text.includes('\\') || /^%\w{1,40}%/.test(text)) return ['path', text];
  if (HEADER_WORDS.has(lower)) return ['header'];
  if (CONNECTORS.has(lower)) return ['connector'];
  return ['word'];
}

function classify(text: string, punct: boolean): Token {
  const lower = text.toLowerCase();
  const [kind, value] = shapeOf(text, lower);
  const token: Token = { kind, text, lower, value, punct };
  if (kind === 'version' && /^\d{1,3}(\.\d{3})+$/.test(text)) token.altSize = parseGroupedNumber(text);
  if (kind === 'size' && ((/[a-z]/i.test(text) && !/bytes?$/i.test(text)) || isMisprintedSize(text))) token.sizeText = text;
  return token;
}

/** Bytes for a number followed by a unit: 221,089 bytes; 1,025 KB; 1.79 MB. */
function sizeWithUnit(number: string, unit: number): number | undefined {
  const grouped = parseGroupedNumber(number);
  if (grouped !== undefined) return grouped * unit;
  // 1.33 MB, and 15,66 KB as articles with a decimal comma print it.
  if (unit > 1 && /^\d{1,6}[.,]\d{1,3}$/.test(number)) return Math.round(Number(number.replace(',', '.')) * unit);
  return undefined;
}

/** The cheap part of isDosName's name test (2-8 characters, the first an upper-case letter or digit), to try before it. */
function mayBeDosName(name: string): boolean {
  const c = name.charCodeAt(0);
  return name.length >= 2 && name.length <= 8 && ((c >= 65 && c <= 90) || (c >= 48 && c <= 57));
}

/** DOS `dir` rows: NAME EXT size date (NET MSG 70629 10-01-92). */
function isDosName(name: string, ext: string, size: string, date: string | undefined): boolean {
  return /^[A-Z0-9][A-Z0-9_$~-]{1,7}$/.test(name) && /[A-Z]/.test(name + ext) && /^[A-Z_][A-Z0-9_$]{1,2}$/.test(ext)
    && parseGroupedNumber(size) !== undefined
    && date !== undefined && parseDateToken(date) !== undefined;
}

/** Classified tokens of `text`, with multi-token values (221,089 bytes; 3:00 P.M.; May 02 2001) merged. */
export function tokenize(text: string): Token[] {
  return tokenizeWithHeadings(text).tokens;
}

/** The tokens of `text` and, kept beside them so no table row is split, its underlined headings. */
export function tokenizeWithHeadings(text: string): { tokens: Token[]; headings: Heading[] } {
  const raws = new TokenSpans(text);
  const out: Token[] = [];
  const headings = underlinedHeadings(raws);
  const found: Heading[] = [];
  const next = { at: 0 };
  for (const [start, end] of tableRegions(raws)) {
    // Skipped prose between regions ends any table, as prose does; its headings still count.
    if (out.length > 0) out.push(REGION_BREAK);
    while (next.at < headings.length && headings[next.at]!.start < start) found.push({ at: out.length, text: headings[next.at++]!.text });
    readRegion(raws, start, end, out, headings, next, found);
  }
  return { tokens: out, headings: found };
}

/** Stands for the prose skipped between two regions. */
const REGION_BREAK: Token = { kind: 'word', text: '', lower: '', punct: true };

/** How many tokens an "Additional query words:" keyword line may run before its rule line. */
const QUERY_WORDS_LIMIT = 80;

/** Index after the keyword line that starts at `i` ("Additional query words: 2.10 disk.tsd ..."), or `i`. */
function skipQueryWords(raws: TokenSpans, i: number): number {
  if (!raws.equals(i, 'Additional') || raws.at(i + 1) !== 'query' || !raws.at(i + 2)?.startsWith('words')) return i;
  let j = i + 3;
  while (j < raws.length && j - i < QUERY_WORDS_LIMIT && !isRule(raws.at(j)!)) j++;
  return j;
}

const WEEKDAYS = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** `[Weekday] Month dd[,] [hh:mm[:ss]] yyyy` starting at raw token i: a date token, its time if printed, and the index after it. */
function dateStamp(raws: TokenSpans, i: number): { date: Token; time?: Token; end: number } | undefined {
  let k = i;
  if (WEEKDAYS.has(trimmedAt(raws, k).text.toLowerCase())) k++;
  const month = trimmedAt(raws, k).text;
  if (k + 2 >= raws.length || !monthNumber(month)) return undefined;
  const day = trimmedAt(raws, k + 1).text;
  if (!/^\d{1,2}$/.test(day)) return undefined;
  let y = k + 2;
  const clock = trimmedAt(raws, y);
  const time = parseTimeToken(clock.text);
  if (time) y++;
  const year = y < raws.length ? trimmedAt(raws, y) : undefined;
  if (!year || !/^\d{4}$/.test(year.text)) return undefined;
  const iso = parseDateToken(`${month}-${day}-${year.text}`);
  if (!iso) return undefined;
  const text = `${month} ${day} ${year.text}`;
  const date: Token = { kind: 'date', text, lower: text.toLowerCase(), value: iso, punct: year.punct };
  return { date, ...(time ? { time: { kind: 'time', text: clock.text, lower: clock.text, value: time, punct: false } as Token } : {}), end: y + 1 };
}

/** `dd Month yyyy` starting at raw token i (whose text is the day), as one date token, or undefined. */
function dayMonthYear(raws: TokenSpans, i: number, day: string): Token | undefined {
  const month = trimmedAt(raws, i + 1).text;
  if (!monthNumber(month)) return undefined;
  const year = trimmedAt(raws, i + 2);
  if (!/^\d{4}$/.test(year.text)) return undefined;
  const iso = parseDateToken(`${day}-${month}-${year.text}`);
  if (!iso) return undefined;
  const text = `${day} ${month} ${year.text}`;
  return { kind: 'date', text, lower: text.toLowerCase(), value: iso, punct: year.punct };
}

/** Longest underlined heading read as a table's product ("Windows NT Server 4.0, Terminal Server Edition"). */
const HEADING_MAX_TOKENS = 12;
/** Longest heading read as a product without a version number in it. */
const PLAIN_HEADING_TOKENS = 8;

/** First words of underlined headings that introduce steps or notes, not a product's section. */
const INSTRUCTION_STARTS = new Set([
  'to', 'steps', 'step', 'how', 'making', 'installing', 'creating', 'using', 'obtaining', 'downloading', 'possible',
  'important', 'method', 'note', 'notes', 'more', 'additional', 'summary', 'example', 'sample', 'workaround',
  'installation', 'instructions', 'introduction',
]);

/** Last words of headings that name a topic of the article, not a product. */
const TOPIC_ENDS = new Set(['information', 'instructions', 'notes', 'details', 'procedure', 'steps', 'files']);

/** Last words that make an -ing heading a product ("Indexing Service"), not a task ("Copying Files"). */
const PRODUCT_ENDS = new Set(['service', 'services', 'server', 'client', 'gateway', 'connector']);

/** All-caps article sections, which end a product's section whatever their underline. */
const SECTION_HEADINGS = new Set([
  'SYMPTOMS', 'SYMPTOM', 'CAUSE', 'RESOLUTION', 'STATUS', 'WORKAROUND', 'MORE INFORMATION', 'SUMMARY', 'REFERENCES',
  'NOTE', 'NOTES', 'APPLIES TO', 'INTRODUCTION', 'OVERVIEW', 'WORKAROUNDS', 'METHOD', 'STEPS TO REPRODUCE BEHAVIOR',
]);

/** A heading and the index of the first token after it; text '' for an all-caps section heading. */
export interface Heading {
  at: number;
  text: string;
}

/**
 * A heading underlined to its own length ("IIS 4.0" over "-------"), which KB articles use for the
 * product sections of a fix: `rule` is the raw index of the underline. Its words are the raw tokens
 * before it whose single-spaced length equals the underline's, so line-collapsed text reads the same.
 * All-caps section headings (RESOLUTION, MORE INFORMATION) end a product section: their text is ''.
 * Step and note headings ("To download the updated files") are skipped.
 */
function headingBefore(raws: TokenSpans, rule: number): { start: number; text: string } | undefined {
  const line = raws.at(rule)!;
  if (line.length < 2 || line.length > 80 || !/^(-+|=+)$/.test(line)) return undefined;
  let length = -1;
  let j = rule;
  while (j > 0 && rule - j < HEADING_MAX_TOKENS && length < line.length) {
    j--;
    length += raws.at(j)!.length + 1;
  }
  if (length !== line.length) return undefined;
  const words: string[] = [];
  for (let k = j; k < rule; k++) words.push(raws.at(k)!);
  const text = words.join(' ');
  // A sentence or a table row is no heading: it ends in a period, or holds a pipe, a path or a file name.
  if (!/^[A-Z]/.test(text) || /[.|]$|\\|\|/.test(text) || words.some((w) => parseFileName(w) !== undefined)) return undefined;
  // An underlined column header ("File name" over "---------", "Date" over "----") is no heading.
  if (words.filter((w) => HEADER_WORDS.has(w.toLowerCase())).length * 2 >= words.length) return undefined;
  // A step or note heading ("To download the updated files", "Steps to ...") names no product, and a
  // keyword footer ("PROD/VER:WINDOWS:") is no heading at all.
  // SYMPTOMS, MORE INFORMATION: an article section, which ends the product's; "IIS 4.0" is a product.
  // An all-caps product underlined with dashes ("MS-DOS" over "------") is a product; "=" underlines sections.
  if (!/[a-z0-9]/.test(text) && (line[0] === '=' || SECTION_HEADINGS.has(text) || !/-/.test(text))) return { start: j, text: '' };
  // "Visual Basic 5.0/Visual Studio 97" and "OS/2" are products; "PROD/VER:WINNT" is a keyword footer.
  if (INSTRUCTION_STARTS.has(words[0]!.toLowerCase()) || /:./.test(text)) return undefined;
  // "Copying TCP/IP Support Files", "Ordering the ... CD", "Download Information": a task or a topic, no product.
  // "Intel" over "-----" heads a platform's table: its platform, not a product.
  if (words.every((w) => parsePlatform(w.replace(/[,:]$/, '')) !== undefined)) return undefined;
  const last = words[words.length - 1]!.toLowerCase();
  if ((/ing$/i.test(words[0]!) && !PRODUCT_ENDS.has(last)) || TOPIC_ENDS.has(last)) return undefined;
  // A long heading names a product only with its version ("ActiveX Controls Installed by Visual Basic 5.0 ...").
  if (words.length > PLAIN_HEADING_TOKENS && !/\d/.test(text)) return undefined;
  return { start: j, text: text.replace(/[,:]$/, '') };
}

/** Underlined headings in raw-token order, found by one pass that reads only the tokens starting with - or =. */
function underlinedHeadings(raws: TokenSpans): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  for (let i = 1; i < raws.length; i++) {
    if (!raws.startsWithRule(i)) continue;
    const heading = headingBefore(raws, i);
    if (heading && (out.length === 0 || out[out.length - 1]!.start < heading.start)) out.push(heading);
  }
  return out;
}

/** The token without a trailing `<BR>` / `<BR/>` tag. */
function withoutBreakTag(raw: string): string {
  return raw.length > 4 && raw.charCodeAt(raw.length - 1) === 62 ? raw.replace(/<\/?br\s*\/?>$/i, '') : raw;
}

function readRegion(raws: TokenSpans, start: number, end: number, out: Token[], headings: { start: number; text: string }[], next: { at: number }, found: Heading[]): void {
  for (let i = start; i < end; i++) {
    while (next.at < headings.length && headings[next.at]!.start <= i) found.push({ at: out.length, text: headings[next.at++]!.text });
    const skipped = skipQueryWords(raws, i);
    if (skipped !== i) {
      // Search keywords, not a table: "Additional query words: 2.10 1.30 disk.tsd"
      out.push(REGION_BREAK);
      i = skipped - 1;
      continue;
    }
    // Web-converted articles leave line-break tags glued to cells ("x86<BR/>", "-----<BR>").
    const raw = withoutBreakTag(raws.at(i)!);
    if (raw.length === 0) continue;
    const suffixed = /^([^()]+\.\w{1,4})\(([A-Za-z0-9-]{1,10})\)[,;.]?$/.exec(raw);
    if (suffixed && parsePlatform(suffixed[2]!)) {
      // Dns.exe(Alpha): the file, then its platform.
      out.push(classify(suffixed[1]!, false), { kind: 'platform', text: suffixed[2]!, lower: suffixed[2]!.toLowerCase(), value: parsePlatform(suffixed[2]!)!, punct: false });
      continue;
    }
    const trimmed = trimPunctuation(raw);
    let t = trimmed.text;
    const punct = trimmed.punct;
    if (t.length === 0) continue;
    let token = classify(t, punct);
    // A sentence-final period: "... Store.exe." / "version 5.5.2654.3."
    if (token.kind === 'word' && t.endsWith('.') && t.length > 1) {
      t = t.slice(0, -1);
      const retry = classify(t, true);
      if (retry.kind !== 'word') token = { ...retry, stop: true };
    }
    if (i + 1 < raws.length) {
      // The next token, trimmed, is only made for the few tokens that may join it.
      let trimmedNext: Trimmed | undefined;
      let dayFirst: Token | undefined;
      const unit = /^\d[\d,.]{0,15}$/.test(t) ? sizeUnit((trimmedNext ??= trimmedAt(raws, i + 1)).text) : undefined;
      const bytes = unit === undefined ? undefined : sizeWithUnit(t, unit);
      if (bytes !== undefined) {
        const next = (trimmedNext ??= trimmedAt(raws, i + 1));
        token = { kind: 'size', text: t, lower: t, value: bytes, punct: next.punct, ...(unit === 1 ? {} : { sizeText: `${t} ${next.text}` }) };
        i++;
      } else if (token.kind === 'word' && i + 2 < raws.length && /^\d{1,2}$/.test(t) && (dayFirst = dayMonthYear(raws, i, t))) {
        // 29 May 2001: day, month name and year as three words.
        token = dayFirst;
        i += 2;
      } else if (token.kind === 'word' && i + 2 < raws.length && mayBeDosName(t) && isDosName(t, (trimmedNext ??= trimmedAt(raws, i + 1)).text, raws.at(i + 2)!, raws.at(i + 3))) {
        const next = (trimmedNext ??= trimmedAt(raws, i + 1));
        // DOS dir listings print name and extension in columns: NET      MSG     70629 10-01-92
        token = { kind: 'file', text: `${t}.${next.text}`, lower: `${t}.${next.text}`.toLowerCase(), value: `${t}.${next.text}`, punct: next.punct };
        i++;
      } else if (token.kind === 'time' && !/[AP]M$/.test(String(token.value))) {
        const next = (trimmedNext ??= trimmedAt(raws, i + 1));
        const suffix = ampmSuffix(next.text);
        if (suffix) {
          token.value = String(token.value) + suffix;
          token.punct = next.punct;
          i++;
        }
      } else if (token.kind === 'word' && (monthNumber(t) || WEEKDAYS.has(token.lower)) && i + 2 < raws.length) {
        // Mon dd yyyy / Mon dd, yyyy / Mon Feb 14 15:22:04 2000 (a build stamp): the date, then its time.
        const stamp = dateStamp(raws, i);
        if (stamp) {
          out.push(stamp.date);
          if (stamp.time) out.push(stamp.time);
          i = stamp.end - 1;
          continue;
        }
      } else if (token.kind === 'language' && /^\((simplified|traditional)\)[,;.]?$/i.test(raws.at(i + 1)!)) {
        // "Chinese (Simplified)": the qualifier in parentheses tells two languages apart.
        const name = `${t} ${raws.at(i + 1)!.replace(/[,;.]$/, '')}`;
        token = { kind: 'language', text: name, lower: name.toLowerCase(), value: name, punct: /[,;.]$/.test(raws.at(i + 1)!) };
        i++;
      } else if (token.kind === 'word' && LANGUAGE_QUALIFIERS.has(token.lower) && PLAIN_WORDS.get((trimmedNext ??= trimmedAt(raws, i + 1)).text.toLowerCase())?.[0] === 'language') {
        // "Simplified Chinese" and "Traditional Chinese" are two languages, not one Chinese.
        const next = (trimmedNext ??= trimmedAt(raws, i + 1));
        const name = `${t} ${next.text}`;
        token = { kind: 'language', text: name, lower: name.toLowerCase(), value: name, punct: next.punct };
        i++;
      } else if (token.kind === 'word' && token.lower === 'not' && (trimmedNext ??= trimmedAt(raws, i + 1)).text.toLowerCase() === 'applicable') {
        token = { kind: 'placeholder', text: 'not applicable', lower: 'not applicable', punct: (trimmedNext ??= trimmedAt(raws, i + 1)).punct };
        i++;
      }
    }
    if (trimmed.colon) token.colon = true;
    const before = out[out.length - 1];
    if (token.kind === 'size' && token.sizeText === undefined && before?.kind === 'size' && before.sizeText !== undefined && !before.punct) {
      // "21.7KB (22,288 bytes)": one size in two units; the bytes are the size as printed.
      out[out.length - 1] = token;
      continue;
    }
    out.push(token);
  }
}
