/**
 * rules/fix-carrier.txt: the wording lists that tell a fix's carrier from a release only mentioned (a release said
 * not to fix the problem, one the problem is not reproducible in, one a vendor recommends, "the current version" of a
 * release already named, an FTP path's platform folder) and an updated driver or BIOS from a setting, loaded and checked line
 * by line once, when fix.ts loads, by the reader stated-cause.txt uses (trace/rule-lists.ts): a bad line stops the
 * bot with file:line. How the lists combine into patterns stays in fix.ts.
 */
import { type ListFileSpec, loadRuleLists, parseRuleLists, RULES_DIR, type RuleLists } from '../trace/rule-lists.js';

export const CARRIER_RULES_FILE = 'fix-carrier.txt';

/** Every list fix.ts uses; a file without one of them (or with another) is refused. */
export const CARRIER_LISTS = [
  'not-fixed',
  'not-reproduced',
  'recommends-release',
  'also-fixed',
  'replacement-media',
  'updated-component',
  'unnamed-release',
  'platform-folder',
] as const;

export type CarrierList = (typeof CARRIER_LISTS)[number];

const SPEC: ListFileSpec<CarrierList> = { lists: CARRIER_LISTS };

export type CarrierRules = RuleLists<CarrierList>;

export function parseCarrierRules(text: string, file = CARRIER_RULES_FILE): CarrierRules {
  return parseRuleLists(text, file, SPEC);
}

/** The bundled lists, or a folder's. */
export function loadCarrierRules(dir: string = RULES_DIR): CarrierRules {
  return loadRuleLists(CARRIER_RULES_FILE, SPEC, dir);
}
