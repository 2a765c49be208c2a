import { describe, expect, it } from 'vitest';
import { durationSeconds, percentage, timeOfDay } from './sla-measure.js';

describe('SLA measures', () => {
  it('normalizes durations to seconds across unit spellings', () => {
    expect(durationSeconds(1, 'd')).toBe(86_400);
    expect(durationSeconds('2', 'Hours')).toBe(7_200);
    expect(durationSeconds(15, 'm')).toBe(900);
    expect(durationSeconds(1, 'y')).toBe(durationSeconds(365, 'days'));
  });

  it('refuses unknown units and values that are not numbers', () => {
    expect(durationSeconds(1, 'fortnight')).toBeUndefined();
    expect(durationSeconds('P1D', 'd')).toBeUndefined();
    expect(durationSeconds(1, undefined)).toBeUndefined();
  });

  it('reads percentages with %, percent or no unit, and refuses other units', () => {
    expect(percentage('99.5%', undefined)).toBe(99.5);
    expect(percentage(99, 'percent')).toBe(99);
    expect(percentage(99, 'h')).toBeUndefined();
  });

  it('reads times of day, not ranges', () => {
    expect(timeOfDay('06:30')).toBe(23_400);
    expect(timeOfDay('09:00-08:00')).toBeUndefined();
  });
});
