import { describe, expect, it } from 'vitest';
import { compareWatermarks, isWatermarkValue, laterWatermark } from './watermark.js';

describe('watermarks', () => {
  it('compares numbers, timestamps as instants and other text by its order', () => {
    expect(compareWatermarks(2, 10)).toBeLessThan(0);
    expect(compareWatermarks('2024-05-01T12:00:00+02:00', '2024-05-01T09:00:00Z')).toBeGreaterThan(0);
    expect(compareWatermarks('2024-05-01T10:00:00Z', '2024-05-01T12:00:00+02:00')).toBe(0);
    expect(compareWatermarks('2024-05-01T10:00:00.000002Z', '2024-05-01T10:00:00.000001Z')).toBeGreaterThan(
      0,
    );
    expect(compareWatermarks('b', 'a')).toBeGreaterThan(0);
    expect(compareWatermarks(1, '1')).toBeUndefined();
  });

  it('keeps the later value and ignores ones that do not compare', () => {
    expect(laterWatermark(undefined, 3)).toBe(3);
    expect(laterWatermark(3, 5)).toBe(5);
    expect(laterWatermark(5, 3)).toBe(5);
    expect(laterWatermark(5, 'x')).toBe(5);
  });

  it('accepts finite numbers and non-empty text only', () => {
    expect([1, 'a', '', Number.NaN, null, {}].map(isWatermarkValue)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
