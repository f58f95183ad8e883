import { describe, expect, it } from 'vitest';
import { loadTraceFixtures } from '../../../bench/traces.js';
import type { Lang } from '../../../src/model.js';
import { parseMessage } from '../../../src/trace/index.js';

/** The ecosystem each fixture folder's frames carry. */
const LANG: Record<string, Lang> = {
  java: 'java', dotnet: 'dotnet', python: 'python', go: 'go', js: 'js', rust: 'rust', ruby: 'ruby', php: 'php',
  apple: 'native', gdb: 'native', lldb: 'native', breakpad: 'native', kernel: 'kernel',
};
/** Pastes cut short by their reporters before a second frame (kept: they still must not break anything). */
const CUT_SHORT = new Set(['java/jabref-merge-entries.txt', 'kernel/mptcp-send-reset.txt', 'kernel/rtl88x2bu-lps-state.a.txt', 'kernel/rtl88x2bu-lps-state.c.txt']);

const fixtures = loadTraceFixtures();

describe('real crash pastes from public bug trackers', () => {
  it('cover every format the issue names', () => {
    expect(new Set(fixtures.map((f) => f.format))).toEqual(new Set(Object.keys(LANG)));
    for (const f of fixtures) expect(f.source, f.file).toMatch(/^https:\/\//);
  });

  it.each(fixtures.filter((f) => !CUT_SHORT.has(f.file)).map((f) => [f.file, f] as const))('%s reads at least two frames of its ecosystem', (_file, f) => {
    const frames = parseMessage(f.text).traces.flat();
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(frames.every((fr) => fr.lang === LANG[f.format])).toBe(true);
  });
});
