/**
 * `*` wildcards for rule entries. A pattern is split once into literal pieces; matching
 * walks the text left to right taking the first occurrence of each piece, which is
 * correct for `*`-only globs and linear in the text (no backtracking).
 */

export interface Glob {
  source: string;
  /** Literal pieces between the stars. */
  pieces: string[];
  anchoredStart: boolean;
  anchoredEnd: boolean;
}

export function compileGlob(pattern: string): Glob {
  const source = pattern.toLowerCase();
  return {
    source,
    pieces: source.split('*'),
    anchoredStart: !source.startsWith('*'),
    anchoredEnd: !source.endsWith('*'),
  };
}

export function isLiteralGlob(glob: Glob): boolean {
  return glob.pieces.length === 1;
}

/** Whether the (already lower-cased) text matches the glob. */
export function globMatches(glob: Glob, text: string): boolean {
  const { pieces } = glob;
  if (pieces.length === 1) return text === pieces[0];
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (first.length + last.length > text.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? '';
    if (piece === '') continue;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}
