/**
 * rules/context-words.txt: the words that name a STOP screen or a crash report itself ("stop", "blue screen",
 * "invalid page fault"), left out when a paste's words are compared with an article's title. Loaded and checked
 * once, when the module loads (a bad line stops the bot with file:line), with trace/rule-lists.ts.
 */
import { type ListFileSpec, loadRuleLists, parseRuleLists, RULES_DIR, type RuleLists } from '../trace/rule-lists.js';

export const CONTEXT_RULES_FILE = 'context-words.txt';
export const CONTEXT_LISTS = ['stop-words', 'app-error-words'] as const;
export type ContextList = (typeof CONTEXT_LISTS)[number];

const SPEC: ListFileSpec<ContextList> = { lists: CONTEXT_LISTS, wordLists: new Set<ContextList>(CONTEXT_LISTS) };

export type ContextRules = RuleLists<ContextList>;

export function parseContextRules(text: string, file = CONTEXT_RULES_FILE): ContextRules {
  return parseRuleLists(text, file, SPEC);
}

/** The bundled lists, or a folder's. */
export function loadContextRules(dir: string = RULES_DIR): ContextRules {
  return loadRuleLists(CONTEXT_RULES_FILE, SPEC, dir);
}
