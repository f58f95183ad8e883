/**
 * When one article's message is the paste, it is `match` even with what the paste carries around
 * it: a message box's title, a log line's prefix. And the rare word of a short
 * message scattered through other articles' long messages does not make it generic; a message
 * several articles print as a phrase stays `possible`.
 */
import { describe, expect, it } from 'vitest';
import type { SignatureInput } from '../../src/model.js';
import { fillerArticles, messageStore } from './message-fixtures.js';

const inputs: SignatureInput[] = [
  // "error" is common here too
  ...fillerArticles(150, 'Q94', 'error'),
  { id: 'Q941001', title: 'Report designer stops', errorMessages: ['Compilation Error'] },
  { id: 'Q941002', title: 'Script host stops a macro', errorMessages: ['Compilation failed: syntax error in the macro on line <n>'] },
  { id: 'Q941003', title: 'Compiler gives up', errorMessages: ['fatal error C1903: unable to recover from previous errors; stopping compilation'] },
  { id: 'Q941004', title: 'Batch compiler quits', errorMessages: ['Compilation stopped after <n> errors'] },
  { id: 'Q941005', title: 'Embedding a chart fails', errorMessages: ['Unable to create embedded object'] },
  { id: 'Q941006', title: 'Quarry Designer setup on 16-bit Windows', errorMessages: ['Quarry Designer Professional Edition <n>-bit Setup'] },
  { id: 'Q941007', title: 'Posting fails in Quarry Designer', errorMessages: ['Quarry Designer could not post the journal'] },
  { id: 'Q941011', title: 'FTP service stops', errorMessages: ['FTP Server could not create a client worker thread for user at host <n>'] },
  { id: 'Q941008', title: 'Mapped drive', errorMessages: ['Sharing violation'] },
  { id: 'Q941009', title: 'Archive share', errorMessages: ['A sharing violation occurred while accessing <path>'] },
  { id: 'Q941010', title: 'Locked journal', errorMessages: ['Sharing violation reading drive <x>'] },
];
const { answer } = messageStore(inputs);
const box = (title: string, text: string) => `---------------------------\n${title}\n---------------------------\n${text}\n---------------------------\nOK\n---------------------------`;

describe('naming the one article whose message the paste is', () => {
  it.each([
    ['a short message whose rare word other articles scatter through long ones', 'Compilation Error', 'Q941001'],
    ['a message box whose title another article prints', box('Quarry Designer Professional Edition', 'Unable to create embedded object'), 'Q941005'],
    ["a log line whose prefix holds another article's word", '2024-07-24 15:49:43 ERROR [worker-3] Compilation Error', 'Q941001'],
  ])('%s: match', (_, text, kb) => {
    const result = answer(text);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
  });

  it('keeps a message several articles print as a phrase possible', () => {
    const result = answer('Sharing violation');
    expect(result.verdict).toBe('possible');
    expect(result.candidates.map((c) => c.kb)).toEqual(expect.arrayContaining(['Q941008', 'Q941009', 'Q941010']));
  });
});
