import { describe, expect, it } from 'vitest';
import { parseScale, resolveScale } from './scale.js';

describe('resolveScale', () => {
  it('sizes the named scales: small is the demo, large has at least a million order lines', () => {
    expect(resolveScale('small')).toEqual({ name: 'small', orderLines: 15_000, customers: 1000 });
    expect(resolveScale('medium').orderLines).toBe(150_000);
    expect(resolveScale('large').orderLines).toBeGreaterThanOrEqual(1_000_000);
  });

  it('takes a number as the exact number of order lines', () => {
    expect(resolveScale(2345)).toEqual({ name: '2345', orderLines: 2345, customers: 156 });
    expect(resolveScale(1).customers).toBe(1);
  });

  it.each([0, -5, 1.5, Number.NaN, 1e12])('refuses %s', (scale) => {
    expect(() => resolveScale(scale)).toThrow(/scale must be/);
  });
});

describe('parseScale', () => {
  it('reads names and digits', () => {
    expect(parseScale('medium')).toBe('medium');
    expect(parseScale('1_000_000')).toBe(1_000_000);
    expect(parseScale(' 250 ')).toBe(250);
  });

  it.each(['huge', '1e6', '-3', ''])('refuses %j', (text) => {
    expect(() => parseScale(text)).toThrow(/--scale/);
  });
});
