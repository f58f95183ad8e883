import { describe, expect, it } from 'vitest';
import type { RespondFn } from '@slack/bolt';
import { createLogger } from '../../src/log.js';
import { respondOrThrow, respondWithRetry, RespondFailed } from '../../src/slack/respond-policy.js';
import { backoffMs, DEFAULT_RETRY_POLICY } from '../../src/slack/retry-policy.js';

describe('backoffMs', () => {
  it.each([
    [1, 150, 300],
    [2, 300, 600],
    [4, 1200, 2400],
    [6, 2500, 5000],
    [10, 2500, 5000],
  ])('before attempt %i waits between %i and %i ms (doubling from 300 ms, capped at 5 s)', (attempt, low, high) => {
    expect(backoffMs(DEFAULT_RETRY_POLICY, attempt, () => 0)).toBe(low);
    expect(backoffMs(DEFAULT_RETRY_POLICY, attempt, () => 1)).toBe(high);
  });
});

describe('respondWithRetry, under the same policy and outcome as callSlack', () => {
  /** A response_url that fails with these statuses, in turn, then takes the message. */
  function responseUrl(statuses: number[]): RespondFn & { calls: number } {
    const fn = Object.assign(
      async () => {
        fn.calls += 1;
        const status = statuses[fn.calls - 1];
        if (status !== undefined) throw Object.assign(new Error(`status ${status}`), { statusCode: status });
        return undefined;
      },
      { calls: 0 },
    );
    return fn as unknown as RespondFn & { calls: number };
  }
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', sink: (l) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
  const options = { logger, policy: { baseDelayMs: 1, maxDelayMs: 2 }, sleep: async () => {} };

  it.each([
    ['two 500s, then taken', [500, 500], { ok: true, attempts: 3 }],
    ['a 429, then taken', [429], { ok: true, attempts: 2 }],
    ['an expired URL (404): given up at once', [404], { ok: false, error: 'http_404', attempts: 1 }],
    ['500s beyond the attempts', [500, 500, 500, 500, 500, 500, 500], { ok: false, error: 'http_500', attempts: 6 }],
  ])('%s', async (_name, statuses, outcome) => {
    lines.length = 0;
    const url = responseUrl(statuses);
    expect(await respondWithRetry(url, { text: 'hi' }, { ...options, sleep: async () => {} })).toMatchObject(outcome);
    expect(lines.filter((l) => l.event === 'dead_letter')).toHaveLength(outcome.ok ? 0 : 1);
  });

  it('respondOrThrow throws RespondFailed after the one dead-letter line', async () => {
    lines.length = 0;
    await expect(respondOrThrow(responseUrl([404]), { text: 'hi' }, options)).rejects.toBeInstanceOf(RespondFailed);
    expect(lines.filter((l) => l.event === 'dead_letter')).toHaveLength(1);
  });
});
