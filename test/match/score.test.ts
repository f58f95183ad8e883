/**
 * Damaged names in their slot of the alignment (issue 9.5: a typo in a symbol, names cut short): a
 * pasted name the store does not know, with the signature's frames matched around it, counts as the
 * signature's frame in that slot when it is that name with one slip or cut short, even where a
 * store-wide spelling search must refuse it (short names with close neighbours). Small made-up
 * signatures, not article text.
 */
import { describe, expect, it } from 'vitest';
import { matchMessage } from '../../src/match/index.js';
import { SignatureSchema, type Signature } from '../../src/model.js';
import { parseMessage } from '../../src/trace/index.js';
import { fixtureIndex } from './fixtures.js';

const sig = (id: string, frames: string[]): Signature =>
  SignatureSchema.parse({ id, title: id, traces: [frames.map((p) => ({ module: p.split('!')[0], symbol: p.split('!')[1] }))] });
const lines = (frames: string[]) => frames.map((f, i) => `${f}+0x${(16 * (i + 1)).toString(16)}`).join('\n');

// A queue manager crash; its short main-loop names have close neighbours in sibling articles (qsgrmain, qagrmain).
const QUEUE = ['QMTA!qmgrrfo', 'QMTA!qmgrmai2', 'QMTA!qmgrmain', 'QMTA!sbpqwbep', 'QMTA!QueueDispatchWorker'];
const index = fixtureIndex([
  sig('Q930001', QUEUE),
  sig('Q930002', ['QMTA!qsgrmain', 'QMTA!sbpqread', 'QMTA!SessionReadLoop']),
  sig('Q930003', ['QMTA!qagrmain', 'QMTA!sbpqsend', 'QMTA!SessionSendLoop']),
]);
const match = (frames: string[]) => matchMessage(index, parseMessage(lines(frames)));
const with_ = (at: number, name: string) => QUEUE.map((f, i) => (i === at ? name : f));

describe('a damaged name in its slot of the alignment', () => {
  it.each([
    ['a letter dropped from the short crash frame', with_(0, 'QMTA!qmgrfo'), 0],
    ['two letters swapped in a short name between matched frames', with_(1, 'QMTA!qmgrmia2'), 1],
    ['a letter dropped from a name with close neighbours in the store', with_(2, 'QMTA!qmgrmin'), 2],
    ['a letter replaced in a name between matched frames', with_(3, 'QMTA!sbpqwbxp'), 3],
  ])('counts as the article frame and the paste is its match: %s', (_label, frames, at) => {
    const result = match(frames);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q930001');
    const slot = result.candidates[0]?.alignment.find((a) => a.queryIndex === at);
    expect(slot?.status).toBe('fuzzy');
    expect(slot?.reason).toContain('similar spelling');
  });

  it.each([
    ['another name altogether in the slot', with_(1, 'QMTA!ReadHeaders'), 1],
    ['a slip of the slot frame under another module', with_(1, 'OTHER!qmgrmia2'), 1],
    ['a name too short to read as a slip', ['QMTA!qmgr', ...QUEUE.slice(1)], 0],
  ])('is not read as the article frame: %s', (_label, frames, at) => {
    const result = match(frames);
    expect(result.candidates[0]?.kb).toBe('Q930001');
    expect(result.candidates[0]?.alignment.find((a) => a.queryIndex === at)?.status).toBe('unmatched');
  });

  it('scores a paste with a slip in a slot higher than the same paste with another name there', () => {
    const slip = match(with_(1, 'QMTA!qmgrmia2')).candidates[0]?.score ?? 0;
    const other = match(with_(1, 'QMTA!ReadHeaders')).candidates[0]?.score ?? 0;
    expect(slip).toBeGreaterThan(other);
  });
});
