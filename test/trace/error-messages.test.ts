/** Reading error text from pastes, and the tokenizer articles and pastes share (insertion strings as one variable token). */
import { describe, expect, it } from 'vitest';
import { messageTemplate, messageTokens, readPastedMessages } from '../../src/trace/error-messages.js';

const words = (text: string): string => messageTokens(text).map((t) => (t.var ? '*' : t.word)).join(' ');

describe('the message tokenizer', () => {
  it.each([
    ['a path is one insertion string', 'Cannot open D:\\Shares\\Sales\\q3.xls for writing', 'cannot open * for writing'],
    ['a UNC path and a number', 'Lost 12 bytes on \\\\FILES2\\home', 'lost * bytes on *'],
    ['a placeholder the article prints', 'The service <service name> did not start', 'the service * did not start'],
    ['a %1 template slot', 'Unable to bind to %1 port', 'unable to bind to * port'],
    ['an address in quotes', 'Fault at "0x0040a2b4" in module', 'fault at * in module'],
    ['an error number names the message', 'Setup error 1603 occurred', 'setup error #1603 occurred'],
    ['a quoted run-time error number', "Run-time error '53': Missing file", 'run time error #53 missing file'],
    ['an error code in hex', 'Failed with error code 0x8007000E', 'failed with error code #0x8007000e'],
    ['a compiler message id stays a word', 'error C4716: function must return a value', 'error c4716 function must return a value'],
    ['apostrophes fold', "Can't find the dictionary", 'cant find the dictionary'],
  ])('%s', (_name, text, expected) => {
    expect(words(text)).toBe(expected);
  });

  it('reads an article and a paste of the same message alike, whatever fills the slots', () => {
    expect(words('The file <filename> is locked by <user>.')).toBe(words('The file C:\\Docs\\report.doc is locked by \\\\HR\\kim.'));
  });

  it('marks insertion strings in the stored template and keeps placeholders and error numbers', () => {
    expect(messageTemplate('Error 1311.  Unable to copy C:\\Temp\\a1.cab,\n retry 3 times (%1)')).toBe('Error 1311. Unable to copy <path> retry <n> times (%1)');
  });
});

describe('error text in a paste', () => {
  const dialog = ['---------------------------', 'Ledger Pro', '---------------------------', "Run-time error '91':", '', 'Object variable not set', '---------------------------', 'OK   Help', '---------------------------'].join('\n');

  it.each([
    ['a message box copied with Ctrl+C, without its buttons', dialog, { how: 'dialog', text: "Ledger Pro\nRun-time error '91':\n\nObject variable not set" }],
    ['text in double quotes in chat', 'we keep getting "Unable to reach the licence server" after lunch', { how: 'quoted', text: 'Unable to reach the licence server' }],
    ['text in single quotes in chat', "getting 'The print spooler is not running' on PRN4", { how: 'quoted', text: 'The print spooler is not running' }],
    ['a console line that reads as an error', 'starting sync\n12:00:01 ERROR could not lock the queue table\nsync done', { how: 'line', text: '12:00:01 ERROR could not lock the queue table' }],
    ['a message wrapped over lines', 'The volume label is missing and the\ndisk cannot be read.', { how: 'line', text: 'The volume label is missing and the disk cannot be read.' }],
    ['short text that does not read as an error', 'Insert the next disk to continue', { how: 'text', text: 'Insert the next disk to continue' }],
    ['lines quoted in chat as one message, without the quote marks', '> Another spool router claims the queue for port LPT9.\n> Offending router is in the data.\nhappens every night', { how: 'quoted', text: 'Another spool router claims the queue for port LPT9. Offending router is in the data.' }],
    [
      "a console command's output, over its blank lines, without the prompts",
      'C:\\>net stop ledger\nThe Ledger service was stopped.\n\nC:\\>net start ledger\nThe Ledger service could not be started.\n\nSystem error 5 has occurred.\n',
      { how: 'line', text: 'The Ledger service could not be started. System error 5 has occurred.' },
    ],
    [
      'the indented lines under a log entry ending in a colon',
      '[2000-03-02 09:15:33] LINK_OPEN to remote node HQ failed:\n    primary_rc = 0x0003 (LINK_SETUP_ERROR)\n    secondary_rc = 0x00000007 (LINK_RETRY_LATER)\nthe other app is fine',
      { how: 'line', text: 'primary_rc = 0x0003 (LINK_SETUP_ERROR) secondary_rc = 0x00000007 (LINK_RETRY_LATER)' },
    ],
    ["a PowerShell prompt's output", 'PS C:\\Users\\ops> Start-Service ledger\nStart-Service : Service cannot be started due to the following error: Cannot open ledger service.', { how: 'line', text: 'Start-Service : Service cannot be started due to the following error: Cannot open ledger service.' }],
  ])('reads %s', (_name, text, expected) => {
    expect(readPastedMessages(text)).toContainEqual(expect.objectContaining(expected));
  });

  it.each([
    ['a quote marker', '> Another spool router claims the queue for port LPT9.\n> Offending router is in the data.'],
    ['a prompt', 'C:\\>net start ledger\nThe Ledger service could not be started.'],
  ])('keeps %s out of every message read', (_name, text) => {
    for (const m of readPastedMessages(text)) expect(m.text).not.toMatch(/^>|C:\\>/);
  });

  it('reads nothing from a one-word message', () => {
    expect(readPastedMessages('thanks')).toEqual([]);
  });

  it('reads a long console log line by line, keeping only a few error lines', () => {
    const log = Array.from({ length: 5000 }, (_, i) => `line ${i}: ${i % 7 === 0 ? 'failed to open the spool file' : 'all good here'}`).join('\n');
    const found = readPastedMessages(log);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(12);
    expect(found.every((m) => m.text.includes('failed'))).toBe(true);
  });

  it.each([
    ['a 1 MB paste of one line', 'x'.repeat(1_000_000)],
    ['a 1 MB paste of error words', 'error cannot open '.repeat(60_000)],
    ['a 1 MB run of quotes and dashes', `${'"-'.repeat(250_000)}${"'".repeat(500_000)}`],
    ['a 1 MB paste of separators', '-----\n'.repeat(170_000)],
    ['a 1 MB staircase of indented colon lines', Array.from({ length: 20_000 }, (_, i) => `${' '.repeat(i % 150)}step ${i} failed:`).join('\n')],
    ['a 1 MB quoted line', `> ${'cannot open '.repeat(85_000)}`],
    ['a 1 MB prompt line and its output', `C:\\${'x'.repeat(1_000_000)}>dir\n${'not found '.repeat(1000)}`],
  ])('reads %s in linear time, with bounded output', (_name, text) => {
    const started = performance.now();
    const found = readPastedMessages(text);
    expect(found.length).toBeLessThanOrEqual(12);
    for (const m of found) expect(m.text.length).toBeLessThanOrEqual(600);
    // a loose sanity bound: a quadratic pass over 1 MB takes minutes
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
