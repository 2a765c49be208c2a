import { describe, expect, it } from 'vitest';
import { duration } from './dcs-service-levels.js';

describe('duration', () => {
  it.each([
    ['P1Y', { value: 1, unit: 'y' }],
    ['P3M', { value: 3, unit: 'month' }],
    ['P30D', { value: 30, unit: 'd' }],
    ['PT1H', { value: 1, unit: 'h' }],
    ['PT15M', { value: 15, unit: 'min' }],
    ['25h', { value: 25, unit: 'h' }],
    ['10 m', { value: 10, unit: 'min' }],
    ['P1DT12H', { value: 'P1DT12H' }],
    ['daily', { value: 'daily' }],
  ])('%s', (text, expected) => {
    expect(duration(text)).toEqual(expected);
  });
});
