/**
 * rules/chat-clause.txt: the wording lists of chat around a message said without quotes (lead-ins, chat
 * tails, filler words), loaded and checked line by line once, when the reader loads: a bad line stops the
 * bot with file:line, as the frame lists do. How the lists combine into patterns stays in chat-clause.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCode, KbBotError } from '../errors.js';

export const CHAT_RULES_FILE = 'chat-clause.txt';

/** Every list the reader uses; a file without one of them (or with another) is refused. */
export const CHAT_LISTS = [
  'greeting',
  'person',
  'group-quantifier',
  'group',
  'softener',
  'receive-verb',
  'receive-verb-alone',
  'say-verb',
  'say-then',
  'object-determiner',
  'object-noun',
  'object-when',
  'object-saying',
  'named-determiner',
  'named-noun',
  'named-verb',
  'named-says-determiner',
  'named-says-noun',
  'named-says-verb',
  'message-says-verb',
  'typed-lead-start',
  'chat-marker',
  'clause-weak',
  'clause-start',
  'when',
  'when-who',
  'since',
  'since-what',
  'since-who',
  'own-at',
  'own',
  'among',
  'among-how-many',
  'among-of',
  'among-what',
  'host-at',
  'for-whom',
  'ask',
  'any-ideas',
  'filler',
] as const;

export type ChatList = (typeof CHAT_LISTS)[number];

/** Entries written as typed (capitalised pronouns); every other list is lower case. */
const AS_TYPED: ReadonlySet<ChatList> = new Set<ChatList>(['typed-lead-start']);
/** Lists compared word by word, not matched as patterns: single words, no `?` or `+`. */
const WORD_LISTS: ReadonlySet<ChatList> = new Set<ChatList>(['filler']);

/** Letters, digits, spaces and ' - : , with `?` (optional) or `+` (repeated) after a character. */
const ENTRY = /^[A-Za-z0-9' :,-](?:[A-Za-z0-9' :,-]|(?<![?+])[?+])*$/;

export interface ChatRules {
  /** A list as one regex group, longer entries first (so `error message` is tried before `error`). */
  alt(list: ChatList): string;
  /** A list's entries as written (for word lists: the words). */
  words(list: ChatList): ReadonlySet<string>;
}

/** An entry's length as text, without its `?`/`+` marks: the order alternatives are tried in. */
function textLength(entry: string): number {
  return entry.replace(/[?+]/g, '').length;
}

export function parseChatRules(text: string, file = CHAT_RULES_FILE): ChatRules {
  const lists = new Map<ChatList, { line: number; entries: string[] }>();
  let current: { name: ChatList; entries: string[] } | undefined;
  const known = new Set<string>(CHAT_LISTS);
  text.split('\n').forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (line === '') return;
    const fail = (message: string): never => {
      throw new KbBotError(ErrorCode.RuleListInvalid, `${file}:${i + 1}: ${message}`, { file, line: i + 1 });
    };
    const header = /^\[([^\]]*)\]$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      if (!known.has(name)) fail(`unknown list [${name}] (known: ${CHAT_LISTS.join(', ')})`);
      if (lists.has(name as ChatList)) fail(`list [${name}] given twice`);
      current = { name: name as ChatList, entries: [] };
      lists.set(current.name, { line: i + 1, entries: current.entries });
      return;
    }
    if (!current) return fail(`an entry before any [list] line: '${line}'`);
    for (const part of line.split('|')) {
      const entry = part.trim().replace(/\s+/g, ' ');
      if (entry === '') fail(`an empty entry in '${line}' (two '|' in a row, or one at an end)`);
      if (!ENTRY.test(entry)) fail(`'${entry}': only letters, digits, spaces, ' - : , and a ? or + after a character`);
      if (!AS_TYPED.has(current.name) && entry !== entry.toLowerCase()) fail(`'${entry}': [${current.name}] is written in lower case`);
      if (AS_TYPED.has(current.name) && !/^[A-Z]/.test(entry)) fail(`'${entry}': [${current.name}] is written as typed, begun with a capital`);
      if (WORD_LISTS.has(current.name) && !/^[a-z0-9']+$/.test(entry)) fail(`'${entry}': [${current.name}] holds single words, without ? or +`);
      if (current.entries.includes(entry)) fail(`'${entry}' listed twice in [${current.name}]`);
      current.entries.push(entry);
    }
  });
  for (const name of CHAT_LISTS) {
    const list = lists.get(name);
    if (!list) throw new KbBotError(ErrorCode.RuleListInvalid, `${file}: list [${name}] is missing`, { file });
    if (list.entries.length === 0) throw new KbBotError(ErrorCode.RuleListInvalid, `${file}:${list.line}: list [${name}] has no entries`, { file, line: list.line });
  }
  // entries hold no regex syntax but `?` and `+` (checked above), so they go into the patterns as written
  const alts = new Map<ChatList, string>();
  const words = new Map<ChatList, ReadonlySet<string>>();
  for (const [name, { entries }] of lists) {
    const longestFirst = entries.map((entry, at) => ({ entry, at })).sort((a, b) => textLength(b.entry) - textLength(a.entry) || a.at - b.at);
    alts.set(name, `(?:${longestFirst.map((e) => e.entry).join('|')})`);
    words.set(name, new Set(entries));
  }
  return { alt: (list) => alts.get(list)!, words: (list) => words.get(list)! };
}

/** The bundled lists (`rules/` two levels above this module, in src/ and in dist/ alike), or a folder's. */
export function loadChatRules(dir: string = fileURLToPath(new URL('../../rules/', import.meta.url))): ChatRules {
  const path = join(dir, CHAT_RULES_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KbBotError(ErrorCode.RuleListInvalid, `cannot read rule list ${path}: ${(error as Error).message}`, { file: path }, { cause: error });
  }
  return parseChatRules(text, path);
}
