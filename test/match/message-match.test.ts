/**
 * Answering pasted error messages and dialogs from a small made-up store whose articles print
 * messages (signature `errorMessages`, insertion strings marked), through the same parse + match
 * path as the bot: one article's message is `match`, a message several print is `possible`,
 * a message no article prints is `none`, and event, STOP and trace clues outrank error text.
 */
import { describe, expect, it } from 'vitest';
import type { SignatureInput } from '../../src/model.js';
import { buildWhyReply, renderText } from '../../src/reply/index.js';
import { messageStore } from './message-fixtures.js';

const inputs: SignatureInput[] = [
  { id: 'Q920001', title: 'Setup stops when a cabinet file is missing', errorMessages: ['Error 1311. Source file not found: <path>. Verify that the file exists and that you can access it.'] },
  { id: 'Q920002', title: 'Ledger Pro cannot create its reporting object', errorMessages: ["Ledger Pro: Run-time error '429': ActiveX component can't create object"] },
  { id: 'Q920003', title: 'Posting fails after the period is closed', errorMessages: ['The posting period <n> is closed. Reopen the period in the calendar before you post journals to it.'] },
  { id: 'Q920004', title: 'Spooler stops on print servers with little disk space', errorMessages: ['The print spooler ran out of disk space on <path> and stopped accepting jobs.'] },
  { id: 'Q920005', title: 'A mapped drive cannot be opened', errorMessages: ['Access denied'] },
  { id: 'Q920006', title: 'The archive share rejects a user', errorMessages: ['Access denied'] },
  { id: 'Q920007', title: 'Opening a locked journal', errorMessages: ['Access denied.'] },
  {
    id: 'Q920008',
    title: 'Event ID 2019 when the pool is empty',
    eventIds: [2019],
    events: [{ id: 2019, source: 'Srv', description: 'The server was unable to allocate from the system nonpaged pool because the pool was empty.' }],
  },
  { id: 'Q920009', title: 'Allocation warnings printed by the quota tool', errorMessages: ['The server was unable to allocate from the system nonpaged pool because the pool was empty.'] },
];

const { signatures, answer } = messageStore(inputs);

describe('answering pasted error messages', () => {
  it.each([
    ['the message as printed, another path in the slot', 'Error 1311. Source file not found: E:\\install\\Data7.cab. Verify that the file exists and that you can access it.', 'Q920001'],
    ['a message box copied with Ctrl+C', "---------------------------\nLedger Pro\n---------------------------\nRun-time error '429':\n\nActiveX component can't create object\n---------------------------\nOK\n---------------------------", 'Q920002'],
    ['a quote in a chat sentence', 'getting "The print spooler ran out of disk space on D:\\spool and stopped accepting jobs." on PRN4 since 9am', 'Q920004'],
    ['a console line', '2024-07-24 15:49:43 ERROR [poster] The posting period 14 is closed. Reopen the period in the calendar before you post journals to it.', 'Q920003'],
    ['a message wrapped at a narrow width', 'The posting period 3 is closed.\nReopen the period in the calendar\nbefore you post journals to it.', 'Q920003'],
    ['the first words of a message', 'Error 1311. Source file not found: F:\\x.cab. Verify that the file exists', 'Q920001'],
  ])('answers %s with the article that prints it', (_name, text, kb) => {
    const result = answer(text);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
  });

  it('does not name one article for a message several print: possible, with them', () => {
    const result = answer('Access denied');
    expect(result.verdict).not.toBe('match');
    if (result.verdict === 'possible') expect(result.candidates.map((c) => c.kb)).toEqual(expect.arrayContaining(['Q920005', 'Q920006']));
  });

  it.each([
    ['a message no article prints', 'fatal: not a git repository (or any of the parent directories): .git'],
    ['chat that sounds like trouble', 'the deploy failed again, anyone looking at it?'],
    ['chat that does not', 'good morning all'],
  ])('answers none for %s', (_name, text) => {
    expect(answer(text).verdict).toBe('none');
  });

  it('does not name the article of another numbered error from the same program', () => {
    expect(answer("Ledger Pro: Run-time error '91': Object variable not set").verdict).not.toBe('match');
  });

  it('lets an event entry outrank the same text read as an error message', () => {
    const result = answer('Event ID: 2019\nSource: Srv\nDescription: The server was unable to allocate from the system nonpaged pool because the pool was empty.');
    expect(result.candidates[0]?.kb).toBe('Q920008');
    expect(result.candidates[0]?.clueMatches?.[0]?.kind).toBe('event');
  });

  it('explains a message match: the message, the article\'s template and the words that agreed', () => {
    const result = answer('Error 1311. Source file not found: E:\\install\\Data7.cab. Verify that the file exists and that you can access it.');
    const text = renderText(buildWhyReply(result.candidates[0]!, signatures[0]));
    expect(text).toContain('Error message');
    expect(text).toContain('Source file not found: <path>');
    expect(text).toMatch(/words in the article's order: error, #1311, source, file/);
  });
});

describe('a paste quoting several of an article\'s messages', () => {
  // each message alone is printed by two articles: a short list; both together are one article's
  const first = 'The postoffice has not accepted the mail item because the gateway queue is full.';
  const second = 'Caller: Sign-on ID or password incorrect for the remote mailbox.';
  const several = messageStore([
    { id: 'Q930001', title: 'Remote users cannot send mail', errorMessages: [first, second] },
    { id: 'Q930002', title: 'Mail stays in the outbox', errorMessages: [first] },
    { id: 'Q930004', title: 'The external program rejects callers', errorMessages: [second] },
    { id: 'Q930005', title: 'Setup stops on a full disk', errorMessages: ['Setup cannot continue because the disk is full.'] },
  ]);

  it('names the article printing both messages over those printing one of them', () => {
    const result = several.answer(`from the remote client:\n${first}\n\nand on the console:\n${second}`);
    expect(result.candidates[0]?.kb).toBe('Q930001');
    expect(result.verdict).toBe('match');
  });

  it.each([
    ['the first', first, ['Q930001', 'Q930002']],
    ['the second', second, ['Q930001', 'Q930004']],
  ])('still offers both printers of %s message quoted alone', (_name, message, printers) => {
    const result = several.answer(`users get "${message}"`);
    expect(result.verdict).toBe('possible');
    expect(result.candidates.map((c) => c.kb).sort()).toEqual(printers);
  });
});
