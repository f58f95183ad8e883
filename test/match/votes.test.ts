/**
 * Votes re-rank a crash's candidates: confirmed first (and called a match), rejected last, a named answer the
 * matcher did not find joins at the top, and a fingerprint that survives the ways a paste is reprinted.
 */
import { describe, expect, it } from 'vitest';
import { applyVotes, crashFingerprint, tallyVotes } from '../../src/match/index.js';
import type { Candidate, MatchResult, Vote } from '../../src/model.js';
import { parseMessage } from '../../src/trace/index.js';

const cand = (kb: string, score: number): Candidate => ({ kb, score, title: kb, matchedFrames: [], alignment: [], versionChecks: [] });
const result: MatchResult = { verdict: 'match', candidates: [cand('Q1', 0.9), cand('Q2', 0.6), cand('Q3', 0.4)] };
const vote = (user: string, kb: string, verdict: 'right' | 'wrong'): Vote => ({ fingerprint: 'fp', user, kb, verdict, at: 0 });
const titles: Record<string, string> = { Q1: 'one', Q2: 'two', Q3: 'three', 'KI-4': 'team four' };
const rerank = (votes: Vote[]) => applyVotes(result, tallyVotes(votes).get('fp'), (kb) => titles[kb]);

describe('applyVotes', () => {
  it.each([
    ['no votes: unchanged', [], 'match', ['Q1', 'Q2', 'Q3']],
    ['the second confirmed: first, and a match', [vote('UA', 'Q2', 'right')], 'match', ['Q2', 'Q1', 'Q3']],
    ['the top rejected: last, and no longer a match', [vote('UA', 'Q1', 'wrong')], 'possible', ['Q2', 'Q3', 'Q1']],
    ['rejected and a named team answer: that first', [vote('UA', 'Q1', 'wrong'), vote('UA', 'KI-4', 'right')], 'match', ['KI-4', 'Q2', 'Q3', 'Q1']],
    ['more confirmations outrank fewer', [vote('UA', 'Q3', 'right'), vote('UB', 'Q3', 'right'), vote('UC', 'Q2', 'right')], 'match', ['Q3', 'Q2', 'Q1']],
    ['one for, one against: as the matcher had it', [vote('UA', 'Q2', 'right'), vote('UB', 'Q2', 'wrong')], 'match', ['Q1', 'Q2', 'Q3']],
    ['an answer no store knows is not invented', [vote('UA', 'Q9', 'right')], 'match', ['Q1', 'Q2', 'Q3']],
  ] as const)('%s', (_name, votes, verdict, order) => {
    const ranked = rerank([...votes]);
    expect(ranked.verdict).toBe(verdict);
    expect(ranked.candidates.map((c) => c.kb)).toEqual(order);
  });
});

describe('crashFingerprint', () => {
  const windbg = 'STORE!PUSH_NOTIFY::PushToClient+0xb0\nSTORE!ScanForOutstandingNotifications+0x104\nSTORE!EcProcessTask+0x1b4';
  it('is the same for the same frames however they were printed, and differs for another crash', () => {
    const vs = 'store.exe!PUSH_NOTIFY::PushToClient() Line 12\nstore.exe!ScanForOutstandingNotifications()\nstore.exe!EcProcessTask()';
    expect(crashFingerprint(parseMessage(windbg))).toBe(crashFingerprint(parseMessage(`It crashed:\n\`\`\`\n${windbg}\n\`\`\``)));
    expect(crashFingerprint(parseMessage(vs))).toBe(crashFingerprint(parseMessage(windbg)));
    expect(crashFingerprint(parseMessage(windbg.replace('EcProcessTask', 'EcOtherTask')))).not.toBe(crashFingerprint(parseMessage(windbg)));
  });
  it('falls back on the error message, the same whatever its insertion strings, and differs for another message', () => {
    const a = crashFingerprint(parseMessage('Error 1311. Source file not found: D:\\OFFICE\\DATA1.CAB. Verify that the file exists.'));
    const b = crashFingerprint(parseMessage('Error 1311. Source file not found: E:\\SETUP\\PRO2.CAB. Verify that the file exists.'));
    const other = crashFingerprint(parseMessage('Error 1335. The cabinet file D:\\OFFICE\\DATA1.CAB is corrupt and cannot be used.'));
    expect(a).toMatch(/^fp-[0-9a-f]{16}$/);
    expect(b).toBe(a);
    expect(other).not.toBe(a);
  });
  it('keeps the codes\' fingerprint when error text comes with them (votes cast before still count)', () => {
    expect(crashFingerprint(parseMessage('STOP 0x0000000A and event 9405\nThe system cannot find the file specified.'))).toBe(crashFingerprint(parseMessage('STOP 0x0000000A and event 9405')));
  });
  it('falls back on codes and Event IDs, and is undefined for chat', () => {
    expect(crashFingerprint(parseMessage('STOP 0x0000000A and event 9405'))).toMatch(/^fp-[0-9a-f]{16}$/);
    expect(crashFingerprint(parseMessage('anyone seen this before?'))).toBeUndefined();
  });
});
