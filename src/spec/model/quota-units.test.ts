import { describe, expect, it } from 'vitest';
import { DURATION_PATTERN, parseDuration, parseSize, SIZE_PATTERN } from './quota-units.js';

describe('parseSize', () => {
  it('reads decimal and binary units, with or without a space', () => {
    expect(parseSize('10GB')).toBe(10_000_000_000);
    expect(parseSize('1.5 KB')).toBe(1500);
    expect(parseSize('500MiB')).toBe(500 * 1024 * 1024);
    expect(parseSize('1KiB')).toBe(1024);
    expect(parseSize('0B')).toBe(0);
    expect(parseSize('7B')).toBe(7);
  });

  it('takes a whole number as bytes', () => {
    expect(parseSize(4096)).toBe(4096);
    expect(parseSize(0)).toBe(0);
  });

  it('reads anything else as absent', () => {
    for (const bad of [
      '10 gigs',
      '10gb',
      '-1GB',
      '10',
      'GB',
      '1e3GB',
      '',
      ' 1GB',
      '1GB ',
      -5,
      1.5,
      true,
      null,
    ]) {
      expect(parseSize(bad), String(bad)).toBeUndefined();
    }
  });

  it('cuts a size past the largest safe integer to it', () => {
    expect(parseSize('999999999999999PB')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('accepts exactly what the schema pattern accepts', () => {
    const pattern = new RegExp(SIZE_PATTERN);
    for (const text of ['10GB', '1.5 KiB', '3PB', '10 gigs', '10gb', '1.1234567GB']) {
      expect(parseSize(text) !== undefined, text).toBe(pattern.test(text));
    }
  });
});

describe('parseDuration', () => {
  it('reads ms, s, m and h', () => {
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1 h')).toBe(3_600_000);
    expect(parseDuration('0s')).toBe(0);
  });

  it('reads anything else as absent', () => {
    for (const bad of ['2 hours', '1h30m', 'h', '-1h', '2H', '', 7200, null]) {
      expect(parseDuration(bad), String(bad)).toBeUndefined();
    }
  });

  it('accepts exactly what the schema pattern accepts', () => {
    const pattern = new RegExp(DURATION_PATTERN);
    for (const text of ['2h', '0.5m', '10 s', '1h30m', '2d', '5ms']) {
      expect(parseDuration(text) !== undefined, text).toBe(pattern.test(text));
    }
  });
});
