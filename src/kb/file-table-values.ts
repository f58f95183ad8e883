/**
 * Value formats of KB file-attribute tables (survey §4.2): dates, times, sizes, versions,
 * platforms, languages and file names, each read from one whitespace-separated token.
 * Every function is a bounded scan of a short string; none backtracks.
 */

const MONTHS = new Map(Object.entries({
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
}));

export function monthNumber(word: string): number | undefined {
  if (word.length < 3 || word.length > 10) return undefined;
  const w = word.toLowerCase();
  return MONTHS.get(w.endsWith('.') ? w.slice(0, -1) : w);
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  // KB file tables date from 1990-2006; two-digit years below 80 are 20xx.
  return n < 80 ? 2000 + n : 1900 + n;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1980 || y > 2030) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * ISO date from one token: m/d/yyyy, m/d/yy, mm-dd-yy(yy), dd-Mon-yy(yy), Mon-dd-yyyy,
 * dd-Month-yyyy, yyyy-mm-dd, dd.mm.yyyy, and day-first d/m/yy when the first field cannot be a month.
 */
export function parseDateToken(token: string): string | undefined {
  if (token.length > 20) return undefined;
  // dd.mm.yyyy as European articles print it; both fields padded, so a version such as 4.10.1998 is not a date.
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(token);
  if (dotted) return iso(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const parts = token.split(/[/-]/);
  if (parts.length !== 3) return undefined;
  const [a, b, c] = parts as [string, string, string];
  if (/^\d{4}$/.test(a) && /^\d{1,2}$/.test(b) && /^\d{1,2}$/.test(c)) return iso(Number(a), Number(b), Number(c));
  if (!/^(\d{2}|\d{4})$/.test(c)) return undefined;
  const year = fullYear(c);
  if (/^\d{1,2}$/.test(a) && /^\d{1,2}$/.test(b)) {
    const x = Number(a);
    const y = Number(b);
    // Month first, as US-English articles print; day first only when the first field exceeds 12.
    return x > 12 ? iso(year, y, x) : iso(year, x, y);
  }
  const monthB = monthNumber(b);
  if (/^\d{1,2}$/.test(a) && monthB) return iso(year, monthB, Number(a));
  const monthA = monthNumber(a);
  if (monthA && /^\d{1,2}$/.test(b)) return iso(year, monthA, Number(b));
  return undefined;
}

/** A time as printed, am/pm normalised to " AM"/" PM" (7:31p → 7:31 PM, 6:26:35 stays). */
export function parseTimeToken(token: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?([ap]\.?m?\.?)?$/i.exec(token);
  if (!m) return undefined;
  const h = Number(m[1]);
  if (h > 24 || Number(m[2]) > 59 || (m[3] !== undefined && Number(m[3]) > 59)) return undefined;
  const clock = m[3] === undefined ? `${m[1]}:${m[2]}` : `${m[1]}:${m[2]}:${m[3]}`;
  const suffix = m[4] ? (m[4][0]!.toLowerCase() === 'a' ? ' AM' : ' PM') : '';
  return clock + suffix;
}

/** A separate am/pm token that follows a time (PM, p.m., A.M.). */
export function ampmSuffix(token: string): string | undefined {
  const t = token.toLowerCase().replace(/\./g, '');
  if (t === 'am' || t === 'a') return ' AM';
  if (t === 'pm' || t === 'p') return ' PM';
  return undefined;
}

/** Bytes from a comma- or dot-grouped or plain number (2,621,440; 2.621.440; 561152). */
export function parseGroupedNumber(token: string): number | undefined {
  if (/^\d{1,12}$/.test(token)) return Number(token);
  if (/^\d{1,3}([,.]\d{3}){1,4}$/.test(token)) {
    const sep = token[token.search(/[,.]/)];
    // One separator kind per number: 1,234.567 is not a size.
    if (token.includes(sep === ',' ? '.' : ',')) return undefined;
    return Number(token.replace(/[,.]/g, ''));
  }
  return undefined;
}

/** Multiplier for a size unit token (bytes, KB, K), or undefined. */
export function sizeUnit(token: string): number | undefined {
  const t = token.toLowerCase();
  if (t === 'bytes' || t === 'byte' || t === 'b') return 1;
  if (t === 'kb' || t === 'k' || t === 'kbytes') return 1024;
  if (t === 'mb') return 1024 * 1024;
  return undefined;
}

/** Size with a glued unit: 122KB, 1,024K, and with decimals in KB or MB: 67.5KB, 1.42MB, 17.7K. */
export function parseSizeWithUnit(token: string): number | undefined {
  const m = /^([\d,.]{1,16})(kb|k|bytes|mb)$/i.exec(token);
  if (!m) return undefined;
  const unit = sizeUnit(m[2]!);
  if (unit === undefined) return undefined;
  const n = parseGroupedNumber(m[1]!);
  if (n !== undefined) return n * unit;
  // The byte count of a decimal size is only an estimate; the card prints it as printed.
  return unit > 1 && /^\d{1,6}\.\d{1,3}$/.test(m[1]!) ? Math.round(Number(m[1]!) * unit) : undefined;
}

/**
 * A size whose last digit group was cut short in print ("2,538,44"): comma groups of three, then one of
 * one or two digits. It is no version (resource versions have no three-digit middle group); the
 * card keeps it as printed, since its byte count is unknown.
 */
export function isMisprintedSize(token: string): boolean {
  return /^\d{1,3}(,\d{3})+,\d{1,2}$/.test(token);
}

/** Dotted version (2-5 numeric parts) or resource-style comma version, normalised to dots. */
export function parseVersionToken(token: string): string | undefined {
  if (/^\d{1,6}(\.\d{1,6}){1,4}$/.test(token)) return token;
  // 5,0,2195,1234 is a version; 2,621,440 (three-digit groups) is a size.
  if (/^\d{1,6}(,\d{1,6}){1,4}$/.test(token) && !/^\d{1,3}(,\d{3})+$/.test(token) && !isMisprintedSize(token)) return token.replace(/,/g, '.');
  return undefined;
}

const PLATFORMS = new Map(Object.entries({
  i386: 'i386', x86: 'i386', ix86: 'i386', intel: 'i386', alpha: 'alpha', axp: 'alpha', mips: 'mips',
  ppc: 'ppc', powerpc: 'ppc', ia64: 'ia64', 'ia-64': 'ia64', itanium: 'ia64', x64: 'x64', amd64: 'x64',
}));

/** Normalised processor platform (i386 for x86/Intel/I386, alpha, mips, ppc, ia64, x64), or undefined. */
export function parsePlatform(token: string): string | undefined {
  if (token.length > 14) return undefined;
  const t = token.toLowerCase();
  return PLATFORMS.get(t.endsWith('-based') ? t.slice(0, -6) : t);
}

export const LANGUAGE_NAMES = [
  'English', 'German', 'French', 'Japanese', 'Korean', 'Spanish', 'Italian', 'Dutch', 'Swedish', 'Norwegian',
  'Danish', 'Finnish', 'Portuguese', 'Brazilian', 'Chinese', 'Czech', 'Hungarian', 'Polish', 'Russian',
  'Turkish', 'Greek', 'Hebrew', 'Arabic', 'Thai',
];

/** Placeholder cells: a version or time that does not apply or is not yet known. */
export function isPlaceholder(token: string): boolean {
  const t = token.toLowerCase();
  return t === '-' || t === '--' || t === 'n/a' || t === 'na' || t === 'none' || t === 'tbd' || /^x{1,2}([/:.-]x{1,4}){1,2}$/.test(t);
}

const NOT_EXTENSIONS = new Set(['org', 'net', 'edu', 'gov']);
/** Web domains that look like DOS .com files. */
const DOMAINS = new Set(['microsoft.com', 'msn.com', 'hotmail.com', 'windowsupdate.com', 'msdn.com']);

/**
 * The file name in a token when it names a file (name.ext, optionally with a path), else undefined.
 * The extension needs a letter and at most 4 characters, which excludes versions and most prose.
 */
export function parseFileName(token: string): string | undefined {
  if (token.length > 160 || token.includes('://') || /^www\./i.test(token)) return undefined;
  const base = token.slice(Math.max(token.lastIndexOf('\\'), token.lastIndexOf('/')) + 1);
  const m = /^([A-Za-z0-9_$~#&@!{}-][A-Za-z0-9_$~#&@!{}.+-]{0,63})\.([A-Za-z0-9_$]{1,4})$/.exec(base);
  if (!m) return undefined;
  const ext = m[2]!;
  // 3.30a and 4.0b are versions, not files: extensions start with a letter (or are .386 drivers).
  const numericExt = /^\d{3}$/.test(ext) && /[A-Za-z]/.test(m[1]!);
  if ((!/^[A-Za-z_$]/.test(ext) && !numericExt) || NOT_EXTENSIONS.has(ext.toLowerCase()) || DOMAINS.has(base.toLowerCase())) return undefined;
  // e.g, i.e, a.m are words, not files; names need two characters or a digit.
  if (m[1]!.length < 2 && !/\d/.test(m[1]!)) return undefined;
  return base;
}
