/**
 * The graded set (test/fixtures/golden, facts written by hand from the articles): every card field stays at or
 * above the share right measured when this test was written (`npm run bench:cards` prints the figures and misses).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchesOf, GOLDEN_DIR, loadArticles, loadGoldens } from '../../bench/cards.js';
import { FIELDS, readGolden, scoreCards, shareRight, type Field, type Scored } from '../../bench/cards-score.js';
import { archiveAvailable } from '../support/archive.js';
import { ARCHIVE_PATH } from '../support/services.js';

/** Floors over both halves, a little under the figures measured (README, "Cards"). */
const FLOORS: Record<Field, number> = {
  // 0.94 and 0.91: with the fourth, blind batch (400 articles) the set measures 94.8% and 91.5%; batch 4 alone 90.0% and 87.2%.
  // kind 0.95, carrier 0.925: after the carrier round (file-update announcements, steps openings; carriers said not to
  // fix, not reproducible in, recommended) the 400 measure 95.5% and 93.1%.
  // kind 0.94, fix kind 0.88, cause 0.94: the sixth, blind batch (520 articles) brings them to 94.8%, 89.2% and 94.6%;
  // batch 6 alone, unseen, 88.3%, 77.1% and 86.5%.
  // kind 0.955: the kind round (confirmed problems, action titles the article does, methods openings) brings the
  // 520 to 96.3% (fit 97.3%, batch 6 fit 100%).
  kind: 0.955,
  // 0.90 and (cause) 0.95: the fifth, blind batch (460 articles) brings them to 90.8% and 95.8%; batch 5 alone 86.0%, 91.7%.
  // 0.90: the fix-kind round (batch 6's fit half read: CAUSE's "by design", releases "also" said to fix, corrected
  // media, a fix still to come with a way around elsewhere) brings the 520 to 90.9% (fit 93.6%, report 88.2%).
  // 0.885 and 0.915: the seventh, blind batch (580 articles), scored before and after a round that did not move it,
  // brings them to 89.4% and 92.2%; batch 7 alone, unseen, 75.6% and 82.2%.
  'fix kind': 0.885,
  'fix carrier': 0.915,
  // 0.91: the second graded batch (280 articles) measures 91.8%; the first alone measured 96.2%.
  'fix steps': 0.91,
  'files rows': 0.98,
  'files versions': 0.95,
  'files sizes': 0.96,
  'files platforms': 0.94,
  'files dates': 0.98,
  // 0.93: 93.7% over the 340 after the rollcause round (93.0% before); batch 3 alone 91.7%.
  rollback: 0.93,
  // 0.96: 96.4% over the 340 after the rollcause round (95.9% before); batch 3 alone 94.7%.
  'cause complete': 0.94,
  'traces from prose': 0.98,
  'trace first frame': 0.95,
};

describe('the graded set and its LIST.txt', () => {
  const list = readFileSync(join(GOLDEN_DIR, 'LIST.txt'), 'utf8');
  const listed = new Map(list.split('\n').filter((l) => /^Q\d+\s/.test(l)).map((l) => [l.split(/\s+/)[0]!, l.split(/\s+/)]));

  it('lists every graded article once, with the stratum and half its file gives', async () => {
    const goldens = await loadGoldens();
    for (const g of goldens) expect(listed.get(g.id)?.slice(1, 3), g.id).toEqual([g.stratum, g.half]);
  });

  it('has a second reading only of graded articles, each naming its article', async () => {
    const dir = join(GOLDEN_DIR, 'second-reading');
    const names = readdirSync(dir).filter((n) => n.endsWith('.yml'));
    expect(names.length).toBeGreaterThanOrEqual(60);
    for (const name of names) {
      const reading = readGolden(readFileSync(join(dir, name), 'utf8'), name);
      expect(`${reading.id}.yml`).toBe(name);
      expect(listed.has(reading.id), reading.id).toBe(true);
    }
  });

  it('numbers the batches by their headers, the lines before the first header being batch 1', () => {
    const batches = batchesOf(list);
    const counts = [1, 2, 3, 4].map((b) => [...batches.values()].filter((n) => n === b).length);
    expect(counts).toEqual([180, 100, 60, 60]);
    expect(batchesOf('Q1 any fit A\n# batch 2: later\nQ2 any report B\n')).toEqual(new Map([['Q1', 1], ['Q2', 2]]));
  });
});

describe.skipIf(!archiveAvailable('the graded cards bench'))('cards against the graded set', () => {
  let scored: Scored;

  it('reads the graded set and every article of it', async () => {
    const goldens = await loadGoldens();
    expect(goldens.length).toBeGreaterThanOrEqual(150);
    const articles = await loadArticles(goldens.map((g) => g.id), ARCHIVE_PATH);
    expect([...articles.keys()].sort()).toEqual(goldens.map((g) => g.id).sort());
    scored = scoreCards(goldens, articles);
  }, 120_000);

  it.each(FIELDS)('keeps %s at or above its floor', (field) => {
    const { n, right } = shareRight(scored, field);
    expect(n).toBeGreaterThan(0);
    const misses = scored.misses.filter((m) => m.field === field).map((m) => `${m.id}: expected ${m.expected}, got ${m.got}`);
    expect(right / n, misses.join('\n')).toBeGreaterThanOrEqual(FLOORS[field]);
  });
});
