import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, progressBar, progressLine } from '../../src/cli/progress.js';

const MB = 1024 * 1024;

describe('progress figures', () => {
  it.each([
    ['size known: share read and time left from the bytes rate', { articles: 27412, bytes: 41 * MB, size: 82 * MB, elapsedMs: 30_000 }, 'ingest: 27412 articles (914/s), 41.0 of 82.0 MB (50%), about 30 s left'],
    ['size unknown (a chunked download): no share, no time left', { articles: 500, bytes: 3 * MB, size: undefined, elapsedMs: 2_000 }, 'ingest: 500 articles (250/s), 3.0 MB read'],
    ['a folder: articles only', { articles: 10, bytes: 0, size: undefined, elapsedMs: 1_000 }, 'ingest: 10 articles (10/s)'],
    ['finished: no time left', { articles: 9, bytes: 2 * MB, size: 2 * MB, elapsedMs: 3_000 }, 'ingest: 9 articles (3/s), 2.0 of 2.0 MB (100%)'],
  ])('plain line, %s', (_name, figures, line) => {
    expect(progressLine(figures)).toBe(line);
  });

  it('draws a bar with the share read, cut to the terminal width', () => {
    const bar = progressBar({ articles: 27412, bytes: 41 * MB, size: 82 * MB, elapsedMs: 30_000 }, 200);
    expect(bar).toBe('[##########..........]  50%  27412 articles  914/s  41.0 of 82.0 MB  30 s left');
    expect(progressBar({ articles: 1, bytes: 1, size: 2, elapsedMs: 1 }, 30)).toHaveLength(29);
  });

  it.each([[59.4, '59 s'], [61, '1 min 1 s'], [3725, '1 h 2 min']])('formats %s seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('createProgress', () => {
  function run(columns: number | undefined) {
    let t = 0;
    let written = '';
    const progress = createProgress({ write: (text) => void (written += text), columns, now: () => t, everyMs: 1000 });
    for (let i = 0; i < 50; i++) {
      t += 100;
      progress.read({ source: 'x', bytes: (i + 1) * MB, size: 50 * MB });
      progress.article();
    }
    progress.done();
    return written;
  }

  it('writes a plain line at most once per interval and one at the end, when not on a terminal', () => {
    const lines = run(undefined).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    // Shown when the 10th MB arrived, before its article was counted.
    expect(lines[0]).toBe('ingest: 9 articles (9/s), 10.0 of 50.0 MB (20%), about 4 s left');
    expect(lines.at(-1)).toBe('ingest: 50 articles (10/s), 50.0 of 50.0 MB (100%)');
  });

  it('redraws one bar in place on a terminal and ends its line', () => {
    const out = run(100);
    expect(out.split('\r').length - 1).toBe(6);
    expect(out).not.toMatch(/\n[^]*\r/);
    expect(out.endsWith('[####################] 100%  50 articles  10/s  50.0 of 50.0 MB\x1b[K\n')).toBe(true);
  });
});
