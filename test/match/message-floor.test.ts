/**
 * A short list of messages is offered only when its best candidate carries a good share of an article's
 * message or fits well: a modern error sharing a few words of one long message is answered `none`, while a
 * message several articles print whole ("Sharing violation") and a message cut short stay `possible`.
 */
import { describe, expect, it } from 'vitest';
import { isNoise, WEAK_CONFIDENCE, WEAK_COVER } from '../../src/match/message-floor.js';
import type { SignatureInput } from '../../src/model.js';
import { fillerArticles, messageStore } from './message-fixtures.js';

const inputs: SignatureInput[] = [
  ...fillerArticles(150, 'Q95', 'error'),
  {
    id: 'Q951001',
    title: 'Mail relay rejects a sender',
    errorMessages: ['An unknown error has occurred. Subject <subject>, Account <sender>, server <server name>, Protocol: SMTP, Server Response: <n> Originator address does not resolve, Port: <n>'],
  },
  { id: 'Q951002', title: 'Mapped drive', errorMessages: ['Sharing violation'] },
  { id: 'Q951003', title: 'Archive share', errorMessages: ['Sharing violation'] },
  { id: 'Q951004', title: 'Locked journal', errorMessages: ['Sharing violation'] },
  { id: 'Q951005', title: 'Quarry setup', errorMessages: ['Quarry Designer could not post the journal because the posting period is closed'] },
];
const { answer } = messageStore(inputs);

describe('a short list of messages that is noise', () => {
  it.each([
    ['a best candidate sharing little of its message, loosely fitted', { confidence: WEAK_CONFIDENCE - 0.1, cover: WEAK_COVER - 0.3 }, true],
    ['a best candidate carrying most of its message', { confidence: WEAK_CONFIDENCE - 0.3, cover: 1 }, false],
    ['a best candidate that fits well though its message is long', { confidence: WEAK_CONFIDENCE + 0.05, cover: 0.1 }, false],
  ])('%s', (_name, best, noise) => {
    expect(isNoise(best)).toBe(noise);
  });

  it('answers nothing to a modern error that shares a few words of one long message', () => {
    expect(answer('docker: Error response from daemon: driver failed on endpoint api-1: Bind for 0.0.0.0:8080 failed: server response unknown').verdict).toBe('none');
  });

  it.each([
    ['a message several articles print whole', 'getting "Sharing violation" on the X: drive', ['Q951002', 'Q951003', 'Q951004']],
    ['a message cut short', 'Quarry Designer could not post the journal because', ['Q951005']],
  ])('still offers %s', (_name, paste, articles) => {
    const result = answer(paste);
    expect(result.verdict).not.toBe('none');
    expect(articles).toContain(result.candidates[0]?.kb);
  });
});
