import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from './webhook-backoff.js';

describe('exponentialBackoff', () => {
  it('doubles from the base up to the maximum, between half and all of each step', () => {
    const low = exponentialBackoff({ baseMs: 100, maxMs: 1_000, random: () => 0 });
    const high = exponentialBackoff({ baseMs: 100, maxMs: 1_000, random: () => 0.999_999 });
    expect([1, 2, 3, 4, 5, 10].map(low)).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 10].map(high)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('spreads retries with jitter', () => {
    const values = new Set(Array.from({ length: 50 }, () => exponentialBackoff({ baseMs: 1_000 })(3)));
    expect(values.size).toBeGreaterThan(10);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(2_000);
      expect(v).toBeLessThanOrEqual(4_000);
    }
  });
});
