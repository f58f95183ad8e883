/**
 * A paste cut short (the user's copy stopped, or a long message box was half read) that is the beginning of one
 * article's message names it; a beginning of common words only, or the beginning of a message many articles print, does not.
 */
import { describe, expect, it } from 'vitest';
import type { SignatureInput } from '../../src/model.js';
import { fillerArticles, messageStore } from './message-fixtures.js';

const inputs: SignatureInput[] = [
  ...fillerArticles(150, 'Q96', 'entry'),
  // "setup" is common too
  ...fillerArticles(60, 'Q97', 'setup'),
  { id: 'Q961001', title: 'Mail needs memory', errorMessages: ['There is not enough memory available to start Mail. Try quitting other programs and starting Mail again.'] },
  { id: 'Q961008', title: 'Quarry ledger locked', errorMessages: ['Setup could not open the Quarry ledger for this user because another entry is open'] },
  { id: 'Q961006', title: 'Setup entry closed', errorMessages: ['The setup entry is not open for this user because the ledger was closed by setup'] },
  { id: 'Q961002', title: 'Domain password', errorMessages: ['The domain password you supplied is incorrect, or access to your logon server has been denied.'] },
  ...['Q961003', 'Q961004', 'Q961005'].map((id, i) => ({ id, title: `Viewer ${i}`, errorMessages: [`Multimedia Viewer reported an internal error while reading title ${['one', 'two', 'three'][i]} from the compact disc drive`] })),
];
const { answer } = messageStore(inputs);

describe('a paste cut short', () => {
  it.each([
    ['the first sentence of a message', 'There is not enough memory available to start Mail.', 'Q961001'],
    ['the first half of a message, stopping mid-sentence', 'The domain password you supplied is incorrect, or', 'Q961002'],
    ['the first words of a message, two of them rare', 'Setup could not open the Quarry ledger', 'Q961008'],
  ])('%s: match', (_, text, kb) => {
    const result = answer(text);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
  });

  it.each([
    ['the first words of a message, all of them common', 'The setup entry is not open for this user because', 'Q961006'],
    ['the beginning of a message three articles print', 'Multimedia Viewer reported an internal error while reading', 'Q961003'],
  ])('%s: possible', (_, text, kb) => {
    const result = answer(text);
    expect(result.verdict).toBe('possible');
    expect(result.candidates.map((c) => c.kb)).toContain(kb);
  });
});
