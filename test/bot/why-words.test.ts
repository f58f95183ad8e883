/**
 * An answer the paste's words shaped (match/text-route.ts) is explained later, from a "why?" in the thread: the
 * thread remembers the words, as it remembers a trace or clues. A store big enough for the words (1,200 articles).
 */
import { describe, expect, it } from 'vitest';
import { createBot, type Knowledge } from '../../src/bot/index.js';
import { buildIndex } from '../../src/match/index.js';
import { SignatureSchema, type KbId } from '../../src/model.js';
import { renderText } from '../../src/reply/index.js';

const TOPICS = 'printer spooler network adapter modem mailbox folder replication directory cluster backup scanner font macro template toolbar chart query report table'.split(' ');
const signatures = [
  ...Array.from({ length: 1200 }, (_, k) => ({ id: `Q${700000 + k}`, title: `Problem with the ${TOPICS[k % TOPICS.length]} and the ${TOPICS[(k * 7 + 3) % TOPICS.length]}` })),
  ...['EXCEL', 'POWERPNT', 'WINWORD'].map((program, k) => ({ id: `Q${710000 + k}`, title: `${program}: Invalid page fault`, symptoms: `${program} caused an invalid page fault in module ${program}.EXE.`, faultModules: [program] })),
  { id: 'Q168923', title: 'WD97: Invalid page fault using a document field', symptoms: 'When you use the DOCVARIABLE field in a header, WINWORD caused an invalid page fault in module WINWORD.EXE.', faultModules: ['WINWORD'] },
].map((s) => SignatureSchema.parse(s));
const knowledge: Knowledge = { signatures: new Map(signatures.map((s) => [s.id as KbId, s])), index: buildIndex(signatures) };
const PASTE = 'WINWORD caused an invalid page fault in module WINWORD.EXE at 0137:3037f1db.\nonly on templates with DOCVARIABLE fields in the header';

describe('why an answer the words shaped', () => {
  it('is rebuilt from the words the thread remembers', () => {
    const bot = createBot({ getKnowledge: () => knowledge });
    const answer = bot.answerMessage({ text: PASTE, channelType: 'channel', isMention: false, channel: 'C1', threadTs: '200.1' });
    expect(answer.threadMatch?.words).toContain('docvariable');
    const why = bot.answerMessage({ text: 'why?', channelType: 'channel', isMention: false, channel: 'C1', threadTs: '200.1', threadMatch: answer.threadMatch! });
    const text = renderText(why.replies[0]!);
    expect(text).toContain(`Why ${answer.threadMatch?.kb}`);
    expect(text).toContain('Words of the paste');
    expect(text).toMatch(/words shared: .*winword/);
  });
});
