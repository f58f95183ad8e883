import { describe, expect, it } from 'vitest';
import { BoundedTtlCache } from '../../src/state/index.js';

describe('bounded TTL cache', () => {
  it('drops expired entries as new ones arrive, so claims cost the rate times the TTL, not the bound', () => {
    let now = 0;
    const claims = new BoundedTtlCache<true>(100_000, () => now);
    for (let i = 0; i < 1_000; i += 1) {
      now += 1_000;
      claims.setIfAbsent(`event:Ev${i}`, true, 60_000);
    }
    // One claim a second for a minute each: about sixty alive at any time.
    expect(claims.size).toBeLessThanOrEqual(61);
    expect(claims.has('event:Ev999')).toBe(true);
    expect(claims.has('event:Ev900')).toBe(false);
    expect(claims.setIfAbsent('event:Ev999', true, 60_000)).toBe(false);
  });

  it('evicts the oldest past the bound, even before they expire', () => {
    const cache = new BoundedTtlCache<number>(3, () => 0);
    for (const i of [1, 2, 3, 4]) cache.set(`k${i}`, i);
    expect([cache.get('k1'), cache.get('k2'), cache.get('k4')]).toEqual([undefined, 2, 4]);
  });
});
