/**
 * Twin messages: articles printing the same message (a common word or an insertion slot apart) are
 * grouped once at index build; a paste of such a message is a tie offered with both, while a short
 * message no other article prints is `match` even with lookalikes around it.
 */
import { describe, expect, it } from 'vitest';
import { buildMessageIndex } from '../../src/match/message-index.js';
import type { SignatureInput } from '../../src/model.js';
import { fillerArticles, messageStore } from './message-fixtures.js';

const inputs: SignatureInput[] = [
  ...fillerArticles(30, 'Q93', 'number'),
  { id: 'Q921001', title: 'Macro menu greyed out', errorMessages: ['Command not available'] },
  { id: 'Q921002', title: 'Toolbar button greyed out', errorMessages: ['This command is not available'] },
  { id: 'Q921003', title: 'Quota tool stops', errorMessages: ['Quota manifest <path> could not be reconciled'] },
  { id: 'Q921004', title: 'Quota tool on another share', errorMessages: ['Quota manifest could not be reconciled'] },
  { id: 'Q921005', title: 'Spooler refuses a banner page', errorMessages: ['Banner page rejected by spooler'] },
  { id: 'Q921006', title: 'Banner page settings lost', errorMessages: ['Banner page settings could not be saved to <path> because the disk is full'] },
  { id: 'Q921007', title: 'Spooler restarts', errorMessages: ['Spooler restarted after a fault in <filename>'] },
];
const { signatures, answer } = messageStore(inputs);

describe('grouping twin messages at index build', () => {
  const mi = buildMessageIndex(signatures);
  const groupOf = (kb: string) => mi.twinGroup[mi.messages.findIndex((m) => signatures[m.sig]!.id === kb)];
  it.each([
    ['a common word apart', 'Q921001', 'Q921002', true],
    ['an insertion slot apart', 'Q921003', 'Q921004', true],
    ['sharing rare words but saying other things', 'Q921005', 'Q921006', false],
    ['sharing one rare word', 'Q921005', 'Q921007', false],
  ])('%s: %s and %s twins = %s', (_, a, b, twins) => {
    expect(groupOf(a) === groupOf(b)).toBe(twins);
  });
});

describe('answering a paste of a message by its twins', () => {
  it.each([
    ['printed by two articles a word apart', 'Command not available', 'possible', ['Q921001', 'Q921002']],
    ['printed by two articles a slot apart', 'Quota manifest D:\\q\\2024.qm could not be reconciled', 'possible', ['Q921003', 'Q921004']],
    ['printed by one article, lookalikes elsewhere', 'Banner page rejected by spooler', 'match', ['Q921005']],
  ])('a message %s: %s', (_, text, verdict, kbs) => {
    const result = answer(text);
    expect(result.verdict).toBe(verdict);
    expect(result.candidates.slice(0, kbs.length).map((c) => c.kb).sort()).toEqual([...kbs].sort());
  });
});
