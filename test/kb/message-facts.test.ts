/** The error messages an article says a user sees, read at ingest and kept as templates. */
import { describe, expect, it } from 'vitest';
import { findArticleMessages } from '../../src/kb/message-facts.js';

const article = (...lines: string[]): string => lines.join('\n');

describe('error messages read from an article', () => {
  it.each([
    [
      'the indented block after "you receive the following error message:"',
      article('SYMPTOMS', '========', '', 'When you open a ledger, you receive the following error message:', '', '   Ledger file C:\\DATA\\JAN.LDG is locked by another', '   workstation.', '', 'CAUSE'),
      ['Ledger file <path> is locked by another workstation.'],
    ],
    [
      'an announcement that begins on the line before',
      article('After the upgrade the program may display the following error', 'message:', '', '   Unable to register the spelling component (error 1904).', ''),
      ['Unable to register the spelling component (error 1904).'],
    ],
    [
      'a dialog title joined to the text under it',
      article('The following message box appears:', '', '   Ledger Pro', '', '   The posting period is closed.', ''),
      ['Ledger Pro The posting period is closed.'],
    ],
    [
      'each of "one of the following" messages',
      article('You may receive one of the following error messages:', '', '   The archive index is damaged.', '', '   Cannot read the archive header.', ''),
      ['The archive index is damaged.', 'Cannot read the archive header.'],
    ],
    [
      'quoted text next to "error message"',
      article('Printing stops and you receive the error message "Spooler out of disk space" on the', 'client.'),
      ['Spooler out of disk space'],
    ],
    [
      'the sentence after the colon when line breaks were lost',
      'SYMPTOMS ======== When you start the tool, you receive the following error message: Configuration store not found. CAUSE ===== The store was moved.',
      ['Configuration store not found.'],
    ],
    [
      'a message the article says is written to a log file',
      article('When the client polls, error message 4410 appears in the POLL.LOG file:', '', '   Polling agent cannot read its schedule entries', ''),
      ['Polling agent cannot read its schedule entries'],
    ],
    [
      'return codes printed with their names',
      article('The call fails with the following error message:', '', '   primary_rc = 0x0003 (LINK_SETUP_ERROR)', '   secondary_rc = 0x00000007 (LINK_RETRY_LATER)', ''),
      ['primary_rc = <hex> (LINK_SETUP_ERROR) secondary_rc = <hex> (LINK_RETRY_LATER)'],
    ],
  ])('reads %s', (_name, body, expected) => {
    expect(findArticleMessages(body)).toEqual(expected);
  });

  it.each([
    ['a command to type', article('To fix it, type the following command:', '', '   regsvr32 ledger.dll', '')],
    ['registry keys', article('The error message goes away after you add this registry entry:', '', '   HKEY_LOCAL_MACHINE\\Software\\Ledger', '')],
    ['a list of cited articles', article('For more information about this error message, see:', '', '   Q123456 Ledger Error Messages and Their Causes', '')],
    ['a list of files', article('The error appears when these files are missing:', '', '   LEDGER.EXE POST.DLL REPORT.DLL', '')],
    ['a long listing', article('The error message log shows:', '', ...Array.from({ length: 12 }, (_, i) => `   entry ${i} posted with warnings`), '')],
    ['a code sample', article('The following code produces the error:', '', '   Dim x As Ledger', '   x.Post = 1', '')],
    ['settings to add to a file', article('To avoid this error message, add the following to the LEDGER.INI file:', '', '   Retries = 5', '')],
    ['an assignment without a named code', article('The error message goes away with this line:', '', '   timeout = 30 (seconds)', '')],
  ])('does not read %s as a message', (_name, body) => {
    expect(findArticleMessages(body)).toEqual([]);
  });

  it('keeps each message once, and at most a dozen', () => {
    const body = Array.from({ length: 30 }, (_, i) => `You receive the error message "Journal ${String.fromCharCode(65 + (i % 15))} cannot be posted".`).join('\n');
    const found = findArticleMessages(body);
    expect(found.length).toBe(12);
    expect(new Set(found).size).toBe(found.length);
  });
});
