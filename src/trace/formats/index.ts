/**
 * The one place non-Windows stack formats are read: every reader runs over the same clean lines,
 * in a fixed order (most distinctive shapes first), each skipping the lines an earlier one claimed.
 * The Windows debugger reader (../traces.ts) then reads what is left.
 */
import type { Clue, Trace } from '../../model.js';
import { readApple } from './apple.js';
import { readBreakpad } from './breakpad.js';
import { readDotnet } from './dotnet.js';
import { readGdb } from './gdb.js';
import { readGo } from './go.js';
import { readJava } from './java.js';
import { readJs } from './js.js';
import { readKernel } from './kernel.js';
import { cleanLines } from './lines.js';
import { readPhp } from './php.js';
import { readPython } from './python.js';
import { MAX_TRACES, type FoundTrace, type Reader } from './reader.js';
import { readRuby } from './ruby.js';
import { readRust } from './rust.js';

/** Readers by name, in the order they run. */
export const READERS: readonly (readonly [string, Reader])[] = [
  ['kernel', readKernel],
  ['go', readGo],
  ['rust', readRust],
  ['python', readPython],
  ['ruby', readRuby],
  ['php', readPhp],
  ['apple', readApple],
  ['breakpad', readBreakpad],
  ['gdb', readGdb],
  ['java', readJava],
  ['js', readJs],
  ['dotnet', readDotnet],
];

export interface ForeignStacks {
  /** Traces in the order they were pasted, each crash frame first. */
  traces: Trace[];
  /** Exceptions, panics and oopses named with them. */
  clues: Clue[];
  /** Pasted line numbers the readers took (the Windows reader skips them). */
  claimedLines: Set<number>;
}


export function readForeignStacks(text: string): ForeignStacks {
  const lines = cleanLines(text);
  const claimed = new Uint8Array(lines.length);
  const found: FoundTrace[] = [];
  const clues: Clue[] = [];
  for (const [, read] of READERS) {
    const out = read(lines, claimed);
    found.push(...out.traces);
    clues.push(...out.clues);
  }
  found.sort((a, b) => a.line - b.line);
  const claimedLines = new Set<number>();
  claimed.forEach((c, i) => {
    if (c) claimedLines.add(lines[i]!.source);
  });
  return { traces: found.slice(0, MAX_TRACES).map((t) => t.frames), clues: clues.slice(0, MAX_TRACES), claimedLines };
}
