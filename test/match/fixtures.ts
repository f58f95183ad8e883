/**
 * A small made-up store in the shapes real KB signatures have: an Exchange store crash
 * with a fix table and rollback floor, MTA and SNA traces sharing product dispatch
 * frames, a mangled C++ frame, a kernel STOP trace.
 */
import { buildIndex, loadRules, type MatchIndex } from '../../src/match/index.js';
import { SignatureSchema, type Signature, type SignatureInput } from '../../src/model.js';

const f = (printed: string) => {
  const [module = '', symbol = ''] = printed.split('!');
  return { module, symbol };
};

const inputs: SignatureInput[] = [
  {
    id: 'Q900001',
    title: 'Information Store stops responding in PUSH_NOTIFY notification code',
    symptoms: 'The Information Store service stops while it pushes new-mail notifications to clients.',
    traces: [['STORE!PUSH_NOTIFY::PushToClient', 'STORE!ScanForOutstandingNotifications', 'STORE!EcProcessTask', 'KERNEL32!BaseThreadStart'].map(f)],
    files: [
      { name: 'Store.exe', version: '5.5.2654.3', platform: 'i386' },
      { name: 'Emsmdb32.dll', version: '5.5.2654.3', platform: 'i386' },
    ],
    rollback: [{ text: 'After the upgrade Store.exe cannot go back below 5.5.2652.68.', file: 'Store.exe', minVersion: '5.5.2652.68' }],
  },
  {
    id: 'Q900002',
    title: 'Message Transfer Agent terminates while reading a queue entry',
    symptoms: 'The MTA stops with event 9405.',
    eventIds: [9405],
    traces: [['EMSMTA!sgplinfo', 'EMSMTA!sgpminfo', 'EMSMTA!odpbdrld', 'EMSMTA!odpbdget', 'EMSMTA!otpixfok', 'EMSMTA!otpimain', 'EMSMTA!sbpiwbep', 'KERNEL32!BaseThreadStart'].map(f)],
  },
  {
    id: 'Q900003',
    title: 'Store access violation in the shared memory pool',
    traces: [['EXCHMEM!?GetPtr@CShrMemPool@@QAEPAXK@Z', 'STORE!CConvertStream::Write', 'STORE!EcWriteStreamOp', 'STORE!EcRpc', 'RPCRT4!Invoke', 'RPCRT4!NdrStubCall'].map(f)],
  },
  {
    id: 'Q900004',
    title: 'SNA Server access violation in s1pupcds',
    traces: [['snaservr!s1pupcds', 'snaservr!s1pucsc', 'snaservr!s1pusvc', 'snaservr!s1pgdisp', 'snaservr!sbpsched', 'snaservr!sbpgmain'].map(f)],
  },
  {
    id: 'Q900005',
    title: 'STOP 0x0000000A in a synchronous adapter driver under stress',
    stopCodes: ['0x0000000A'],
    traces: [['NT!_KiTrap0E', 'ibmsync!SyncPutDPCQueueTail', 'ibmsync!EntryPointIsr', 'NT!KiInterruptDispatch'].map(f)],
  },
  {
    id: 'Q900006',
    title: 'Store stops while extracting TNEF properties',
    traces: [['STORE!TNEF_ExtractProps', 'STORE!HrExtractProperties', 'STORE!CConvertStream::Write', 'STORE!EcRpc'].map(f)],
  },
  {
    id: 'Q900007',
    title: 'Heap corruption reported by the debug heap in the directory service',
    traces: [['ntdll!RtlFreeHeap', 'KERNEL32!BaseThreadStart'].map(f)],
  },
];

export const FIXTURE_SIGNATURES: Signature[] = inputs.map((s) => SignatureSchema.parse({ ...s, title: s.title ?? s.id }));

export function fixtureIndex(extra: Signature[] = []): MatchIndex {
  return buildIndex([...FIXTURE_SIGNATURES, ...extra], loadRules());
}
