import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryDelay } from './retry-delay.js';

describe('retryDelay', () => {
  it('grows exponentially up to the maximum, scaled by the jitter', () => {
    expect([0, 1, 2, 3, 10].map((n) => retryDelay(n, 100, 1000, () => 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(retryDelay(2, 100, 1000, () => 0.5)).toBe(200);
    expect(retryDelay(5, 100, 1000, () => 0)).toBe(0);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2024-05-01T10:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Wed, 01 May 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
  });
  it('gives undefined for none or garbage', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-3', now)).toBeUndefined();
  });
});
