import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/model.js';
import { parseTraces } from '../../src/trace/index.js';
import { archiveAvailable, readArchiveArticle } from '../support/archive.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/trace/${name}`, import.meta.url), 'latin1');

/** Frames printed back as `module!symbol+offset`, one array per trace. */
const show = (traces: Trace[]): string[][] =>
  traces.map((t) => t.map((f) => `${f.module}!${f.symbol}${f.offset ? `+${f.offset}` : ''}`));

const layouts: [string, string, string[][]][] = [
  ['NT4 kd FramePtr/RetAddr columns with symbols wrapped onto the next line', 'kd-frameptr-wrapped.txt', [[
    'NTFS!NtfsExceptionFilter+0x46e1', 'NTFS!NtfsFspClose+0x10fcc', 'NT!ExpWorkerThread+0x6a', 'NT!KiThreadStartup+0xe',
  ]]],
  ['Dr. Watson FramePtr/ReturnAd with wrapped FPO, [omap], <nosymbols> and a raw stack dump', 'drwatson-6col.txt', [[
    'ntdll!wcscpy', 'kernel32!lstrcpyW', 'hpmon!TranslatePjl', 'hpmon!DecodePjl', 'kernel32!BaseThreadStart',
  ]]],
  ['ChildEBP RetAddr Args to Child with FPO, TrapFrame and [Stdcall] annotations', 'childebp-kv.txt', [[
    'NT!_DbgBreakPoint', 'NT!_KeBugCheckEx+0x17f', 'NT!_KiTrap0E+0x256', 'dlc!_ProcessType1_Frames+0xae', 'NDIS!_NdisMDpc+0x39',
  ]]],
  ['WinDbg kn with frame numbers and source info', 'windbg-kn.txt', [[
    'ntdll!KiFastSystemCallRet', 'ntdll!NtWaitForSingleObject+0xc', 'kernel32!WaitForSingleObjectEx+0xa8',
    'myapp!CWorker::Wait+0x1b', 'myapp!main+0x4c',
  ]]],
  ['x64 Child-SP RetAddr Call Site with backtick addresses and an inline frame', 'windbg-x64.txt', [[
    'ntdll!NtWaitForSingleObject+0xa', 'store!CQueue::Pop+0x12', 'store!CQueue::WaitAndPop+0x3c',
    'kernel32!BaseThreadInitThunk+0xd', 'ntdll!RtlUserThreadStart+0x1d',
  ]]],
  ['WinDbg kp with argument lists containing spaces', 'windbg-kp.txt', [[
    'ntdll!RtlAllocateHeap+0x1a', 'msvcrt!malloc+0x16', 'myapp!std::vector<int,std::allocator<int> >::push_back+0x22',
    'myapp!main+0x30',
  ]]],
  ['WinDbg kP with one argument per line', 'windbg-kP-multiline.txt', [[
    'ntdll!RtlpAllocateFromHeapLookaside+0x1a', 'msvcrt!malloc+0x16', 'myapp!main+0x30',
  ]]],
  ['~*kb output: one trace per thread', 'windbg-all-threads.txt', [
    ['ntdll!KiFastSystemCallRet', 'ntdll!NtWaitForSingleObject+0xc', 'store!ServiceMain+0x42'],
    ['ntdll!KiFastSystemCallRet', 'store!EcProcessTask+0x1b4', 'kernel32!BaseThreadStart+0x37'],
  ]],
  ['a Dr. Watson 2000 log: the faulting function line, then the back trace', 'drwatson-2000.txt', [
    ['STORE!PUSH_NOTIFY::PushToClient'],
    ['STORE!PUSH_NOTIFY::PushToClient', 'STORE!ScanForOutstandingNotifications', 'KERNEL32!BaseThreadStart'],
  ]],
  ['a Visual Studio call-stack window', 'vs-callstack.txt', [[
    'store.exe!PUSH_NOTIFY::PushToClient+0xb0', 'store.exe!ScanForOutstandingNotifications+0x1a',
    'store.exe!EcProcessTask+0x1b4', 'RPCRT4!NdrServerCall+0x9',
  ]]],
  ['a bare bulleted module!symbol list after chat prose', 'bare-list.txt', [[
    'ntdll!RtlAllocateHeap+0x67a', 'exchmem!ExchMHeapAlloc+0x2b', 'STORE!EcRpc', 'store.exe!EcDoRpc',
  ]]],
  ['a whole pasted debugger session (registers, disassembly, prompts, WARNING lines)', 'debugger-session.txt', [[
    'store!PUSH_NOTIFY::PushToClient+0xb0', 'store!ScanForOutstandingNotifications+0x104', 'store!EcProcessTask+0x1b4',
    'kernel32!BaseThreadStart+0x64',
  ]]],
  ['mangled names, argument lists and C++ names wrapped over lines', 'mangled-wrapped.txt', [[
    'STORE!EcReleaseLogonOp+0x6', 'STORE!SESS::EcAddLogon+0x101',
    'RPCRT4!?DealWithRequestMessage@WMSG_SASSOCIATION@@QAEXPAT_WMSG_MESSAGE@@0PAU_RPC_MESSAGE@@PAPAVWMSG_SBINDING@@IHH@Z+0x127',
    'STORE!MDB::EcGetIDsFromNames+0xfa', 'store!MDB_BASE::EcCloseObject+0x60',
  ]]],
  ['Alpha Callee-SP : Arguments : Call Site', 'alpha-callee.txt', [[
    'NT!KeBugCheckEx+0x2c', 'NT!KiPanicException+0x18', 'sonic!ConstrainPacket+0x1d4',
  ]]],
  ['several frames on one event-log line with spaces around +', 'eventlog-inline.txt', [[
    'KERNEL32!InterlockedExchangeAdd+0x9', 'OLE32!Ordinal123+0x1a', 'MTXEX!CObjectContext::Release+0x4d',
  ]]],
  ['!analyze -v output (fields naming the faulting frame, then STACK_TEXT)', 'windbg-analyze.txt', [
    ['netflx!NetFlexProcessEthRcv+0x64'],
    ['netflx!NetFlexProcessEthRcv+0x64', 'NDIS!ndisMDpc+0x39', 'nt!KiRetireDpcList+0x46'],
    ['netflx!NetFlexProcessEthRcv+0x64'],
  ]],
  ['x64 kernel stacks with ": Args to Child :" columns, skipping a module+offset frame', 'windbg-x64-kernel.txt', [[
    'nt!KeBugCheckEx', 'nt!KiBugCheckDispatch+0x69', 'nt!KiPageFault+0x260', 'nt!KiRetireDpcList+0x1bc',
  ]]],
  ['<BR/> remnants of HTML articles', 'br-remnants.txt', [[
    'STORE!SzDupSz+0xb', 'STORE!IMAPCON::EcServerHostFromServerDN+0x1e',
  ]]],
  ['frames in chat prose: inline code, bold, quotes, parentheses, arrows', 'chat-inline.txt', [
    ['STORE!EcRpc+0x12', 'store!EcDoRpc', 'rpcrt4!Invoke+0x30'],
    ['ntdll!RtlpFindAndCommitPages+0x12f', 'ntdll!RtlAllocateHeap+0x3e', 'exchmem!ExchMHeapAlloc'],
  ]],
  ['traces split by prose and by -or-', 'two-traces-prose.txt', [
    ['ntdll!RtlpCoalesceFreeBlocks+0x1a', 'ntdll!RtlFreeHeap+0x3e'],
    ['tcpip!_FreeARPBuffer+0x10', 'tcpip!_ARPSendComplete+0x39'],
    ['tcpip!ARPSendData+0x20'],
  ]],
];

