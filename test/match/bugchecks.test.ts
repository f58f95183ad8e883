/** rules/bugcheck-codes.txt: codes and names both ways, and a bad line reported with file:line. */
import { describe, expect, it } from 'vitest';
import { loadBugcheckNames, parseBugcheckNames } from '../../src/match/index.js';

describe('the bug check table', () => {
  it.each([
    ['0x0000000A', 'IRQL_NOT_LESS_OR_EQUAL'],
    ['0x00000050', 'PAGE_FAULT_IN_NONPAGED_AREA'],
    ['0x000000EF', 'CRITICAL_PROCESS_DIED'],
    ['0xC000021A', 'STATUS_SYSTEM_PROCESS_TERMINATED'],
  ])('names %s %s, and finds the code by the name', (code, name) => {
    const table = loadBugcheckNames();
    expect(table.byCode.get(code)).toBe(name);
    expect(table.byName.get(name)).toBe(code);
  });

  it.each([
    ['a lower-case code', '0x0000000a IRQL_NOT_LESS_OR_EQUAL', 'bugcheck-codes.txt:2'],
    ['a short code', '0xA IRQL_NOT_LESS_OR_EQUAL', 'bugcheck-codes.txt:2'],
    ['a code listed twice', '0x0000000A IRQL_NOT_LESS_OR_EQUAL\n0x0000000A OTHER_NAME', 'bugcheck-codes.txt:3'],
    ['a name listed twice', '0x0000000A IRQL_NOT_LESS_OR_EQUAL\n0x0000000B IRQL_NOT_LESS_OR_EQUAL', 'bugcheck-codes.txt:3'],
  ])('rejects %s with the file and line', (_name, body, where) => {
    expect(() => parseBugcheckNames(`# comment\n${body}`)).toThrow(where);
  });
});
