/**
 * rules/bugcheck-codes.txt: bug check codes and their symbolic names, loaded and checked line by
 * line (a bad line stops the bot with file:line, as the frame lists do). Lets a STOP given by name
 * ("Stop code: CRITICAL_PROCESS_DIED") be looked up by its code, and the why view print both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachRuleLine } from '../trace/rule-lists.js';
import { defaultRulesDir } from './rules.js';

export const BUGCHECK_FILE = 'bugcheck-codes.txt';

export interface BugcheckNames {
  byCode: Map<string, string>;
  byName: Map<string, string>;
}

export function parseBugcheckNames(text: string, file = BUGCHECK_FILE): BugcheckNames {
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  forEachRuleLine(text, file, (line, _at, fail) => {
    const m = /^(0x[0-9A-F]{8}) ([A-Z][A-Z0-9_]{2,80})$/.exec(line);
    if (!m) return fail(`expected "0x0000000A IRQL_NOT_LESS_OR_EQUAL" (0x, 8 upper-case hex digits, a space, an upper-case name), got '${line}'`);
    const [, code = '', name = ''] = m;
    if (byCode.has(code)) fail(`code ${code} listed twice`);
    if (byName.has(name)) fail(`name ${name} listed twice`);
    byCode.set(code, name);
    byName.set(name, code);
  });
  return { byCode, byName };
}

let cached: BugcheckNames | undefined;

/** The bundled table, read once per process. */
export function loadBugcheckNames(dir?: string): BugcheckNames {
  if (dir !== undefined) return parseBugcheckNames(readFileSync(join(dir, BUGCHECK_FILE), 'utf8'), join(dir, BUGCHECK_FILE));
  cached ??= parseBugcheckNames(readFileSync(join(defaultRulesDir(), BUGCHECK_FILE), 'utf8'));
  return cached;
}
