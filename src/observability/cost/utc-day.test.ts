import { describe, expect, it } from 'vitest';
import { dayRange, nextUtcMidnight, startOfDay, utcDay } from './utc-day.js';

describe('UTC days', () => {
  it('names the UTC day whatever the local time zone', () => {
    expect(utcDay(new Date('2026-05-01T23:59:59.999Z'))).toBe('2026-05-01');
    expect(utcDay(new Date('2026-05-02T01:00:00+02:00'))).toBe('2026-05-01');
  });

  it('resets at the next midnight UTC, also from midnight itself', () => {
    expect(nextUtcMidnight(new Date('2026-05-01T13:14:15Z')).toISOString()).toBe('2026-05-02T00:00:00.000Z');
    expect(nextUtcMidnight(new Date('2026-05-01T00:00:00Z')).toISOString()).toBe('2026-05-02T00:00:00.000Z');
    expect(nextUtcMidnight(new Date('2026-12-31T23:59:59Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('spans whole days ending today', () => {
    expect(dayRange(new Date('2026-05-01T13:00:00Z'), 1)).toEqual({
      fromDay: '2026-05-01',
      toDay: '2026-05-01',
    });
    expect(dayRange(new Date('2026-03-01T00:30:00Z'), 3)).toEqual({
      fromDay: '2026-02-27',
      toDay: '2026-03-01',
    });
    expect(startOfDay('2026-02-27').toISOString()).toBe('2026-02-27T00:00:00.000Z');
  });
});
