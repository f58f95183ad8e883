/** rules/fix-carrier.txt: the wording that tells a fix's carrier from a release only mentioned, refused by file:line when bad. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARRIER_RULES_FILE, loadCarrierRules, parseCarrierRules } from '../../src/kb/carrier-rules.js';

function readBundledWith(change: (text: string) => string): string {
  const text = readFileSync(new URL(`../../rules/${CARRIER_RULES_FILE}`, import.meta.url), 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  return changed;
}

const lineOf = (text: string, start: string): number => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('rules/fix-carrier.txt', () => {
  it('holds the wordings of a release that did not fix, is not reproducible in, or is recommended', () => {
    const rules = loadCarrierRules();
    expect(new RegExp(`^${rules.alt('not-fixed')}$`).test('did not fix')).toBe(true);
    expect(new RegExp(`^${rules.alt('not-reproduced')}$`).test('not reproducible')).toBe(true);
    // `?` makes the s optional: "recommend using" and "recommends using" alike
    expect(new RegExp(`^${rules.alt('recommends-release')}$`).test('recommend using')).toBe(true);
    expect(new RegExp(`^${rules.alt('recommends-release')}$`).test('recommends using')).toBe(true);
  });

  it.each([
    ['an unknown list', (t: string) => t.replace('[not-fixed]', '[not-fixd]'), '[not-fixd]', 'unknown list [not-fixd]'],
    ['an entry in upper case', (t: string) => t.replace('did not fix |', 'Did not fix |'), 'Did not fix', "'Did not fix': [not-fixed] is written in lower case"],
    ['an entry listed twice', (t: string) => t.replace('does not reproduce | did not reproduce', 'does not reproduce | does not reproduce'), 'does not reproduce |', "'does not reproduce' listed twice in [not-reproduced]"],
  ])('refuses %s, naming the file and line', (_name, change, start, what) => {
    const text = readBundledWith(change);
    expect(() => parseCarrierRules(text, 'rules/fix-carrier.txt')).toThrow(`rules/fix-carrier.txt:${lineOf(text, start)}: ${what}`);
  });

  it('names a list left out, and the path of a folder without the file', () => {
    expect(() => parseCarrierRules(readBundledWith((t) => t.replace(/\[recommends-release\][^[]*/, '')))).toThrow(`${CARRIER_RULES_FILE}: list [recommends-release] is missing`);
    const dir = mkdtempSync(join(tmpdir(), 'kbbot-carrier-rules-'));
    expect(() => loadCarrierRules(dir)).toThrow(`cannot read rule list ${join(dir, CARRIER_RULES_FILE)}`);
    writeFileSync(join(dir, CARRIER_RULES_FILE), readBundledWith((t) => t.replace('| erroneously reports', '| erroneously reports | never fixed')));
    expect(new RegExp(loadCarrierRules(dir).alt('not-fixed')).test('it was never fixed')).toBe(true);
  });
});
