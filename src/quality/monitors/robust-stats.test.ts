import { describe, expect, it } from 'vitest';
import { median, medianAbsoluteDeviation, theilSen } from './robust-stats.js';

describe('robust statistics', () => {
  it('computes medians of odd and even lists, NaN for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('computes the MAD, unmoved by one wild value', () => {
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 5])).toBe(1);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 5_000])).toBe(1);
  });

  it('fits a Theil-Sen line that ignores an outlier', () => {
    const points = [0, 1, 2, 3, 4, 5, 6].map((x) => ({ x, y: 10 + 2 * x }));
    points[3] = { x: 3, y: 500 };
    expect(theilSen(points)).toEqual({ slope: 2, intercept: 10 });
    expect(
      theilSen([
        { x: 1, y: 5 },
        { x: 1, y: 7 },
      ]),
    ).toEqual({ slope: 0, intercept: 6 });
  });
});
