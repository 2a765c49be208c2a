import { describe, expect, it } from 'vitest';
import { Random } from './random.js';
import {
  hourKey,
  isoDate,
  isoTime,
  isoTimestamp,
  monthKey,
  sqlTimestamp,
  wholeSeconds,
} from './time-format.js';

describe('time formats', () => {
  it('writes instants as the sources do', () => {
    const ms = Date.UTC(2025, 0, 3, 11, 47, 5);
    expect(isoTimestamp(ms)).toBe('2025-01-03T11:47:05Z');
    expect(sqlTimestamp(ms)).toBe('2025-01-03 11:47:05');
    expect(isoDate(ms)).toBe('2025-01-03');
    expect(isoTime(ms)).toBe('11:47:05');
    expect(monthKey(ms)).toBe('2025-01');
    expect(hourKey(ms)).toBe('2025010311');
  });

  it('agrees with Date for any whole second, before 1970 too', () => {
    const random = Random.of(11);
    for (let i = 0; i < 5000; i++) {
      const ms = wholeSeconds(Date.UTC(1940, 0, 1) + random.next() * 100 * 365 * 86_400_000);
      const iso = new Date(ms).toISOString();
      expect(isoTimestamp(ms)).toBe(`${iso.slice(0, 19)}Z`);
    }
  });
});
