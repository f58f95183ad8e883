import { describe, expect, it } from 'vitest';
import { searchText, warmIndex } from '../../src/match/index.js';
import { identifierParts, indexWords } from '../../src/match/search.js';
import { fixtureIndex } from './fixtures.js';

const index = fixtureIndex();

describe('searchText', () => {
  it.each([
    ['title words', 'information store push notification', 'Q900001'],
    ['a word only in the symptoms', 'new-mail clients', 'Q900001'],
    ['a mistyped word', 'transfr agent terminates', 'Q900002'],
    ['another mistyped word', 'shared memroy pool', 'Q900003'],
    ['the words of an identifier in the title', 'push notify', 'Q900001'],
    ['an identifier in the title, whole', 'PUSH_NOTIFY', 'Q900001'],
    ['an identifier in the title, lower case', 'push_notify', 'Q900001'],
    ['an identifier the store lacks, by its words', 'PUSH_NOTIFY_EVENT', 'Q900001'],
  ])('finds an article by %s', (_label, words, kb) => {
    const hits = searchText(index, words, 3);
    expect(hits[0]?.kb).toBe(kb);
    expect(hits[0]?.score).toBeGreaterThan(0);
  });

  it.each([
    ['PUSH_NOTIFY::PushToClient', ['PUSH', 'NOTIFY', 'Push', 'To', 'Client']],
    ['HTTPServer', ['HTTP', 'Server']],
    ['MSExchangeIS', ['MS', 'Exchange', 'IS']],
    ['EcRpc', ['Ec', 'Rpc']],
    ['plain', ['plain']],
  ])('splits the identifier %s into words', (identifier, parts) => {
    expect(identifierParts(identifier)).toEqual(parts);
  });

  it('indexes an identifier whole and by its words', () => {
    expect(indexWords('crash in PUSH_NOTIFY::PushToClient')).toEqual(['crash', 'push_notify', 'push', 'notify', 'pushtoclient', 'push', 'client']);
  });

  it('finds nothing for words no article uses', () => {
    expect(searchText(index, 'zebra xylophone', 5)).toEqual([]);
  });
});

describe('warmIndex', () => {
  it('builds the search index a first search would build, and searches answer the same after it', () => {
    const cold = fixtureIndex();
    const warm = fixtureIndex();
    expect(warm.search).toBeUndefined();
    warmIndex(warm);
    expect(warm.search?.postings.size).toBeGreaterThan(0);
    expect(searchText(warm, 'shared memroy pool', 3)).toEqual(searchText(cold, 'shared memroy pool', 3));
  });
});
