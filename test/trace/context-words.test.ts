/** The words a person writes around a STOP screen, crash report or event-log entry, read once per paste for ordering the articles that print it. */
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/trace/index.js';

describe('the words around a STOP screen, crash report or event-log entry', () => {
  it.each([
    ['a STOP code said in chat', 'SNA server w/ twinax to a 5494. if I stop the SNA service the box dies with STOP:0x00000050', ['twinax', 'sna', 'service']],
    ['a Win9x fault line', 'after End Task on VFP:\nVFP caused an invalid page fault in\nmodule KERNEL32.DLL at 0177:bff7a388.', ['end', 'task']],
    ['an event-log entry with a quoted dialog', 'wizard says "The service did not respond in a timely fashion"\nEvent ID: 4018\nSource: MSExchangeIMC\nDescription: Unable to start the Internet Mail Connector service.', ['timely', 'fashion', 'wizard']],
  ])('are read from %s', (_name, text, expected) => {
    expect(parseMessage(text).context).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['an error message alone', 'users get "The RPC server is unavailable" when they open Outlook'],
    ['a stack trace with a STOP code', 'STOP 0x0000000A\nChildEBP RetAddr\nf7a1c9d4 8046b2f1 tcpip!TCPDispatch+0x1a\nf7a1c9e8 804a2c10 nt!IofCallDriver+0x3f'],
  ])('are not read from %s (nothing to order)', (_name, text) => {
    expect(parseMessage(text).context).toBeUndefined();
  });

  it('leave out numbers, hex and placeholders', () => {
    const words = parseMessage('STOP 0x0000001E (0xC0000005, 0x8019a2f4) on <server name> after 3 reboots').context ?? [];
    expect(words.some((w) => /\d/.test(w) || w.includes('server'))).toBe(false);
  });
});
