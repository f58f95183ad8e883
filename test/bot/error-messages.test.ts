/**
 * Error text pasted in Slack, end to end through the bot: a message box or a quoted message one
 * article prints is answered with that article and its why view; chat is left alone; in a thread the
 * bot already answered, error text speaks only when it is a `match`.
 */
import { describe, expect, it } from 'vitest';
import { buildTeamLayer, createBot, type Knowledge, type MessageInput } from '../../src/bot/index.js';
import { buildIndex } from '../../src/match/index.js';
import { SignatureSchema } from '../../src/model.js';
import { renderText } from '../../src/reply/index.js';

const signatures = [
  { id: 'Q930001', title: 'Ledger Pro cannot create its reporting object', errorMessages: ["Ledger Pro: Run-time error '429': ActiveX component can't create object"], symptoms: 'Reports do not open.' },
  { id: 'Q930002', title: 'Setup stops when a cabinet file is missing', errorMessages: ['Error 1311. Source file not found: <path>. Verify that the file exists and that you can access it.'] },
  { id: 'Q930003', title: 'A mapped drive cannot be opened', errorMessages: ['Access denied'] },
  { id: 'Q930004', title: 'The archive share rejects a user', errorMessages: ['Access denied'] },
].map((s) => SignatureSchema.parse(s));
const knowledge: Knowledge = { signatures: new Map(signatures.map((s) => [s.id, s])), index: buildIndex(signatures) };
const bot = createBot({ getKnowledge: () => knowledge, now: () => 1_700_000_000_000 });

const DIALOG = "---------------------------\nLedger Pro\n---------------------------\nRun-time error '429':\n\nActiveX component can't create object\n---------------------------\nOK\n---------------------------";
const message = (text: string, extra: Partial<MessageInput> = {}): MessageInput => ({ text, channelType: 'channel', isMention: false, channel: 'C1', threadTs: '200.1', ...extra });

describe('error text pasted in a channel', () => {
  it.each([
    ['a message box', DIALOG, 'match', 'Q930001'],
    ['a quoted message in chat', 'since this morning setup says "Error 1311. Source file not found: D:\\pkg\\a1.cab. Verify that the file exists and that you can access it." on every PC', 'match', 'Q930002'],
    ['chat', 'lunch at noon?', 'silent', undefined],
    ['chat that sounds like trouble', 'the deploy failed again, anyone looking?', 'silent', undefined],
  ])('%s → %s', (_name, text, kind, kb) => {
    const answer = bot.answerMessage(message(text));
    expect(answer.kind).toBe(kind);
    if (kb) expect(renderText(answer.replies[0]!)).toContain(kb);
  });

  it('does not name one article for a generic message several print', () => {
    expect(bot.answerMessage(message('users get "Access denied" on the share')).kind).not.toBe('match');
  });

  it('remembers the pasted message, so "why" explains the match from it', () => {
    const answer = bot.answerMessage(message(DIALOG));
    expect(answer.threadMatch?.clues).toContainEqual(expect.objectContaining({ kind: 'error-message', how: 'dialog' }));
    const why = bot.answerMessage(message('why?', { threadMatch: answer.threadMatch!, isMention: true }));
    const text = renderText(why.replies[0]!);
    expect(text).toContain('Error message');
    expect(text).toContain('activex');
  });

  it('leaves a generic message in an answered thread to the follow-ups', () => {
    const first = bot.answerMessage(message(DIALOG));
    const again = bot.answerMessage(message('still getting "Access denied" after that', { threadMatch: first.threadMatch! }));
    expect(again.kind).not.toBe('possible');
  });
});

describe('feedback on an answer to error text', () => {
  const SETUP_MESSAGE = 'Error 1311. Source file not found: <path>. Verify that the file exists and that you can access it.';
  const twins = [
    { id: 'Q930011', title: 'Setup stops when a cabinet file is missing', errorMessages: [SETUP_MESSAGE] },
    { id: 'Q930012', title: 'Setup from a network share cannot read a cabinet', errorMessages: [SETUP_MESSAGE] },
  ].map((s) => SignatureSchema.parse(s));
  const base = { signatures: new Map(twins.map((s) => [s.id, s])), index: buildIndex(twins) };
  const paste = (path: string) => `setup says "Error 1311. Source file not found: ${path}. Verify that the file exists and that you can access it."`;

  it('re-ranks the same message pasted again from another path, as votes do for a crash', () => {
    const before = createBot({ getKnowledge: () => ({ ...base, team: buildTeamLayer([], []) }) }).answerMessage(message(paste('D:\\pkg\\a1.cab')));
    expect(before.kind).toBe('possible');
    const fingerprint = before.threadMatch?.fingerprint;
    expect(fingerprint).toBeDefined();
    const votes = [{ fingerprint: fingerprint!, user: 'U1', kb: 'Q930012', verdict: 'right' as const, at: 0 }];
    const after = createBot({ getKnowledge: () => ({ ...base, team: buildTeamLayer([], votes) }) }).answerMessage(message(paste('\\\\files\\setup\\b7.cab'), { channel: 'C2' }));
    expect(after.kind).toBe('match');
    expect(renderText(after.replies[0]!)).toMatch(/^[^\n]*Q930012/);
  });
});
