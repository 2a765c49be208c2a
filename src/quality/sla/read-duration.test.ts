import { describe, expect, it } from 'vitest';
import { readDuration } from './read-duration.js';

describe('readDuration', () => {
  it.each([
    [30, 's', 30],
    [30, 'sec', 30],
    [30, 'seconds', 30],
    [15, 'm', 900],
    [15, 'min', 900],
    [15, 'minutes', 900],
    [2, 'h', 7_200],
    [2, 'hr', 7_200],
    [2, 'hours', 7_200],
    [4, 'd', 345_600],
    [4, 'day', 345_600],
    [4, 'days', 345_600],
    [4, 'DAYS', 345_600],
    [1, 'w', 604_800],
    [1, 'mo', 2_592_000],
    [3, 'y', 94_608_000],
    [3, 'yr', 94_608_000],
    [3, 'years', 94_608_000],
    ['1.5', 'h', 5_400],
  ])('reads %s %s as %d seconds', (value, unit, seconds) => {
    expect(readDuration(value, unit)).toEqual({ seconds });
  });

  it('reads a unit written into the value when no unit is given', () => {
    expect(readDuration('4d', undefined)).toEqual({ seconds: 345_600 });
    expect(readDuration('30 min', undefined)).toEqual({ seconds: 1_800 });
    expect(readDuration(' 2 Hours ', undefined)).toEqual({ seconds: 7_200 });
  });

  it('says why a value cannot be read', () => {
    expect(readDuration('soon', 'd')).toEqual({ error: "value 'soon' is not a number" });
    expect(readDuration(2, 'fortnight')).toMatchObject({
      error: expect.stringContaining("unit 'fortnight'"),
    });
    expect(readDuration(4, undefined)).toMatchObject({ error: expect.stringContaining('needs a unit') });
    expect(readDuration('4 parsecs', undefined)).toMatchObject({
      error: expect.stringContaining("unit 'parsecs'"),
    });
    expect(readDuration(0, 'd')).toMatchObject({ error: expect.stringContaining('must be positive') });
    expect(readDuration(-1, 'd')).toMatchObject({ error: expect.stringContaining('must be positive') });
    expect(readDuration({ n: 1 }, 'd')).toMatchObject({ error: expect.stringContaining('is not a number') });
  });
});
