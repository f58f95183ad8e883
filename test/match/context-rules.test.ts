/** rules/context-words.txt: the words of a STOP screen or crash report itself, checked line by line when loaded. */
import { describe, expect, it } from 'vitest';
import { loadContextRules, parseContextRules } from '../../src/match/context-rules.js';

describe('the context-words rules file', () => {
  it('holds the screen\'s and the report\'s own words', () => {
    const rules = loadContextRules();
    expect(rules.words('stop-words').has('bluescreen')).toBe(true);
    expect(rules.words('app-error-words').has('fault')).toBe(true);
  });

  it.each([
    ['a phrase in a word list', '[stop-words]\nblue screen\n[app-error-words]\nfault', /single words/],
    ['a capital', '[stop-words]\nStop\n[app-error-words]\nfault', /lower case/],
    ['a list missing', '[stop-words]\nstop', /\[app-error-words\] is missing/],
  ])('refuses %s, naming the file and line', (_name, text, message) => {
    expect(() => parseContextRules(text, 'context-words.txt')).toThrow(message);
  });
});
