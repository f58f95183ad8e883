/** A message said in a chat sentence without quotes: the clause it says, the chat around it cut off; ordinary chat says none. */
import { describe, expect, it } from 'vitest';
import { saidInChat, withoutChatTail } from '../../src/trace/chat-clause.js';
import { readPastedMessages } from '../../src/trace/error-messages.js';

describe('a message said in chat without quotes', () => {
  it.each([
    ['"getting" and a "when I" tail', 'getting the RPC server is unavailable when I open outlook', 'the RPC server is unavailable'],
    ['a program that "says"', 'outlook says cannot start microsoft outlook. unable to open the set of folders', 'cannot start microsoft outlook. unable to open the set of folders'],
    ['a colon after chat', 'users see this since the update: Cannot write VER.DLL', 'Cannot write VER.DLL'],
    ['"this error:" , a host name and a question', 'I keep getting this error: The RPC server is unavailable on EXCH02, any ideas?', 'The RPC server is unavailable'],
    ['a greeting, a clause start and "keeps saying"', 'hey all, since the patch word keeps saying the disk is full or too many files are open', 'the disk is full or too many files are open'],
    ['a Slack time, a speaker and "an error saying"', '[10:42] dana: we are seeing an error saying access to the path is denied when we save', 'access to the path is denied'],
    ['a speaker and "error:"', 'dana: error: Cannot find the file specified', 'Cannot find the file specified'],
    ['a program that "pops up with" a numbered error', 'the installer pops up with Error 1311 source file not found when we run it from the share', 'Error 1311 source file not found'],
    ['"keep getting an error saying" and a trailing ask', 'keep getting an error saying the server is not operational, any ideas', 'the server is not operational'],
    ['a program with a version that "gives me"', 'word 97 gives me the document name or path is not valid every time I open a template', 'the document name or path is not valid'],
    ['"its saying"', "it's saying the network path was not found", 'the network path was not found'],
    ['"keeps telling me" and a mention', '@sam excel keeps telling me there is not enough memory to complete this action for some users', 'there is not enough memory to complete this action'],
    ['"the error is"', 'the error is The system cannot find the path specified', 'The system cannot find the path specified'],
    ['"got" and a "after the upgrade" tail', 'got Invalid page fault in module KRNL386.EXE after the upgrade :(', 'Invalid page fault in module KRNL386.EXE'],
    ['a question before, and the message\'s own colon kept', 'anyone seen this? excel gives me File Error: Cannot open the workbook', 'File Error: Cannot open the workbook'],
    ['people who "are receiving"', 'our finance users are receiving Not enough server storage is available to process this command on FS01', 'Not enough server storage is available to process this command'],
  ])('reads %s', (_name, sentence, expected) => {
    expect(saidInChat(sentence)).toBe(expected);
  });

  it.each([
    ['thanks', 'thanks, that fixed it'],
    ['agreement', 'I get it, thanks'],
    ['a status report with a lead-in', 'we see the same thing on our side'],
    ['a question', 'is anyone else getting this?'],
    ['a question after a lead-in', 'getting what exactly?'],
    ['a greeting', 'good morning all'],
    ['trouble without a lead-in', 'the deploy failed again, anyone looking at it?'],
    ['a crash report without a message', 'Excel keeps crashing when I open the big budget workbook'],
    ['a plan', "I'll be out on Friday, Sam covers the on-call"],
    ['a message in quotes (the quote reader reads it)', 'getting "The RPC server is unavailable" when I open outlook'],
    ['a message that begins with its own number', "Run-time error '429': ActiveX component can't create object"],
    ['an event entry', 'Event ID: 7000 Source: Service Control Manager Description: The service failed to start'],
    ['a program name before a colon', 'Microsoft Outlook: Cannot start Microsoft Outlook'],
    ['a message that begins "The message is"', 'The message is too large to fit into memory all at once.'],
    ['a message whose "and receiving" is its own', 'Problems sending and receiving new messages'],
    ['a printed "Error:" prefix', 'Error: Failure to read record'],
    ['a printed label with a people word', 'Active Users: 25'],
    ['a colon inside a quote', 'There is no driver installed. For more information, see "Troubleshooting: Multimedia Questions"'],
  ])('reads nothing from %s', (_name, sentence) => {
    expect(saidInChat(sentence)).toBeUndefined();
  });
});

describe('a sentence without its chat tail', () => {
  it.each([
    ['a "when I" tail', 'the RPC server is unavailable when I open outlook', 'the RPC server is unavailable'],
    ['a trailing ask', 'Not enough memory to run this program, any ideas?', 'Not enough memory to run this program'],
    ['a host name (without a lead-in, maybe a value in the message\'s slot)', 'Printing report.doc on EXCH02 failed', undefined],
    ['no tail', 'The document name or path is not valid', undefined],
    ['a tail and nothing said before it', 'it happens when I log in', undefined],
    ["the message's own \"for each\"", 'additional files for each embedded picture will be saved', undefined],
    ["the message's own \"in some machines\"", 'Use of the Early setting may cause system failure in some machines', undefined],
  ])('reads %s', (_name, sentence, expected) => {
    expect(withoutChatTail(sentence)).toBe(expected);
  });
});

describe('a chat paste read for error text', () => {
  it.each([
    ['the clause, not the sentence, when the message reads as an error', 'getting the RPC server is unavailable when I open outlook', { how: 'line', text: 'the RPC server is unavailable' }],
    ['a clause that does not read as an error as text (answered only when an article prints it)', 'users see this since the update: Server Properties', { how: 'text', text: 'Server Properties' }],
    ['an error sentence without its chat tail', 'the RPC server is unavailable when I open outlook', { how: 'line', text: 'the RPC server is unavailable' }],
    ['the line of a multi-line chat paste that says the message', 'morning\nsince the update outlook says cannot open the free/busy information\nanyone else?', { how: 'line', text: 'cannot open the free/busy information' }],
  ])('reads %s', (_name, paste, expected) => {
    const found = readPastedMessages(paste);
    expect(found).toContainEqual(expect.objectContaining(expected));
    // the sentence around it is not read as well: the message is what the paste is about
    expect(found.some((m) => m.text.length > expected.text.length && m.text.includes(expected.text))).toBe(false);
  });

  it('reads a 200 KB paste of repeated chat words in linear time, with bounded output', () => {
    const paste = 'users are getting says error: when I '.repeat(5_500);
    const lines = 'we keep getting the server says error: it\n'.repeat(5_000);
    // lines of a message's length, every clause a lead-in and nothing said
    const leads = `${'getting it, users see it: '.repeat(22)}\n`.repeat(350);
    for (const text of [paste, lines, leads]) {
      const started = performance.now();
      const found = readPastedMessages(text);
      expect(found.length).toBeLessThanOrEqual(12);
      // a loose sanity bound: a quadratic pass over 200 KB takes minutes
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });
});
