/**
 * Today's event with an old id and source, but a description no article prints, is answered `none`: the id
 * and source alone are no short list worth a channel's attention (`CLUE_POSSIBLE`, clue-answer.ts). The
 * article's own event, pasted, is still answered.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, loadRules, matchMessage, rankClueCandidates } from '../../src/match/index.js';
import { SignatureSchema, type SignatureInput } from '../../src/model.js';
import { parseMessage } from '../../src/trace/index.js';

const inputs: SignatureInput[] = [
  {
    id: 'Q930001',
    title: 'Ledger agent service stops after the nightly post',
    eventIds: [7031],
    events: [{ id: 7031, source: 'Service Control Manager', description: 'The Ledger Agent service terminated unexpectedly. It has done this 1 time(s).' }],
  },
  {
    id: 'Q930002',
    title: 'Corrected machine check on a quarry server',
    eventIds: [17],
    // the article prints no source: the paste's cannot be checked
    events: [{ id: 17, description: 'A corrected memory error was logged by the quarry controller.' }],
  },
];
const index = buildIndex(inputs.map((s) => SignatureSchema.parse(s)), loadRules());
const answer = (text: string) => matchMessage(index, parseMessage(text));

describe('an event the archive only shares an id with', () => {
  it.each([
    ['a modern hardware event under an old id', 'Event 17, WHEA-Logger\nA corrected hardware error has occurred.\nComponent: PCI Express Root Port'],
  ])('answers nothing to %s', (_name, paste) => {
    // the id alone is found: a candidate is ranked, only not offered
    const best = rankClueCandidates(index, parseMessage(paste))[0];
    expect(best && index.signatures[best.sig]?.id).toBe('Q930002');
    expect(answer(paste).verdict).toBe('none');
  });

  it('still names the article for its own event', () => {
    const result = answer('Event 7031, Service Control Manager\nThe Ledger Agent service terminated unexpectedly. It has done this 1 time(s).');
    expect(result.candidates[0]?.kb).toBe('Q930001');
    expect(result.verdict).not.toBe('none');
  });
});
