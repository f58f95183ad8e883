/** rules/stated-cause.txt: where a stated cause ends is read from the file, and a bad line is refused by file:line. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSE_RULES_FILE, loadCauseRules, parseCauseRules } from '../../src/kb/cause-rules.js';

/** The bundled file with one change (a test's bad line lands where the bundled line was). */
function readBundledWith(change: (text: string) => string): string {
  const text = readFileSync(new URL(`../../rules/${CAUSE_RULES_FILE}`, import.meta.url), 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  return changed;
}

/** The 1-based line of the first line of `text` that starts with `start`. */
const lineOf = (text: string, start: string): number => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('rules/stated-cause.txt', () => {
  it('holds the words that carry a cause on and the openers that end it', () => {
    const rules = loadCauseRules();
    expect(rules.words('carries-cause').has('therefore')).toBe(true);
    expect(rules.words('ends-opener').has('(c)')).toBe(true);
    // "(c)" goes into the pattern escaped: it matches the text "(c)", not the letter c
    expect(new RegExp(`^${rules.alt('ends-opener')}$`).test('(c)')).toBe(true);
    expect(new RegExp(`^${rules.alt('ends-opener')}$`).test('c')).toBe(false);
  });

  it.each([
    ['an unknown list', (t: string) => t.replace('[ends-if]', '[ends-when]'), '[ends-when]', 'unknown list [ends-when]'],
    ['regex syntax in an entry', (t: string) => t.replace('this | that | so', 'this | th[ae]t | so'), 'this | th[ae]t', "'th[ae]t': only letters"],
    ['an entry in upper case', (t: string) => t.replace('occur | happen | appear', 'occur | Happen | appear'), 'occur | Happen', "'Happen': [not-occur-verb] is written in lower case"],
    ['an entry listed twice', (t: string) => t.replace('see | receive | get | notice', 'see | receive | get | see'), 'see | receive | get | see', "'see' listed twice in [you-see-verb]"],
    ['an empty entry', (t: string) => t.replace('does | do | did | will', 'does | do || will'), 'does | do ||', "an empty entry in 'does | do || will'"],
  ])('refuses %s, naming the file and line', (_name, change, start, what) => {
    const text = readBundledWith(change);
    expect(() => parseCauseRules(text, 'rules/stated-cause.txt')).toThrow(`rules/stated-cause.txt:${lineOf(text, start)}: ${what}`);
  });

  it('names a list left out, and the path of a folder without the file', () => {
    expect(() => parseCauseRules(readBundledWith((t) => t.replace(/\[not-occur-verb\][^[]*$/, '')))).toThrow(`${CAUSE_RULES_FILE}: list [not-occur-verb] is missing`);
    const dir = mkdtempSync(join(tmpdir(), 'kbbot-cause-rules-'));
    expect(() => loadCauseRules(dir)).toThrow(`cannot read rule list ${join(dir, CAUSE_RULES_FILE)}`);
    writeFileSync(join(dir, CAUSE_RULES_FILE), readBundledWith((t) => t.replace('| means', '| means | hence it')));
    expect(loadCauseRules(dir).words('carries-cause').has('hence it')).toBe(true);
  });
});
