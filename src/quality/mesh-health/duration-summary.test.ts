import { describe, expect, it } from 'vitest';
import { quantile, summarizeDurations } from './duration-summary.js';

describe('quantile', () => {
  it('gives the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([7], 0.5)).toBe(7);
  });

  it('interpolates the 90th percentile between ranks, in any input order', () => {
    const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    // (10 - 1) * 0.9 = 8.1: 9 + 0.1 * (10 - 9)
    expect(quantile(ten, 0.9)).toBeCloseTo(9.1, 10);
    expect(quantile([0, 100], 0.9)).toBeCloseTo(90, 10);
    expect(quantile(ten, 0)).toBe(1);
    expect(quantile(ten, 1)).toBe(10);
  });

  it('has no value for no values', () => {
    expect(quantile([], 0.5)).toBeUndefined();
  });
});

describe('summarizeDurations', () => {
  it('counts, and leaves the figures out when there is nothing to summarize', () => {
    expect(summarizeDurations([])).toEqual({ count: 0 });
    expect(summarizeDurations([60, 120, 30_000])).toEqual({
      count: 3,
      medianSeconds: 120,
      p90Seconds: 24_024,
    });
  });

  it('keeps seconds to the millisecond', () => {
    expect(summarizeDurations([0.0001, 1.23456])).toMatchObject({ medianSeconds: 0.617 });
  });
});
