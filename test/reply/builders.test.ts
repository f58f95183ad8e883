import { beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, Signature } from '../../src/model.js';
import {
  buildArticleCard,
  buildFilesReply,
  buildMatchReply,
  buildRollbackReply,
  buildVersionCheckReply,
  buildWhyReply,
  renderText,
} from '../../src/reply/index.js';
import { fixtureSignature } from '../bot/knowledge.js';
import { renderedTexts } from '../bot/slack-text.js';

let seed: Signature;
let iis: Signature;
let hostile: Signature;

beforeAll(async () => {
  seed = await fixtureSignature('Q272274');
  iis = await fixtureSignature('Q900003');
  hostile = await fixtureSignature('Q900004');
});

const texts = renderedTexts;

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  kb: 'Q272274',
  score: 0.93,
  title: 'XADM: Information Store Stops Responding on PUSH_NOTIFY Function',
  matchedFrames: ['store!push_notify::pushtoclient', 'store!scanforoutstandingnotifications'],
  alignment: [],
  versionChecks: [],
  ...over,
});

describe('escaping', () => {
  it.each([
    ['article card', () => buildArticleCard(hostile), '&lt;!here&gt; &amp; &lt;@U123ABC&gt;'],
    ['match reply', () => buildMatchReply({ candidate: candidate({ kb: 'Q900004', title: hostile.title }), signature: hostile, otherCount: 0 }), '&lt;!channel&gt; &amp;'],
    ['rollback reply', () => buildRollbackReply(hostile), 'Never go back to &lt;1.5&gt; &amp; keep'],
  ])('the %s shows article markup as text, never as a mention or link', (_, build, escaped) => {
    const all = texts(build()).join('\n');
    expect(all).not.toMatch(/<!here>|<!channel>|<@U123ABC>|<http:\/\/evil/);
    expect(all).toContain(escaped);
    // The only links are the bot's own, to the article.
    for (const m of all.matchAll(/<([^>]*)>/g)) expect(m[1]).toMatch(/^https:\/\/support\.microsoft\.com\//);
    expect(all).not.toContain('&amp;lt;');
  });
});

describe('match reply', () => {
  it('shows confidence, cause, fix, rollback floor and files on one screen', () => {
    const text = renderText(buildMatchReply({ candidate: candidate(), signature: seed, otherCount: 1 }));
    expect(text).toContain('Q272274');
    expect(text).toContain('93%');
    expect(text).toContain('reference counted');
    expect(text).toContain('Hotfix');
    expect(text).toMatch(/⚠ \*Rollback:\*.*`5\.5\.2652\.68`/s);
    expect(text).toMatch(/`i386` Store\.exe `5\.5\.2654\.3`/);
    expect(text).toContain('[Other candidates (1)]');
    expect(text.split('\n').length).toBeLessThanOrEqual(16);
  });

  it('puts the rollback warning before the file list', () => {
    const text = renderText(buildMatchReply({ candidate: candidate(), signature: seed, otherCount: 0 }));
    expect(text.indexOf('Rollback:')).toBeLessThan(text.indexOf('Files the fix installs'));
    expect(text).not.toContain('Other candidates');
  });
});

describe('files reply', () => {
  it.each([
    ['every platform', undefined, ['i386', 'alpha'], []],
    ['alpha only', 'alpha', ['alpha'], ['i386']],
    ['x86 as i386', 'x86', ['i386'], ['alpha']],
  ])('lists %s', (_, platform, shown, hidden) => {
    const text = renderText(buildFilesReply(seed, platform));
    for (const p of shown) expect(text).toContain(`Files, ${p}:`);
    for (const p of hidden) expect(text).not.toContain(`Files, ${p}:`);
    expect(text).toMatch(/Store\.exe\s+5\.5\.2654\.3/);
  });

  it('keeps the table columns aligned when a column is empty (packages have no version)', () => {
    const text = renderText(buildFilesReply(seed, 'i386'));
    const table = text.slice(text.indexOf('Packages, i386:'));
    const [head = '', row = ''] = table.split('\n').slice(2);
    expect(head.indexOf('Size')).toBe(row.indexOf('3,837,952'));
  });

  it('names the platforms it has when asked for one it lacks', () => {
    const text = renderText(buildFilesReply(iis, 'alpha'));
    expect(text).toContain('lists no files for alpha');
    expect(text).toContain('i386, IA-64');
  });
});

describe('version check reply', () => {
  it.each([
    ['5.5.2653.12', false, 'not fixed yet', 'allowed'],
    ['5.5.2654.3', true, 'already has the fix', 'allowed'],
    ['5.5.2650.1', false, 'not fixed yet', 'below the floor'],
  ])('store.exe %s', (reported, installed, verdict, floor) => {
    const check = { file: 'Store.exe', reported, fixed: '5.5.2654.3', installed, rollbackFloor: '5.5.2652.68', rollbackAllowed: floor === 'allowed' };
    const text = renderText(buildVersionCheckReply(seed, [check]));
    expect(text).toContain(verdict);
    expect(text).toContain('5.5.2654.3');
    expect(text).toContain(floor);
  });
});

describe('why view', () => {
  it('lines pasted frames up with the signature, marking matched, skipped and missing frames', () => {
    const why = candidate({
      traceIndex: 0,
      alignment: [
        { queryIndex: 0, frame: 'ntdll!kiuserexceptiondispatcher', status: 'skipped', reason: 'exception-dispatch.txt: KiUserExceptionDispatcher' },
        { queryIndex: 1, signatureIndex: 0, frame: 'store!push_notify::pushtoclient', status: 'matched' },
        { queryIndex: 2, signatureIndex: 1, frame: 'store!scanforoutstandingnotificatio', status: 'fuzzy', reason: 'cut short' },
        { queryIndex: 3, frame: 'store!somethingelse', status: 'unmatched' },
      ],
    });
    const reply = buildWhyReply(why, seed);
    const text = renderText(reply);
    expect(text).toContain('```');
    expect(text).toMatch(/0 {2}ntdll!kiuserexceptiondispatcher\s+– skipped: exception-dispatch\.txt/);
    expect(text).toMatch(/1 {2}store!push_notify::pushtoclient\s+✓ 0 STORE!PUSH_NOTIFY::PushToClient/);
    expect(text).toMatch(/≈ 1 STORE!ScanForOutstandingNotifications \(cut short\)/);
    expect(text).toMatch(/✗ not in the signature/);
    expect(text).toMatch(/· 2 STORE!EcProcessTask \(not in the paste\)/);
    expect(text).toContain('2 of 4 signature frames found; 1 generic frame skipped');
  });
});
