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

/**
 * The whitespace-separated tokens of a text (with `|` split off as its own token), kept as
 * offsets: most are never looked at again, so no substring is made until one is asked for.
 */
export class TokenSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Whether the token has a `.` after its first character: a file name needs one, and most words have none. */
  private readonly dotted: boolean[] = [];

  constructor(readonly text: string) {
    let start = -1;
    let dot = false;
    for (let i = 0; i <= text.length; i++) {
      const ch = i < text.length ? text.charCodeAt(i) : 32;
      const pipe = ch === 124 || ch === 0xa6;
      if (ch <= 32 || ch === 0xa0 || pipe) {
        if (start >= 0) this.push(start, i, dot);
        start = -1;
        if (pipe) this.push(i, i + 1, false);
      } else if (start < 0) {
        start = i;
        dot = false;
      } else if (ch === 46) dot = true;
    }
  }

  private push(start: number, end: number, dotted: boolean): void {
    this.starts.push(start);
    this.ends.push(end);
    this.dotted.push(dotted);
  }

  get length(): number {
    return this.starts.length;
  }

  at(i: number): string | undefined {
    return i >= 0 && i < this.starts.length ? this.text.slice(this.starts[i], this.ends[i]) : undefined;
  }

  /** Whether token i is exactly `word`, compared in place. */
  equals(i: number, word: string): boolean {
    return i >= 0 && i < this.starts.length && this.ends[i]! - this.starts[i]! === word.length && this.text.startsWith(word, this.starts[i]);
  }

  /** Whether token i starts with `-` or `=`, as an underline does (a cheap test before reading it). */
  startsWithRule(i: number): boolean {
    const c = this.text.charCodeAt(this.starts[i]!);
    return c === 45 || c === 61;
  }
  /** A number-shaped token: date, time, version or a size of three digits or more, or a date not known yet (xx/xx/xx). */
  isNumberLike(i: number): boolean {
    let s = this.starts[i]!;
    const e = this.ends[i]!;
    if (this.text.charCodeAt(s) === 40) s++;
    if (e - this.starts[i]! < 3) return false;
    return isDigit(this.text.charCodeAt(s)) || this.text.startsWith('xx/', s);
  }

  /** A date-shaped number (9/16/2000, 10-01-92). */
  isDateLike(i: number): boolean {
    if (!this.isNumberLike(i)) return false;
    for (let k = this.starts[i]!; k < this.ends[i]!; k++) {
      const c = this.text.charCodeAt(k);
      if (c === 47 || c === 45) return true;
    }
    return false;
  }

  /** A name.ext-shaped token (a path is fine). */
  isFileLike(i: number): boolean {
    if (!this.dotted[i]) return false;
    const s = this.starts[i]!;
    let e = this.ends[i]!;
    while (e > s && ').,;:'.includes(this.text[e - 1]!)) e--;
    let dot = e - 1;
    while (dot > s && this.text.charCodeAt(dot) !== 46) dot--;
    if (dot <= s || e - dot - 1 < 1 || e - dot - 1 > 4) return false;
    const c = this.text.charCodeAt(dot + 1);
    return isLetter(c) || c === 95 || c === 36 || isDigit(c);
  }
}

/** Token ranges [start, end) worth reading in full, in order, non-overlapping. */
export function tableRegions(spans: TokenSpans): [number, number][] {
  const regions: [number, number][] = [];
  // A row holds a file name and a number (date, version, size) close together, or a date and a size.
  let lastFile = -PAIR_DISTANCE - 1;
  let lastNumber = -PAIR_DISTANCE - 1;
  let lastDate = -PAIR_DISTANCE - 1;
  for (let i = 0; i < spans.length; i++) {
    let partner: number | undefined;
    if (spans.isNumberLike(i)) {
      const date = spans.isDateLike(i);
      if (i - lastFile <= PAIR_DISTANCE) partner = lastFile;
      else if (i - lastDate <= PAIR_DISTANCE) partner = lastDate;
      else if (date && i - lastNumber <= PAIR_DISTANCE) partner = lastNumber;
      lastNumber = i;
      if (date) lastDate = i;
    } else if (spans.isFileLike(i)) {
      if (i - lastNumber <= PAIR_DISTANCE) partner = lastNumber;
      lastFile = i;
    }
    if (partner === undefined) continue;
    const start = Math.max(0, partner - REGION_BEFORE);
    const end = Math.min(spans.length, i + REGION_AFTER);
    const last = regions[regions.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else regions.push([start, end]);
  }
  return regions;
}
