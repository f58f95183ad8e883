/**
 * rules/chat-clause.txt: the wording lists of chat around a message said without quotes (lead-ins, chat
 * tails, filler words), loaded and checked line by line once, when the reader loads: a bad line stops the
 * bot with file:line, as the frame lists do (the reader is rule-lists.ts, shared with kb/'s stated-cause.txt).
 * How the lists combine into patterns stays in chat-clause.ts.
 */
import { type ListFileSpec, loadRuleLists, parseRuleLists, RULES_DIR, type RuleLists } from './rule-lists.js';

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

const SPEC: ListFileSpec<ChatList> = {
  lists: CHAT_LISTS,
  // entries written as typed (capitalised pronouns); every other list is lower case
  asTyped: new Set<ChatList>(['typed-lead-start']),
  // compared word by word, not matched as patterns
  wordLists: new Set<ChatList>(['filler']),
};

export type ChatRules = RuleLists<ChatList>;

export function parseChatRules(text: string, file = CHAT_RULES_FILE): ChatRules {
  return parseRuleLists(text, file, SPEC);
}

/** The bundled lists, or a folder's. */
export function loadChatRules(dir: string = RULES_DIR): ChatRules {
  return loadRuleLists(CHAT_RULES_FILE, SPEC, dir);
}
