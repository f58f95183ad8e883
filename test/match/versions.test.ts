import { describe, expect, it } from 'vitest';
import { matchMessage } from '../../src/match/index.js';
import { parseMessage } from '../../src/trace/index.js';
import { fixtureIndex } from './fixtures.js';

const index = fixtureIndex();
const TRACE = 'STORE!PUSH_NOTIFY::PushToClient+0xb0\nSTORE!ScanForOutstandingNotifications+0x104\n';

describe('version checks on the matched article', () => {
  it.each([
    ['an older build: fix not installed, rollback allowed', 'we run store.exe 5.5.2653.12', { file: 'Store.exe', reported: '5.5.2653.12', fixed: '5.5.2654.3', installed: false, rollbackFloor: '5.5.2652.68', rollbackAllowed: true }],
    ['the fixed build itself', 'store.exe 5.5.2654.3', { file: 'Store.exe', reported: '5.5.2654.3', fixed: '5.5.2654.3', installed: true, rollbackFloor: '5.5.2652.68', rollbackAllowed: true }],
    ['a build below the rollback floor', 'Store.exe version 5.5.2650.21', { file: 'Store.exe', reported: '5.5.2650.21', fixed: '5.5.2654.3', installed: false, rollbackFloor: '5.5.2652.68', rollbackAllowed: false }],
    ['a later build (numeric, not string, comparison)', 'store.exe 5.5.2660.1', { file: 'Store.exe', reported: '5.5.2660.1', fixed: '5.5.2654.3', installed: true, rollbackFloor: '5.5.2652.68', rollbackAllowed: true }],
  ])('%s', (_label, said, check) => {
    const top = matchMessage(index, parseMessage(TRACE + said)).candidates[0];
    expect(top?.kb).toBe('Q900001');
    expect(top?.versionChecks).toEqual([check]);
  });

  it('checks a version said without a file name against the fixed files of the same product line', () => {
    const top = matchMessage(index, parseMessage(`${TRACE}we're on 5.5.2650.21`)).candidates[0];
    expect(top?.versionChecks.map((v) => [v.file, v.installed])).toEqual([
      ['Store.exe', false],
      ['Emsmdb32.dll', false],
    ]);
  });

  it('makes no check for a file the article does not list', () => {
    const top = matchMessage(index, parseMessage(`${TRACE}mad.exe 5.5.2653.12`)).candidates[0];
    expect(top?.versionChecks).toEqual([]);
  });
});
