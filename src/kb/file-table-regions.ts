/**
 * Where in an article file tables can be: a cheap character-level pass over the raw tokens
 * that finds clusters of value-like tokens (file names, dates, versions, sizes), so that only
 * the text around them is classified in full. Most of an article is prose; skipping it keeps
 * ingest of the whole archive fast. Regions are counted in tokens, never characters, so a
 * line-collapsed article gets the same regions as its formatted original.
 */

/** Two value-like tokens this close (in tokens) suggest a table row. */
const PAIR_DISTANCE = 12;
/** Tokens kept before a cluster (header, intro phrase, Component line, fix words) and after it. */
export const REGION_BEFORE = 110;
export const REGION_AFTER = 40;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}

/** A number-shaped token: date, time, version or a size of three digits or more. */
function isNumberLike(raw: string): boolean {
  const first = raw.charCodeAt(raw[0] === '(' ? 1 : 0);
  if (!isDigit(first)) return false;
  return raw.length >= 3;
}

/** A name.ext-shaped token (a path is fine), or a DOS listing's upper-case extension column. */
function isFileLike(raw: string): boolean {
  let end = raw.length;
  while (end > 0 && ').,;:'.includes(raw[end - 1]!)) end--;
  const dot = raw.lastIndexOf('.', end - 1);
  if (dot <= 0 || end - dot - 1 < 1 || end - dot - 1 > 4) return false;
  const c = raw.charCodeAt(dot + 1);
  return isLetter(c) || c === 95 || c === 36 || isDigit(c);
}

/** A date-shaped token (9/16/2000, 10-01-92): with a size beside it, a DOS listing row. */
function isDateLike(raw: string): boolean {
  return isNumberLike(raw) && (raw.includes('/') || raw.includes('-'));
}

/** Token ranges [start, end) worth reading in full, in order, non-overlapping. */
export function tableRegions(raws: string[]): [number, number][] {
  const regions: [number, number][] = [];
  // A row holds a file name and a number (date, version, size) close together, or a date and a size.
  let lastFile = -PAIR_DISTANCE - 1;
  let lastNumber = -PAIR_DISTANCE - 1;
  let lastDate = -PAIR_DISTANCE - 1;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    let partner: number | undefined;
    if (isNumberLike(raw)) {
      const date = isDateLike(raw);
      if (i - lastFile <= PAIR_DISTANCE) partner = lastFile;
      else if (i - lastDate <= PAIR_DISTANCE) partner = lastDate;
      else if (date && i - lastNumber <= PAIR_DISTANCE) partner = lastNumber;
      lastNumber = i;
      if (date) lastDate = i;
    } else if (isFileLike(raw)) {
      if (i - lastNumber <= PAIR_DISTANCE) partner = lastNumber;
      lastFile = i;
    }
    if (partner === undefined) continue;
    const start = Math.max(0, partner - REGION_BEFORE);
    const end = Math.min(raws.length, i + REGION_AFTER);
    const last = regions[regions.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else regions.push([start, end]);
  }
  return regions;
}
