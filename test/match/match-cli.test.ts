import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runMatch } from '../../src/cli/commands/match.js';
import { run as runSearch } from '../../src/cli/commands/search.js';
import { FIXTURE_SIGNATURES } from './fixtures.js';

function fixtureStore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kbbot-match-store-'));
  for (const sig of FIXTURE_SIGNATURES) writeFileSync(join(dir, `${sig.id}.json`), JSON.stringify(sig));
  return dir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out: () => out.join(''), err: () => err.join('') };
}

const store = fixtureStore();
const PASTE = 'seeing this on EXCH01 (KB272274?)\n```STORE!PUSH_NOTIFY::PushToClient+0xb0\nSTORE!ScanForOutstandingNotifications+0x104\nKERNEL32!BaseThreadStart+0x64```\nstore.exe 5.5.2653.12';

describe('kbbot match', () => {
  it('prints frames, references, clues, verdict and candidates as JSON', async () => {
    const file = join(store, 'paste.txt');
    writeFileSync(file, PASTE);
    const c = capture();
    expect(await runMatch(['--store', store, '--json', file], c.io)).toBe(0);
    const json = JSON.parse(c.out());
    expect(json.frames).toHaveLength(3);
    expect(json.kbRefs).toEqual(['Q272274']);
    expect(json.clues).toContainEqual({ kind: 'file-version', version: '5.5.2653.12', file: 'store.exe' });
    expect(json.verdict).toBe('match');
    expect(json.candidates[0]).toMatchObject({ kb: 'Q900001', title: expect.stringContaining('PUSH_NOTIFY'), matchedFrames: ['store!push_notify::pushtoclient', 'store!scanforoutstandingnotifications'] });
  });

  it('explains the match for people: verdict, confidence, frames and the version check', async () => {
    const file = join(store, 'paste2.txt');
    writeFileSync(file, PASTE);
    const c = capture();
    await runMatch(['--store', store, file], c.io);
    expect(c.out()).toContain('verdict: match');
    expect(c.out()).toMatch(/1\. Q900001 {2}confidence 0\.\d\d/);
    expect(c.out()).toContain('fix NOT installed');
    expect(c.out()).toMatch(/kernel32!basethreadstart +skipped: generic-frames\.txt/);
  });

  it('answers a batch in input order, one line each, Slack-escaped text decoded', async () => {
    const file = join(store, 'batch.jsonl');
    const lines = [
      { id: 'a', text: '```snaservr!s1pupcds+0x20\nsnaservr!s1pucsc+0x30\nsnaservr!s1pusvc+0x40```' },
      { id: 'b', text: 'no trace here, just &lt;words&gt; &amp; a mention <@U123>' },
      { id: 'c', text: 'EMSMTA!sgplinfo EMSMTA!sgpminfo EMSMTA!odpbdrld EMSMTA!odpbdget' },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\nnot json\n`);
    const c = capture();
    expect(await runMatch(['--batch', file, '--store', store], c.io)).toBe(0);
    const out = c.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c', null]);
    expect(out[0]).toEqual({ id: 'a', verdict: 'match', candidates: [{ kb: 'Q900004', score: expect.any(Number) }] });
    expect(out[1]).toEqual({ id: 'b', verdict: 'none', candidates: [] });
    expect(out[2].candidates[0].kb).toBe('Q900002');
    expect(out[3]).toMatchObject({ line: 4, error: 'not JSON' });
    for (const o of out.slice(0, 3)) expect(o.candidates.length).toBeLessThanOrEqual(5);
  });
});

describe('kbbot search', () => {
  it('lists articles by title words, a mistyped one too', async () => {
    const c = capture();
    expect(await runSearch(['--store', store, 'transfr', 'agent'], c.io)).toBe(0);
    expect(c.out().split('\n')[0]).toMatch(/^Q900002 +\d\.\d\d {2}Message Transfer Agent/);
  });
});
