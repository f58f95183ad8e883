/**
 * The graded set (test/fixtures/golden, facts written by hand from the articles): every card field stays at or
 * above the share right measured when this test was written (`npm run bench:cards` prints the figures and misses).
 */
import { describe, expect, it } from 'vitest';
import { loadArticles, loadGoldens } from '../../bench/cards.js';
import { FIELDS, scoreCards, shareRight, type Field, type Scored } from '../../bench/cards-score.js';
import { archiveAvailable } from '../support/archive.js';
import { ARCHIVE_PATH } from '../support/services.js';

/** Floors over both halves, a little under the figures measured (README, "Cards"). */
const FLOORS: Record<Field, number> = {
  kind: 0.94,
  'fix kind': 0.87,
  'fix carrier': 0.91,
  'fix steps': 0.92,
  'files rows': 0.98,
  'files versions': 0.95,
  'files sizes': 0.96,
  'files platforms': 0.94,
  'files dates': 0.98,
  rollback: 0.94,
  'cause complete': 0.96,
  'traces from prose': 0.98,
  'trace first frame': 0.95,
};

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
