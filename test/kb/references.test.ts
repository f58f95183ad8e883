import { describe, expect, it } from 'vitest';
import { findArticleIds, findEventIds, findExceptionCodes, findStopCodes, withoutCitedTitles } from '../../src/kb/references.js';

describe('references and codes (survey §7)', () => {
  it.each([
    ['a list line with a title', '   Q244976 XADM: Event ID 1197 and 1005 When Starting the Store', ['Q244976']],
    ['a list line with a colon', '   Q123863: Windows NT 3.5 Service Pack 2', ['Q123863']],
    ['an inline mention', 'see article Q65128 in the Microsoft Knowledge Base and (Q92901).', ['Q65128', 'Q92901']],
    ['a spaced id', 'For more information see Q 279217.', ['Q279217']],
    ['a KB number', 'See KB152734 for details.', ['Q152734']],
    ['the old article URL', 'http://support.microsoft.com/support/kb/articles/Q140/3/41.asp', ['Q140341']],
    ['repeats once', 'Q152734 and again Q152734', ['Q152734']],
    ['no id in version numbers', 'Store.exe version 5.5.2654.3 dated 9/16/2000', []],
  ])('reads related articles from %s', (_name, text, ids) => {
    expect(findArticleIds(text)).toEqual(ids);
  });

  it.each([
    ['Event ID: nnnn', 'Event ID: 9405', [9405]],
    ['Event ID nnnn', 'the Event ID 4097 is logged', [4097]],
    ['Event ID= nnnn', 'Event ID= 1197', [1197]],
    ['EventID: nnnn', 'EventID: 7000', [7000]],
    ['Event ID# nnnn', 'Event ID# 11', [11]],
    ['Event nnnn', 'Service Control Manager Event 7024 appears', [7024]],
    ['a list with and', 'Event ID 1197 and 1005', [1197, 1005]],
    ['a list with commas', 'Event IDs 7, 9, and 11', [7, 9, 11]],
    ['lower-case prose "event 5"', 'the event 5 times', []],
  ])('reads event ids written as %s', (_name, text, ids) => {
    expect(findEventIds(text)).toEqual(ids);
  });

  it.each([
    ['STOP 0xXXXXXXXX', 'STOP 0x0000000A', ['0x0000000A']],
    ['STOP: 0xXXXXXXXX with parameters', 'STOP: 0x0000001E (0xC0000005, 0x8013A2B1)', ['0x0000001E']],
    ['a short form', 'Stop 0x0a', ['0x0000000A']],
    ['STOP XX', 'STOP 0A', ['0x0000000A']],
    ['STOP: XXXXXXXX', 'STOP: 0000007B', ['0x0000007B']],
    ['STOP 0xC000021A', 'STOP 0xC000021A', ['0xC000021A']],
    ['Bugcheck 0xXX', 'Bugcheck 0x50', ['0x00000050']],
    ['prose "stop" words', 'the services stop responding; stop the server and stop add-ins', []],
  ])('reads STOP codes written as %s', (_name, text, codes) => {
    expect(findStopCodes(text)).toEqual(codes);
  });

  it.each([
    ['bare lower-case hex', 'exception c0000005 occurred', ['c0000005']],
    ['0x upper-case', 'an access violation (0xC0000005)', ['c0000005']],
    ['0x lower-case', 'status 0xc000021a', ['c000021a']],
    ['bare upper-case', 'error C0000143', ['c0000143']],
    ['Dr. Watson exception number', 'Exception number: 80000003 (hardcoded breakpoint)', ['80000003']],
    ['an application-defined code', 'Exception e0010002 was raised', ['e0010002']],
    ['stack addresses', '0156f6d0 004e7348 77e6cbe8 c0000000', []],
  ])('reads exception codes written as %s', (_name, text, codes) => {
    expect(findExceptionCodes(text)).toEqual(codes);
  });

  it('leaves cited article titles out of the text codes are read from', () => {
    const prose = 'The store stops. Knowledge Base: Q244976 XADM: Event ID 1197 and 1005 When Starting the Store Q150002 STOP 0x0000001E on Shutdown';
    const kept = withoutCitedTitles(prose);
    expect(findEventIds(kept)).toEqual([]);
    expect(findStopCodes(kept)).toEqual([]);
    expect(kept).toContain('The store stops.');
  });

  it('ends a cited title at its sentence end, keeping the prose after it', () => {
    const kept = withoutCitedTitles('See Q244976 XADM: Store Fails. Event ID 9405 is logged.');
    expect(findEventIds(kept)).toEqual([9405]);
  });
});
