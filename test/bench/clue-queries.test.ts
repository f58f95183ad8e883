/** The clue bench's pastes: each kind drawn from its own seeded stream, so one kind's draws never move another's pastes. */
import { describe, expect, it } from 'vitest';
import { clueStreams, renderArticle } from '../../bench/clue-queries.js';
import type { ArticleBugcheck, ArticleEvent } from '../../src/model.js';
import { seededRng } from '../support/seeded-random.js';

/** Articles as the archive prints them: an event with insertion strings, STOP screens with and without a driver. */
const ARTICLES: { events?: ArticleEvent[]; bugchecks?: ArticleBugcheck[] }[] = [
  { events: [{ id: 1000, source: 'MSExchangeIS', description: 'Unable to open the database <path> after 3 attempts, error 1032.' }] },
  { bugchecks: [{ code: '0x0000000A', driver: 'tcpip.sys', parameters: ['8', '2', '0', '80123456'] }] },
  { events: [{ id: 2011, source: 'Srv', description: 'The server configuration parameter "irpstacksize" is too small.' }], bugchecks: [{ code: '0x0000001E', driver: 'ntfs.sys', parameters: ['c0000005', '8013a1b2', '0', '0'] }] },
  { events: [{ id: 7000, source: 'Service Control Manager', description: 'The %1 service failed to start due to the following error: %2' }] },
  { bugchecks: [{ code: '0x00000050', driver: 'win32k.sys', parameters: [] }] },
];

const NAMES: Record<string, string> = { '0x0000000A': 'IRQL_NOT_LESS_OR_EQUAL', '0x0000001E': 'KMODE_EXCEPTION_NOT_HANDLED', '0x00000050': 'PAGE_FAULT_IN_NONPAGED_AREA' };

/** Every paste of every article, in order, as the bench draws them, split by kind. */
function pastes(streams: ReturnType<typeof clueStreams>): { event: string[]; stop: string[] } {
  const out = { event: [] as string[], stop: [] as string[] };
  for (const article of ARTICLES) for (const { family, q } of renderArticle(article, (code) => NAMES[code], streams)) out[family].push(q.text);
  return out;
}

describe('the clue bench random streams', () => {
  it('draws the same pastes from the same seed', () => {
    expect(pastes(clueStreams(244976))).toEqual(pastes(clueStreams(244976)));
  });

  it.each([
    ['STOP', 'stop', 'event'],
    ['event', 'event', 'stop'],
  ] as const)('redrawing the %s pastes leaves the other kind as it was', (_name, redrawn, kept) => {
    const before = pastes(clueStreams(244976));
    const after = pastes(clueStreams(244976, { [redrawn]: 1234567 }));
    expect(after[kept]).toEqual(before[kept]);
    expect(after[redrawn]).not.toEqual(before[redrawn]);
  });

  it('keeps the article split of the single stream the bench used before: the seed itself', () => {
    const split = clueStreams(244976).split;
    const single = seededRng(244976);
    expect(Array.from({ length: 50 }, split)).toEqual(Array.from({ length: 50 }, single));
  });
});
