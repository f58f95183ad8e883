/**
 * A paste that goes on past an article's message with rare words of its own is another, longer message: the article
 * is offered (`possible`), not named (`match`). A line of a wrapped message (running on mid-sentence) is judged with the
 * rest of it; a message under the user's own line is judged alone. The same message with other values in its insertion
 * strings, or with chat or a log prefix around it, is still `match`.
 */
import { describe, expect, it } from 'vitest';
import type { SignatureInput } from '../../src/model.js';
import { fillerArticles, messageStore } from './message-fixtures.js';

const inputs: SignatureInput[] = [
  ...fillerArticles(150, 'Q95', 'record'),
  { id: 'Q951001', title: 'Fetch without bound columns', errorMessages: ['No columns were bound prior to calling SQLExtendedFetch'] },
  { id: 'Q951002', title: 'Opening a damaged workbook', errorMessages: ['The file could not be opened.'] },
  { id: 'Q951003', title: 'Help file moved', errorMessages: ['Cannot find the <path> file. Do you want to try to find this file yourself?'] },
  { id: 'Q951004', title: 'Link service', errorMessages: ['Connection <connection_name> using Link Service <name> failed.'] },
  // these make the longer pastes' own words known to the store, and rare
  { id: 'Q951005', title: 'Cursor library', errorMessages: ['The ODBC cursor library could not be loaded'] },
  { id: 'Q951006', title: 'Native state', errorMessages: ['Origin state SL009 native error'] },
  { id: 'Q951007', title: 'Low memory', errorMessages: ['Your computer is low on virtual memory resources'] },
  { id: 'Q951008', title: 'Remote views', errorMessages: ['The remote view could not update the orders memo field'] },
];
const { answer } = messageStore(inputs);

describe('a pasted message longer than the article\'s, saying more in rare words of its own', () => {
  it.each([
    ['a driver message with state and origin after it', 'No columns were bound prior to calling SQLExtendedFetch State:SL009, Native: 0, Origin: [Microsoft][ODBC Cursor Library]', 'Q951001'],
    ['a wrapped message whose first line is the article\'s', 'The file could not be opened. Your\ncomputer is low on virtual\nmemory resources.', 'Q951002'],
  ])('%s: possible, the article offered', (_, text, kb) => {
    const result = answer(text);
    expect(result.verdict).toBe('possible');
    expect(result.candidates.map((c) => c.kb)).toContain(kb);
  });
});

describe('the article\'s own message, however pasted', () => {
  it.each([
    ['as printed', 'No columns were bound prior to calling SQLExtendedFetch', 'Q951001'],
    ['with other values in its insertion strings', 'Cannot find the \\\\FS01\\Labs\\Lab12\\helpfile.hlp file. Do you want to try to find this file yourself?', 'Q951003'],
    ['with words in its insertion strings', 'Connection CONTOSO WEST using Link Service SDLC LINK failed.', 'Q951004'],
    ['wrapped', 'The file could not be\nopened.', 'Q951002'],
    ['said in chat', 'users see this since the update: No columns were bound prior to calling SQLExtendedFetch', 'Q951001'],
    ['under the user\'s own line in one paragraph', 'remote view with the orders memo, every update \u2192\nNo columns were bound prior to calling SQLExtendedFetch', 'Q951001'],
    ['a log line among other log lines', '2024-07-24 15:49:43 ERROR [worker-3] No columns were bound prior to calling SQLExtendedFetch\n2024-07-24 15:49:44 INFO [worker-3] cursor library origin native state reset', 'Q951001'],
  ])('%s: match', (_, text, kb) => {
    const result = answer(text);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
  });
});
