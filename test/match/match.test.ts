import { describe, expect, it } from 'vitest';
import { MATCH_THRESHOLD, TIE_MARGIN, decideVerdict, matchMessage } from '../../src/match/index.js';
import { SignatureSchema } from '../../src/model.js';
import { parseMessage } from '../../src/trace/index.js';
import { fixtureIndex } from './fixtures.js';

const index = fixtureIndex();
const match = (text: string) => matchMessage(index, parseMessage(text));

describe('matchMessage', () => {
  it.each([
    ['the article spelling', 'STORE!PUSH_NOTIFY::PushToClient+0xb0\nSTORE!ScanForOutstandingNotifications+0x104\nSTORE!EcProcessTask+0x1b4', 'Q900001'],
    ['lower case with .exe', 'store.exe!push_notify::pushtoclient+0xb0\nstore.exe!scanforoutstandingnotifications+0x104', 'Q900001'],
    [
      'WinDbg kb with addresses and FPO',
      'ChildEBP RetAddr  Args to Child\n0012f8c4 77e8f1c2 00000001 00000002 00000003 STORE!PUSH_NOTIFY::PushToClient+0xb0 (FPO: [Non-Fpo])\n0012f8e0 77e8f1c2 00000001 00000002 00000003 STORE!ScanForOutstandingNotifications+0x104',
      'Q900001',
    ],
    ['Visual Studio call stack', 'store.exe!PUSH_NOTIFY::PushToClient() + 0xb0 bytes\nstore.exe!ScanForOutstandingNotifications() + 0x104 bytes', 'Q900001'],
    ['x64 Child-SP with backticks', 'Child-SP          RetAddr           Call Site\n00000000`0012f8c4 00000000`77e8f1c2 store!PUSH_NOTIFY::PushToClient+0xb0\n00000000`0012f8e0 00000000`77e8f1c2 store!ScanForOutstandingNotifications+0x104', 'Q900001'],
    ['demangled name against a mangled signature', 'exchmem!CShrMemPool::GetPtr+0x10\nstore!CConvertStream::Write+0x55\nstore!EcWriteStreamOp+0x20', 'Q900003'],
    ['Slack-escaped, fenced, collapsed onto one line', '```EMSMTA!sgplinfo+0x1 EMSMTA!sgpminfo+0x2 EMSMTA!odpbdrld+0x3 EMSMTA!odpbdget+0x4```', 'Q900002'],
  ])('matches %s', (_label, text, kb) => {
    const result = match(text);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
    expect(result.candidates[0]?.score).toBeGreaterThan(0.5);
  });

  it.each([
    ['frames missing at the top', 'EMSMTA!odpbdrld+0x3\nEMSMTA!odpbdget+0x4\nEMSMTA!otpixfok+0x5\nEMSMTA!otpimain+0x6\nEMSMTA!sbpiwbep', 'Q900002'],
    ['exception-dispatch frames added on top', 'ntdll!KiUserExceptionDispatcher+0x4\nntdll!RtlDispatchException+0x10\nsnaservr!s1pupcds+0x20\nsnaservr!s1pucsc+0x30\nsnaservr!s1pusvc+0x40', 'Q900004'],
    ['only the top of the stack', 'snaservr!s1pupcds+0x20\nsnaservr!s1pucsc+0x30', 'Q900004'],
    ['extra frames of the caller below', 'EMSMTA!sgplinfo\nEMSMTA!sgpminfo\nEMSMTA!odpbdrld\nEMSMTA!odpbdget\ncontoso!CQueueWorker::Run\ncontoso!WorkerMain\nKERNEL32!BaseThreadStart', 'Q900002'],
    ['names cut short by the debugger', 'STORE!PUSH_NOTIFY::PushToCl\nSTORE!ScanForOutstandingNotif\nSTORE!EcProcessTask', 'Q900001'],
  ])('still matches a damaged trace: %s', (_label, text, kb) => {
    const result = match(text);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
  });

  it('reads a mistyped symbol as the symbol it was meant to be, and says so', () => {
    const result = match('STORE!PUSH_NOTIFY::PushToClient+0xb0\nSTORE!ScanForOutstandingNotificatons+0x104');
    expect(result.candidates[0]?.kb).toBe('Q900001');
    expect(result.candidates[0]?.alignment[1]).toMatchObject({ status: 'fuzzy', reason: expect.stringContaining('similar spelling') });
  });

  it.each([
    ['RPC runtime frames only', 'RPCRT4!Invoke+0x30\nRPCRT4!NdrStubCall+0x10\nRPCRT4!DispatchToStubInC+0x20\nKERNEL32!BaseThreadStart'],
    ['heap frames no article prints', 'ntdll!RtlAllocateHeap+0x30\nntdll!RtlpAllocateHeap+0x10\nKERNEL32!BaseThreadStart+0x64'],
  ])('answers none for a trace of generic frames no article prints: %s', (_label, text) => {
    expect(match(text)).toEqual({ verdict: 'none', candidates: [] });
  });

  it.each([
    ['invented product modules', 'fabrikam!CLedger::PostInvoice+0x1a\nfabrikam!CLedger::Commit+0x22\nfabrikamcore!RunBatch+0x10\nKERNEL32!BaseThreadStart+0x64'],
    ['a product the store does not know, with shared OS frames', 'ntdll!RtlFreeHeap+0x30\nwinword!CDoc::Paint+0x10\nwinword!CView::Render+0x20\nuser32!DispatchMessageW+0x5'],
  ])('answers none for software the store knows nothing about: %s', (_label, text) => {
    expect(match(text).verdict).toBe('none');
  });

  it('does not call a different crash point a match when only the dispatch frames below it agree', () => {
    const result = match('snaservr!s1pucosp+0x10\nsnaservr!s1pucmgr+0x20\nsnaservr!s1pusvc+0x30\nsnaservr!s1pgdisp+0x40\nsnaservr!sbpsched\nsnaservr!sbpgmain');
    expect(result.verdict).not.toBe('match');
  });

  it('explains every pasted frame: matched with its article position, skipped with the rule', () => {
    const result = match('ntdll!KiUserExceptionDispatcher+0x4\nSTORE!PUSH_NOTIFY::PushToClient+0xb0\nSTORE!ScanForOutstandingNotifications+0x104\nKERNEL32!BaseThreadStart+0x64');
    const top = result.candidates[0];
    expect(top?.matchedFrames).toEqual(['store!push_notify::pushtoclient', 'store!scanforoutstandingnotifications']);
    expect(top?.alignment).toEqual([
      { queryIndex: 0, frame: 'ntdll!kiuserexceptiondispatcher', status: 'skipped', reason: expect.stringContaining('sentinels.txt') },
      { queryIndex: 1, frame: 'store!push_notify::pushtoclient', status: 'matched', signatureIndex: 0 },
      { queryIndex: 2, frame: 'store!scanforoutstandingnotifications', status: 'matched', signatureIndex: 1 },
      { queryIndex: 3, frame: 'kernel32!basethreadstart', status: 'skipped', reason: expect.stringMatching(/generic-frames\.txt:\d+ kernel32!basethreadstart \(thread-start\)/) },
    ]);
  });

  it('lets a STOP code the article names break a tie between identical traces', () => {
    const twin = SignatureSchema.parse({ id: 'Q900099', title: 'Same driver frames, no STOP code named', traces: [[{ module: 'NT', symbol: '_KiTrap0E' }, { module: 'ibmsync', symbol: 'SyncPutDPCQueueTail' }, { module: 'ibmsync', symbol: 'EntryPointIsr' }, { module: 'NT', symbol: 'KiInterruptDispatch' }]] });
    const withTwin = fixtureIndex([twin]);
    const text = 'STOP 0x0000000A\nNT!KiTrap0E+0x1\nibmsync!SyncPutDPCQueueTail+0x58\nibmsync!EntryPointIsr+0x10';
    expect(matchMessage(withTwin, parseMessage(text)).candidates.map((c) => c.kb).slice(0, 2)).toEqual(['Q900005', 'Q900099']);
  });

  it('offers both articles as possible when two print the same stack and nothing else tells them apart', () => {
    const twin = SignatureSchema.parse({ id: 'Q900099', title: 'Same driver frames, another cause', traces: [[{ module: 'NT', symbol: '_KiTrap0E' }, { module: 'ibmsync', symbol: 'SyncPutDPCQueueTail' }, { module: 'ibmsync', symbol: 'EntryPointIsr' }, { module: 'NT', symbol: 'KiInterruptDispatch' }]] });
    const withTwin = fixtureIndex([twin]);
    const result = matchMessage(withTwin, parseMessage('NT!KiTrap0E+0x1\nibmsync!SyncPutDPCQueueTail+0x58\nibmsync!EntryPointIsr+0x10'));
    expect(result.verdict).toBe('possible');
    expect(result.candidates.slice(0, 2).map((c) => c.kb).sort()).toEqual(['Q900005', 'Q900099']);
    expect(result.candidates[0]!.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it.each([
    ['one clear candidate', [0.9, 0.4], 'match'],
    ['a clear lead over the second', [0.9, 0.85], 'match'],
    ['an exact tie', [0.9, 0.9], 'possible'],
    ['a tie within the margin', [0.9, 0.9 - TIE_MARGIN / 2], 'possible'],
    ['a tie broken by a shared STOP code (+0.03)', [0.93, 0.9], 'match'],
    ['a lone candidate below the match threshold', [0.3], 'possible'],
    ['nothing above the possible threshold', [0.1], 'none'],
    ['no candidate', [], 'none'],
  ])('decides the verdict for %s', (_name, confidences, verdict) => {
    expect(decideVerdict(confidences, 0.5)).toBe(verdict);
  });

  it('gives the same answer when the store also holds thousands of unrelated signatures', () => {
    const unrelated = Array.from({ length: 5000 }, (_, i) =>
      SignatureSchema.parse({ id: `Q8${String(i).padStart(5, '0')}`, title: `unrelated ${i}`, traces: [[{ module: `mod${i % 97}`, symbol: `Func${i}` }, { module: `mod${i % 97}`, symbol: `Caller${i % 13}` }, { module: 'STORE', symbol: 'EcRpc' }]] }),
    );
    const big = fixtureIndex(unrelated);
    const text = 'STORE!PUSH_NOTIFY::PushToClient+0xb0\nSTORE!ScanForOutstandingNotifications+0x104';
    expect(matchMessage(big, parseMessage(text)).candidates[0]?.kb).toBe('Q900001');
    expect(matchMessage(big, parseMessage('mod5!Func5\nmod5!Caller5')).candidates[0]?.kb).toBe('Q800005');
  });

  it('tells apart one symbol printed under many modules (more than the index scans per symbol)', () => {
    const crowd = Array.from({ length: 60 }, (_, i) =>
      SignatureSchema.parse({ id: `Q70000${String(i).padStart(2, '0')}`, title: `worker ${i}`, traces: [[{ module: `worker${i}`, symbol: `Handle${i}Request` }, { module: `worker${i}`, symbol: 'WorkerLoop' }]] }),
    );
    const big = fixtureIndex(crowd);
    for (const i of [3, 45, 59]) {
      const result = matchMessage(big, parseMessage(`worker${i}!Handle${i}Request+0x10\nworker${i}!WorkerLoop+0x20`));
      expect(result.candidates[0]?.kb).toBe(`Q70000${String(i).padStart(2, '0')}`);
      expect(result.candidates[0]?.matchedFrames).toEqual([`worker${i}!handle${i}request`, `worker${i}!workerloop`]);
    }
  });

  it('reads a deep recursion without growing the work: repeated frames collapse', () => {
    const text = `${'STORE!PUSH_NOTIFY::PushToClient+0xb0\n'.repeat(3000)}STORE!ScanForOutstandingNotifications+0x104`;
    const result = match(text);
    expect(result.candidates[0]?.kb).toBe('Q900001');
    expect(result.candidates[0]?.alignment.filter((a) => a.status === 'skipped' && a.reason?.includes('recursion')).length).toBeGreaterThan(0);
  });
});
