import { describe, expect, it } from 'vitest';
import type { Clue } from '../../src/model.js';
import { extractClues } from '../../src/trace/index.js';

describe('extractClues', () => {
  it.each<[string, string, Clue[]]>([
    ['a full STOP code', 'blue screen: STOP 0x0000000A (0x00000000, 0x00000002)', [{ kind: 'stop-code', code: '0x0000000A' }, { kind: 'bugcheck', code: '0x0000000A', parameters: ['0', '2'] }]],
    ['a short STOP code', 'we get Stop 0xA on boot', [{ kind: 'stop-code', code: '0x0000000A' }]],
    ['a STOP code with a colon', 'STOP: 0x0000001e', [{ kind: 'stop-code', code: '0x0000001E' }]],
    ['an !analyze BUGCHECK_STR field', 'BUGCHECK_STR:  0xD1', [{ kind: 'stop-code', code: '0x000000D1' }]],
    ['a WinDbg bugcheck line', 'BugCheck D1, {0, 2, 0, f8a4c9a1}', [{ kind: 'stop-code', code: '0x000000D1' }, { kind: 'bugcheck', code: '0x000000D1', parameters: ['0', '2', '0', 'f8a4c9a1'] }]],
    ['a bare exception code', 'store crashes with c0000005 every night', [{ kind: 'exception-code', code: 'c0000005' }]],
    ['a 0x exception code', 'exception 0xC0000005 in store', [{ kind: 'exception-code', code: 'c0000005' }]],
    ['a C++ exception code', 'first chance e0020004', [{ kind: 'exception-code', code: 'e0020004' }]],
    ['a breakpoint exception named as a code', 'Break instruction exception - code 80000003 (first chance)', [{ kind: 'exception-code', code: '80000003' }]],
    ['an access violation named in words', 'the store gets an Access Violation at startup', [{ kind: 'exception-code', code: 'c0000005' }]],
    ['a BSOD code', 'BSOD 0x7B after the update', [{ kind: 'stop-code', code: '0x0000007B' }]],
    ['the debugger exception line', '(5d4.618): Access violation - code c0000005 (first chance)', [{ kind: 'exception-code', code: 'c0000005' }]],
    ['an Event ID with its source', 'Event ID: 1000\nSource: MSExchangeIS\nType: Error', [{ kind: 'event-id', id: 1000, source: 'MSExchangeIS', level: 'Error' }]],
    ['a source before the Event ID', 'Source: MSExchangeIS Mailbox Event ID: 1025', [{ kind: 'event-id', id: 1025, source: 'MSExchangeIS Mailbox' }]],
    ['an event-log record', 'Event: 9405\nSource: MSExchangeMTA\nType: Error\nCategory: Field Engineering', [{ kind: 'event-id', id: 9405, source: 'MSExchangeMTA' }]],
    ['an Event ID repeated without its source', 'Event ID 1000 (Source: MSExchangeIS). Then event ID 1000 again.', [{ kind: 'event-id', id: 1000, source: 'MSExchangeIS' }]],
    ['an Event ID without source', 'I see event id 7031 in the log', [{ kind: 'event-id', id: 7031 }]],
    ['a file version with its file', 'store.exe 5.5.2653.12 here', [{ kind: 'file-version', version: '5.5.2653.12', file: 'store.exe' }]],
    ['a version without file', "we're on 5.5.2650.21.", [{ kind: 'file-version', version: '5.5.2650.21' }]],
    ['a version the person runs, with a date nearby', 'we run store.exe 5.5.2653.12 since 10/12/2000', [{ kind: 'file-version', version: '5.5.2653.12', file: 'store.exe' }]],
    ['a version the person names before a pasted table', 'store.exe version 5.5.2653.12 here; the article lists 9/16/2000 6:26:35 5.5.2654.3 2,621,440 Store.exe i386', [{ kind: 'file-version', version: '5.5.2653.12', file: 'store.exe' }]],
    ['a version named a few words after the file', 'Store.exe is version 5.5.2654.3', [{ kind: 'file-version', version: '5.5.2654.3', file: 'Store.exe' }]],
    ['a Windows Error Reporting event', 'Faulting application store.exe, version 5.5.2653.12, faulting module ntdll.dll, version 5.2.3790.1830, fault address 0x00012345.', [
      { kind: 'app-error', app: 'store.exe', appVersion: '5.5.2653.12', module: 'ntdll.dll', moduleVersion: '5.2.3790.1830', offset: '00012345' },
      { kind: 'file-version', version: '5.5.2653.12', file: 'store.exe' },
      { kind: 'file-version', version: '5.2.3790.1830', file: 'ntdll.dll' },
    ]],
  ])('reads %s', (_name, text, clues) => {
    expect(extractClues(text)).toEqual(clues);
  });

  it.each([
    ['addresses in trace columns', '0156f6d0 c0000005 00000000 STORE!EcRpc+0x10\n0156f6e0 00000000 e0020004 c0000040 STORE!EcDoRpc'],
    ['register values', 'eax=c0000005 ebx=e0020004'],
    ['an IP address', 'server at 192.168.10.20'],
    ['a product version with two parts', 'Exchange 5.5 SP4'],
    ['prose about stopping', 'please stop the service and check the event log'],
    ['a pasted file table', '   Date      Time    Version     Size       File name\n   9/16/2000 6:26:35 5.5.2654.3 2,621,440 Store.exe     i386\n   9/16/2000 6:46:52 5.5.2654.3   561,152 Emsmdb32.dll  i386'],
    ['a file table collapsed onto one line', 'Date Time Version Size File name 9/16/2000 6:26:35 5.5.2654.3 2,621,440 Store.exe i386 9/16/2000 5:56:01 5.5.2654.3 3,682,304 Store.exe alpha'],
    ['a table of file, version and size', 'Store.exe 5.5.2654.3 2,621,440\nEmsmdb32.dll 5.5.2654.3 561,152'],
    ['a table row with date and platform', '12-Oct-2000 5.5.2653.43 Store.exe x86'],
    ['an article\'s "or later" bound', 'restore it only if it is version 5.5.2652.68 or later.'],
    ['an article\'s "earlier than" bound', 'a Store.exe file earlier than version 5.5.2652.68 corrupts the database'],
  ])('finds no clue in %s', (_name, text) => {
    expect(extractClues(text)).toEqual([]);
  });

  it('lists clues in order of appearance without repeats', () => {
    const text = 'c0000005 again. Event ID 1000. STOP 0xA, then c0000005 and store.exe 5.5.2653.12';
    expect(extractClues(text)).toEqual([
      { kind: 'exception-code', code: 'c0000005' },
      { kind: 'event-id', id: 1000 },
      { kind: 'stop-code', code: '0x0000000A' },
      { kind: 'file-version', version: '5.5.2653.12', file: 'store.exe' },
    ]);
  });
});
