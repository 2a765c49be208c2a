import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_DATE, monthsBetween, parseReferenceDate, shopCalendar } from './shop-calendar.js';
import { DAY_MS } from './time-format.js';

describe('shopCalendar', () => {
  const calendar = shopCalendar(parseReferenceDate(DEFAULT_REFERENCE_DATE));

  it('spans the 365 days before the reference date', () => {
    expect(new Date(calendar.windowStartMs).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(calendar.accountsStartMs).toBeLessThan(calendar.windowStartMs);
  });

  it('maps [0, 1) onto the window, never backwards', () => {
    let previous = calendar.windowStartMs;
    for (let i = 0; i < 10_000; i++) {
      const t = calendar.orderTime(i / 10_000);
      expect(t).toBeGreaterThanOrEqual(previous);
      previous = t;
    }
    expect(previous).toBeLessThan(calendar.referenceMs);
  });

  it('puts more orders in December than in July', () => {
    const share = (from: string, to: string) => {
      let n = 0;
      for (let i = 0; i < 10_000; i++) {
        const t = calendar.orderTime(i / 10_000);
        if (t >= Date.parse(from) && t < Date.parse(to)) n++;
      }
      return n;
    };
    expect(share('2025-12-01', '2026-01-01')).toBeGreaterThan(1.4 * share('2025-07-01', '2025-08-01'));
  });

  it('refuses a reference date that is no date', () => {
    expect(() => parseReferenceDate('next tuesday')).toThrow(/ISO 8601/);
    expect(parseReferenceDate('2024-06-30')).toBe(Date.UTC(2024, 5, 30));
  });
});

describe('monthsBetween', () => {
  it('lists the months an interval touches', () => {
    expect(monthsBetween(Date.UTC(2024, 11, 31), Date.UTC(2025, 2, 1))).toEqual([
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(monthsBetween(Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 1) + DAY_MS)).toEqual(['2025-01']);
  });
});
