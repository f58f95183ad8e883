import { describe, expect, it } from 'vitest';
import { matchMessage } from '../../src/match/index.js';
import { SignatureSchema, type Signature } from '../../src/model.js';
import { parseMessage } from '../../src/trace/index.js';
import { fixtureIndex } from './fixtures.js';

const sig = (id: string, ...traces: string[][]): Signature =>
  SignatureSchema.parse({ id, title: id, traces: traces.map((t) => t.map((p) => ({ module: p.split('!')[0], symbol: p.split('!')[1] }))) });

// Two articles crashing at the same site in the MAPI dispatcher, reached by different callers.
const SHARED_SITE = ['MAPIDISP!CMapiDispatcher::EcDispatchPending', 'MAPIDISP!CMapiDispatcher::EcRouteRequest', 'MAPIDISP!EcRouteOneRequest'];
const index = fixtureIndex([
  sig('Q910001', [...SHARED_SITE, 'LOGONSVC!CLogonQueue::ProcessLogon', 'LOGONSVC!LogonWorkerThread']),
  sig('Q910002', [...SHARED_SITE, 'PUBFOLD!CReplicator::SendBacklog', 'PUBFOLD!ReplicationTimerProc']),
  // one article printing two traces: a short one at the crash and the full stack
  sig(
    'Q910003',
    ['CALSYNC!CFreeBusy::MergeIntervals', 'CALSYNC!CFreeBusy::Publish'],
    ['CALSYNC!CFreeBusy::ValidateRange', 'CALSYNC!CFreeBusy::MergeIntervals', 'CALSYNC!CFreeBusy::Publish', 'CALSYNC!CCalendarSync::SyncFolder', 'CALSYNC!CCalendarSync::RunPass', 'CALSYNC!SyncThreadProc'],
  ),
]);
const match = (text: string) => matchMessage(index, parseMessage(text));
const lines = (frames: string[]) => frames.map((f, i) => `${f}+0x${(16 * (i + 1)).toString(16)}`).join('\n');

describe('trace verdicts', () => {
  // Q900007 (fixtures.ts) prints only system frames: ntdll!RtlFreeHeap above KERNEL32!BaseThreadStart
  it.each([
    ['heap and thread start', 'ntdll!RtlFreeHeap+0x30\nKERNEL32!BaseThreadStart+0x64'],
    ['under the exception dispatcher', 'ntdll!KiUserExceptionDispatcher+0x4\nntdll!RtlFreeHeap+0x30\nKERNEL32!BaseThreadStart+0x64'],
  ])('answers a paste of system frames only that follows an article of system frames, as possible: %s', (_label, text) => {
    const result = match(text);
    expect(result.verdict).toBe('possible');
    expect(result.candidates[0]?.kb).toBe('Q900007');
  });

  it('does not reach product articles through system frames when the paste has nothing else', () => {
    const result = match('RPCRT4!Invoke+0x30\nRPCRT4!NdrStubCall+0x10\nKERNEL32!BaseThreadStart+0x64');
    expect(result.candidates.map((c) => c.kb)).not.toContain('Q900003');
  });

  it.each([
    ['the crash site alone', lines(SHARED_SITE)],
    ['the crash site under exception-dispatch frames', lines(['ntdll!KiUserExceptionDispatcher', ...SHARED_SITE])],
  ])('offers every article sharing a crash site as possible, naming none as the match: %s', (_label, text) => {
    const result = match(text);
    expect(result.verdict).toBe('possible');
    expect(result.candidates.slice(0, 2).map((c) => c.kb).sort()).toEqual(['Q910001', 'Q910002']);
  });

  it('names the article whose callers the paste also shows', () => {
    const result = match(lines([...SHARED_SITE, 'PUBFOLD!CReplicator::SendBacklog', 'PUBFOLD!ReplicationTimerProc']));
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q910002');
  });

  it.each([
    ['the top frame lost', ['CALSYNC!CFreeBusy::MergeIntervals', 'CALSYNC!CFreeBusy::Publish', 'CALSYNC!CCalendarSync::SyncFolder', 'CALSYNC!CCalendarSync::RunPass'], 1, 1],
    ['the whole stack', ['CALSYNC!CFreeBusy::ValidateRange', 'CALSYNC!CFreeBusy::MergeIntervals', 'CALSYNC!CFreeBusy::Publish', 'CALSYNC!CCalendarSync::SyncFolder'], 1, 0],
  ])('aligns a paste on the article trace and position that fit it best: %s', (_label, frames, traceIndex, firstPosition) => {
    const result = match(lines(frames));
    expect(result.verdict).toBe('match');
    const top = result.candidates[0];
    expect(top?.kb).toBe('Q910003');
    expect(top?.traceIndex).toBe(traceIndex);
    expect(top?.alignment.find((a) => a.status === 'matched')?.signatureIndex).toBe(firstPosition);
  });

  it.each([
    ['a typo in a symbol', ['LOGONSVC!CLogonQueue::ProcesLogon', 'LOGONSVC!LogonWorkerThread'], 'Q910001'],
    ['names cut short', ['MAPIDISP!CMapiDispatcher::EcDispatchPen', 'MAPIDISP!CMapiDispatcher::EcRouteReq', 'MAPIDISP!EcRouteOneRequest', 'PUBFOLD!CReplicator::SendBacklog', 'PUBFOLD!ReplicationTimerProc'], 'Q910002'],
  ])('still matches the article when the paste has %s', (_label, frames, kb) => {
    const result = match(lines([...(kb === 'Q910001' ? SHARED_SITE : []), ...frames]));
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
  });

  it('reads a frame wrapped onto the next line by the chat client', () => {
    const text = `${lines(SHARED_SITE)}\nPUBFOLD!CReplicator::\nSendBacklog+0x40\nPUBFOLD!ReplicationTimerProc+0x50`;
    const result = match(text);
    expect(result.candidates[0]?.kb).toBe('Q910002');
    expect(result.verdict).toBe('match');
  });
});

describe('a slip in a short name', () => {
  // MTA-style eight-letter names, several of them one letter apart (otpmmain, otpsmain, otpamain)
  const mta = fixtureIndex([
    sig('Q930001', ['MTAX!odpbcach', 'MTAX!odpdomva', 'MTAX!otpsrtop', 'MTAX!ospadrec']),
    sig('Q930002', ['MTAX!otpmrfo', 'MTAX!otpmmain', 'MTAX!sbpiwork']),
    sig('Q930003', ['MTAX!otpsread', 'MTAX!otpsmain', 'MTAX!sbpiwork']),
    sig('Q930004', ['MTAX!otpawrit', 'MTAX!otpamain', 'MTAX!sbpiwork']),
  ]);
  it.each([
    ['two letters swapped in the crash frame, one name that close', ['MTAX!odpbcahc', 'MTAX!odpdomva', 'MTAX!otpsrtop', 'MTAX!ospadrec'], 'fuzzy'],
    ['a letter off a name with several neighbours one letter apart', ['MTAX!otpxmain', 'MTAX!sbpiwork'], 'unmatched'],
  ])('%s', (_label, frames, status) => {
    const result = matchMessage(mta, parseMessage(lines(frames)));
    const first = result.candidates[0]?.alignment[0];
    expect(first?.status ?? 'unmatched').toBe(status);
    if (status === 'fuzzy') {
      expect(result.verdict).toBe('match');
      expect(result.candidates[0]?.kb).toBe('Q930001');
    }
  });
});
