/**
 * rules/stated-cause.txt: the wording lists that tell which sentence states a cause and where it ends (link words that carry it on; openers,
 * remedies and contrasts that end it), loaded and checked line by line once, when stated-cause.ts loads, by the
 * reader chat-clause.txt uses (trace/rule-lists.ts): a bad line stops the bot with file:line. How the lists combine
 * into patterns stays in stated-cause.ts.
 */
import { type ListFileSpec, loadRuleLists, parseRuleLists, RULES_DIR, type RuleLists } from '../trace/rule-lists.js';

export const CAUSE_RULES_FILE = 'stated-cause.txt';

/** Every list stated-cause.ts uses; a file without one of them (or with another) is refused. */
export const CAUSE_LISTS = [
  'cause-verb',
  'cause-verb-hedge',
  'cause-conjunction',
  'cause-modal',
  'cause-hedge',
  'cause-by',
  'cause-phrase',
  'cause-opener',
  'ends-aside',
  'carries-cause',
  'ends-if',
  'ends-opener',
  'ends-pointer',
  'ends-remedy',
  'remedy-verb',
  'remedy-determiner',
  'remedy-object',
  'you-advice',
  'you-see-modal',
  'you-see-verb',
  'remedied-modal',
  'remedied',
  'not-occur-aux',
  'not-occur-verb',
] as const;

export type CauseList = (typeof CAUSE_LISTS)[number];

// "(c)" (a copyright line) is an opener: parentheses are allowed, and escaped in the patterns.
const SPEC: ListFileSpec<CauseList> = { lists: CAUSE_LISTS, extraPunctuation: '()' };

export type CauseRules = RuleLists<CauseList>;

export function parseCauseRules(text: string, file = CAUSE_RULES_FILE): CauseRules {
  return parseRuleLists(text, file, SPEC);
}

/** The bundled lists, or a folder's. */
export function loadCauseRules(dir: string = RULES_DIR): CauseRules {
  return loadRuleLists(CAUSE_RULES_FILE, SPEC, dir);
}
