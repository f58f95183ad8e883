/**
 * The hand-written paste sets (bench/pastes.ts, one file per writer) stay readable: one id each, a known category, an article for
 * every paste but the negatives, and (with the archive) an article that exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SET, readPasteSet } from '../../bench/pastes.js';

const SETS = readdirSync(dirname(DEFAULT_SET))
  .filter((f) => /^hand-written(-\d+)?\.yml$/.test(f))
  .map((f) => join(dirname(DEFAULT_SET), f));

it('finds every writer\'s set', () => {
  expect(SETS.length).toBeGreaterThanOrEqual(5);
});

describe.each(SETS)('the hand-written paste set %s', (file) => {
  const set = readPasteSet(readFileSync(file, 'utf8'), file);

  it('gives every paste its own id', () => {
    expect(new Set(set.map((p) => p.id)).size).toBe(set.length);
  });

  it('has positives of every kind of paste and negatives', () => {
    const categories = new Set(set.map((p) => p.category));
    expect([...categories].sort()).toEqual(['app-error', 'event', 'message', 'negative', 'stop']);
  });

});

describe('a hand-written paste set with a mistake', () => {
  it.each([
    ['a paste without its article', '- id: a\n  category: event\n  paste: x\n', /an article for every paste but negatives/],
    ['a negative naming an article', '- id: a\n  category: negative\n  article: Q1\n  paste: x\n', /an article for every paste but negatives/],
    ['an unknown category', '- id: a\n  category: trace\n  article: Q1\n  paste: x\n', /category trace is not one of/],
    ['an article that is no KB id', '- id: a\n  category: stop\n  article: 272274\n  paste: x\n', /is not a KB id/],
    ['no paste', '- id: a\n  category: stop\n  article: Q1\n', /item 1: needs id, category and paste/],
  ])('refuses %s, by id', (_, text, error) => {
    expect(() => readPasteSet(text, 'set.yml')).toThrow(error);
  });
});
