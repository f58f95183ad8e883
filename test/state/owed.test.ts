/** Putting off an owed reply while Slack does not answer: backoff, bound, and the crash guard left intact. */
import { describe, expect, it } from 'vitest';
import { deferOwed, FIRST_DEFER_MS, MAX_DEFER_MS } from '../../src/state/owed.js';
import type { OwedWork } from '../../src/state/types.js';

const work: OwedWork = { id: 'msg:C1:1.000001', kind: 'message', channel: 'C1', ts: '1.000001', text: 'x', fileIds: [], at: 0, attempts: 0 };

describe('deferOwed', () => {
  it.each([
    [0, FIRST_DEFER_MS],
    [1, 2 * FIRST_DEFER_MS],
    [3, 8 * FIRST_DEFER_MS],
    [10, MAX_DEFER_MS],
  ])('after %i deferrals waits %i ms more', (deferrals, wait) => {
    expect(deferOwed({ ...work, deferrals }, { countedAttempt: false, notPosted: true, now: 1_000 })).toMatchObject({ deferrals: deferrals + 1, retryAt: 1_000 + wait, notPosted: true });
  });

  it('gives back a replay attempt that ended because Slack did not answer, and counts nothing for a live try', () => {
    expect(deferOwed({ ...work, attempts: 2 }, { countedAttempt: true, notPosted: false, now: 0 }).attempts).toBe(1);
    expect(deferOwed({ ...work, attempts: 2 }, { countedAttempt: false, notPosted: false, now: 0 }).attempts).toBe(2);
  });

  it('takes a shorter first wait (tests) and still doubles it', () => {
    expect(deferOwed({ ...work, deferrals: 2 }, { countedAttempt: false, notPosted: true, now: 0, firstDeferMs: 500 }).retryAt).toBe(2_000);
  });
});
