import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it('shows the two largest parts', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59.6)).toBe('1 min');
    expect(formatDuration(3_600 + 120 + 5)).toBe('1 h 2 min');
    expect(formatDuration(4 * 86_400 + 7_200)).toBe('4 d 2 h');
    expect(formatDuration(86_400 + 300)).toBe('1 d');
    expect(formatDuration(-90)).toBe('-1 min 30 s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('unlimited');
  });
});
