import { describe, expect, it } from 'vitest';
import { searchText } from '../../src/match/index.js';
import { fixtureIndex } from './fixtures.js';

const index = fixtureIndex();

describe('searchText', () => {
  it.each([
    ['title words', 'information store push notification', 'Q900001'],
    ['a word only in the symptoms', 'new-mail clients', 'Q900001'],
    ['a mistyped word', 'transfr agent terminates', 'Q900002'],
    ['another mistyped word', 'shared memroy pool', 'Q900003'],
  ])('finds an article by %s', (_label, words, kb) => {
    const hits = searchText(index, words, 3);
    expect(hits[0]?.kb).toBe(kb);
    expect(hits[0]?.score).toBeGreaterThan(0);
  });

  it('finds nothing for words no article uses', () => {
    expect(searchText(index, 'zebra xylophone', 5)).toEqual([]);
  });
});