describe('parseTraces', () => {
  it.each(layouts)('reads %s', (_name, file, expected) => {
    expect(show(parseTraces(fixture(file)))).toEqual(expected);
  });

  it.each(layouts)('reads the same frames from %s when its line breaks are collapsed into spaces', (_name, file, expected) => {
    expect(show(parseTraces(fixture(file).replace(/\s+/g, ' ')))).toEqual(expected);
  });

  it('reads the flattened seed Q272274 as one 4-frame trace, crash frame first', () => {
    const seed = readFileSync(new URL('../fixtures/Q272274-flattened.txt', import.meta.url), 'latin1');
    const traces = parseTraces(seed);
    expect(traces).toHaveLength(1);
    expect(traces[0]).toHaveLength(4);
    expect(traces[0]![0]).toEqual({ module: 'STORE', symbol: 'PUSH_NOTIFY::PushToClient', offset: '0xb0' });
    expect(traces[0]![3]).toEqual({ module: 'KERNEL32', symbol: 'BaseThreadStart', offset: '0x64' });
  });

  it.skipIf(!archiveAvailable())('reads the formatted original of Q272274 like the flattened seed', () => {
    const seed = readFileSync(new URL('../fixtures/Q272274-flattened.txt', import.meta.url), 'latin1');
    expect(parseTraces(readArchiveArticle('Q272274'))).toEqual(parseTraces(seed));
  });

  it('finds the one trace in a 40,000-character paste of register and raw stack dumps', () => {
    const dump = '0098fe18  3c fe 98 00 3e 5e f2 77 - c8 af 37 77 5c 6f 71 00  <...>^.w..7w\\oq.\n';
    const registers = 'eax=00000000 ebx=0012f3c4 ecx=7c91003d edx=00150608 esi=00000000 edi=0012f3a8\n';
    const half = (dump + registers).repeat(130);
    const text = `${half}${fixture('kd-frameptr-wrapped.txt')}${half}`;
    expect(text.length).toBeGreaterThan(40_000);
    expect(show(parseTraces(text))).toEqual([[
      'NTFS!NtfsExceptionFilter+0x46e1', 'NTFS!NtfsFspClose+0x10fcc', 'NT!ExpWorkerThread+0x6a', 'NT!KiThreadStartup+0xe',
    ]]);
  });

  it('keeps `operator delete` and backtick names whole', () => {
    const text = "0012f0a8 77e6cbe8 rpcrt4!operator delete+0x12\n0012f0b0 77e6cbe8 rpcrt4!WMSG_BINDING_HANDLE::`scalar deleting destructor'+0x8";
    expect(show(parseTraces(text))).toEqual([[
      'rpcrt4!operator delete+0x12', "rpcrt4!WMSG_BINDING_HANDLE::`scalar deleting destructor'+0x8",
    ]]);
  });

  it.each([
    ['an exclamation in prose', 'Help! The store crashed again!! kbbot! any idea?'],
    ['a URL with a bang', 'see http://example.com/a!b and https://x.y/#!/path and example.com/docs!intro'],
    ['debugger prompts and commands', '0:000> !analyze -v\n0:000> !heap -s\nkd> !trap 8019d698'],
    ['register dumps', 'eax=00000000 ebx=0012f3c4 ecx=7c91003d\neip=004012a7 esp=0012f2fc ebp=0012f31c iopl=0 nv up ei pl zr na pe nc'],
    ['a disassembly label', 'ntdll!RtlFreeHeap+0x1a:\n77f6a2b3 8b4608 mov eax,dword ptr [esi+8]'],
    ['a disassembly call operand', '77f6a2b0 e8bbfeffff call ntdll!RtlpFreeToHeapLookaside (77f6a170)'],
    ['conditional-jump operands', '801144a4 7407 jz NT!_IoAllocateMdl+0x15 (801144ad)\n801144d4 7607 jbe NT!_IoAllocateMdl+0x45 (801144dd)'],
    ['debugger commands naming code', 'kd> u NT!_IoAllocateMdl NT!_IoAllocateMdl+0x50\n bp KERNEL32!ReadDirectoryChangesW'],
    ['VB bang syntax in code samples', 'rs!Field1 = intField1\nrs!ContactName = rs!ContactName & "H"'],
    ['frames with no symbol', '0012f0a8 77f5c534 0x77e6cbe8\nspoolss!<nosymbols>\nkernel32.dll!7c80b729()\nstore!0x000000000048A274'],
  ])('finds no frame in %s', (_name, text) => {
    expect(parseTraces(text)).toEqual([]);
  });

  it.each([
    ['a SQL FROM list of database!table names', 'SELECT * FROM shopdb!customer, shopdb!orders ;'],
    ['a SQL join of database!table names', 'FROM  demo!tablea tablea LEFT JOIN demo!tableb tableb ON a.id = b.id'],
    ['VB field references in a print statement', 'Debug.Print rs!EmployeeID, rs!LastName, Len(rs!Notes)'],
    ['VB field references of a camelCase recordset', 'Write #1, rsOrders!ProductID, rsOrders!Quantity'],
    ['mail addresses with a bang path', 'Address: [SMTP:gateway!username] or [SMTP:Gatename!JohnS]'],
    ['variables edited in the debugger', '- ed search!vqinfolevel ffffffff\n- ed search!ciinfolevel ffffffff'],
  ])('reads no stack from %s', (_name, text) => {
    expect(parseTraces(text).filter((t) => t.length >= 2)).toEqual([]);
  });

  it.each([
    ['lower-case frames one a line, without offsets', '- snalm!QueueBuffer\n- ntdll!RtlAllocateHeap\n  snalm!GetReadBuffer', 3],
    ['Win32-style names on one line', 'it hangs in kernel32!WaitForSingleObject ntdll!NtWaitForSingleObject', 2],
    ['upper-case modules without offsets', 'STORE!EcGetProps STORE!EcRpc', 2],
    ['lower-case frames with addresses', '0012f0a8 77e6cbe8 shopdb!customer 0012f0b0 77e6cbe8 shopdb!orders', 2],
  ])('still reads a stack of %s', (_name, text, frames) => {
    expect(parseTraces(text).map((t) => t.length)).toEqual([frames]);
  });
});
