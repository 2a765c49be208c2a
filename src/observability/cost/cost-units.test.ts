import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from './cost-units.js';

describe('cost units', () => {
  it('writes bytes in powers of 1000, as quotas are written', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 KB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
    expect(formatBytes(10_000_000_000)).toBe('10 GB');
    expect(formatBytes(-4)).toBe('0 B');
  });

  it('writes durations from milliseconds to hours', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(450)).toBe('450 ms');
    expect(formatDuration(12_500)).toBe('12.5 s');
    expect(formatDuration(330_000)).toBe('5m 30s');
    expect(formatDuration(7_200_000)).toBe('2h 00m');
    expect(formatDuration(7_500_000)).toBe('2h 05m');
  });
});
