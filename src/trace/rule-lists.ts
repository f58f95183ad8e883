/**
 * The reader of wording-list files in rules/ (chat-clause.txt, stated-cause.txt): `[list]` lines, each followed by
 * its entries separated by `|`. Read and checked once, when the module using it loads: a bad line stops the bot with
 * file:line, as the frame lists do. Which lists a file must hold is the caller's; how they combine stays in its code.
 * In trace/ so both trace/ and kb/ may import it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCode, KbBotError } from '../errors.js';

/** What one file holds: its lists, and which of them are written differently. */
export interface ListFileSpec<L extends string> {
  /** Every list the caller uses; a file without one of them (or with another) is refused. */
  lists: readonly L[];
  /** Entries written as typed (begun with a capital); every other list is lower case. */
  asTyped?: ReadonlySet<L>;
  /** Lists compared word by word, not matched as patterns: single words, no `?` or `+`. */
  wordLists?: ReadonlySet<L>;
  /** Punctuation an entry may hold besides ' - : , (e.g. `()` for "(c)"); escaped in the patterns. */
  extraPunctuation?: string;
}

export interface RuleLists<L extends string> {
  /** A list as one regex group, longer entries first (so `error message` is tried before `error`). */
  alt(list: L): string;
  /** A list's entries as written (for word lists: the words). */
  words(list: L): ReadonlySet<string>;
}

/** rules/, two levels above this module, in src/ and in dist/ alike. */
export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Letters, digits, spaces, ' - : , and the file's extra punctuation, with `?` (optional) or `+` (repeated) after a character. */
function entrySyntax(extra: string): RegExp {
  const chars = `[A-Za-z0-9' :,${extra.replace(/[\\\]^-]/g, '\\$&')}-]`;
  return new RegExp(`^${chars}(?:${chars}|(?<![?+])[?+])*$`);
}

function punctuationNote(extra: string): string {
  return extra ? `' - : , ${[...extra].join(' ')}` : `' - : ,`;
}

/** An entry's length as text, without its `?`/`+` marks: the order alternatives are tried in. */
function textLength(entry: string): number {
  return entry.replace(/[?+]/g, '').length;
}

/** An entry as a pattern: its `?`/`+` marks kept, any other regex character (only extra punctuation) escaped. */
function asPattern(entry: string): string {
  return entry.replace(/[()[\]{}.*^$\\|]/g, '\\$&');
}

/**
 * Each meaningful line of a rules file (`#` comments and blank lines dropped), with its number and a `fail` that
 * refuses the file at that line (file:line), the way every rules file is refused.
 */
export function forEachRuleLine(text: string, file: string, visit: (line: string, at: number, fail: (message: string) => never) => void): void {
  text.split('\n').forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (line === '') return;
    visit(line, i + 1, (message: string): never => {
      throw new KbBotError(ErrorCode.RuleListInvalid, `${file}:${i + 1}: ${message}`, { file, line: i + 1 });
    });
  });
}

export function parseRuleLists<L extends string>(text: string, file: string, spec: ListFileSpec<L>): RuleLists<L> {
  const { lists: names, asTyped = new Set<L>(), wordLists = new Set<L>(), extraPunctuation = '' } = spec;
  const ENTRY = entrySyntax(extraPunctuation);
  const lists = new Map<L, { line: number; entries: string[] }>();
  let current: { name: L; entries: string[] } | undefined;
  const known = new Set<string>(names);
  forEachRuleLine(text, file, (line, at, fail) => {
    const header = /^\[([^\]]*)\]$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      if (!known.has(name)) fail(`unknown list [${name}] (known: ${names.join(', ')})`);
      if (lists.has(name as L)) fail(`list [${name}] given twice`);
      current = { name: name as L, entries: [] };
      lists.set(current.name, { line: at, entries: current.entries });
      return;
    }
    if (!current) return fail(`an entry before any [list] line: '${line}'`);
    for (const part of line.split('|')) {
      const entry = part.trim().replace(/\s+/g, ' ');
      if (entry === '') fail(`an empty entry in '${line}' (two '|' in a row, or one at an end)`);
      if (!ENTRY.test(entry)) fail(`'${entry}': only letters, digits, spaces, ${punctuationNote(extraPunctuation)} and a ? or + after a character`);
      if (!asTyped.has(current.name) && entry !== entry.toLowerCase()) fail(`'${entry}': [${current.name}] is written in lower case`);
      if (asTyped.has(current.name) && !/^[A-Z]/.test(entry)) fail(`'${entry}': [${current.name}] is written as typed, begun with a capital`);
      if (wordLists.has(current.name) && !/^[a-z0-9']+$/.test(entry)) fail(`'${entry}': [${current.name}] holds single words, without ? or +`);
      if (current.entries.includes(entry)) fail(`'${entry}' listed twice in [${current.name}]`);
      current.entries.push(entry);
    }
  });
  for (const name of names) {
    const list = lists.get(name);
    if (!list) throw new KbBotError(ErrorCode.RuleListInvalid, `${file}: list [${name}] is missing`, { file });
    if (list.entries.length === 0) throw new KbBotError(ErrorCode.RuleListInvalid, `${file}:${list.line}: list [${name}] has no entries`, { file, line: list.line });
  }
  // entries hold no regex syntax but `?` and `+` (checked above; extra punctuation is escaped), so they go into the patterns as written
  const alts = new Map<L, string>();
  const words = new Map<L, ReadonlySet<string>>();
  for (const [name, { entries }] of lists) {
    const longestFirst = entries.map((entry, at) => ({ entry, at })).sort((a, b) => textLength(b.entry) - textLength(a.entry) || a.at - b.at);
    alts.set(name, `(?:${longestFirst.map((e) => asPattern(e.entry)).join('|')})`);
    words.set(name, new Set(entries));
  }
  return { alt: (list) => alts.get(list)!, words: (list) => words.get(list)! };
}

/** `file` read from a rules folder (the bundled one by default) and checked; an unreadable file is refused by its path. */
export function loadRuleLists<L extends string>(file: string, spec: ListFileSpec<L>, dir: string = RULES_DIR): RuleLists<L> {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KbBotError(ErrorCode.RuleListInvalid, `cannot read rule list ${path}: ${(error as Error).message}`, { file: path }, { cause: error });
  }
  return parseRuleLists(text, path, spec);
}
