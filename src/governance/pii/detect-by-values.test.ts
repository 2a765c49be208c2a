import { describe, expect, it } from 'vitest';
import { detectByValues } from './detect-by-values.js';
import { DEFAULT_PII_OPTIONS, resolvePiiOptions } from './pii-options.js';

const options = DEFAULT_PII_OPTIONS;

function found(values: readonly unknown[], opts = options): string[] {
  return detectByValues(values, opts).matches.map((m) => `${m.kind}/${m.check}/${m.matched}of${m.nonEmpty}`);
}

describe('detectByValues', () => {
  it('flags each kind when the values match', () => {
    expect(found(['ada@example.com', 'alan@example.org'])).toEqual(['email/email-format/2of2']);
    expect(found(['4111 1111 1111 1111', '5500-0000-0000-0004'])).toEqual(['payment-card/luhn/2of2']);
    expect(found(['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000'])).toEqual([
      'bank-account/iban-mod97/2of2',
    ]);
    expect(found(['192.168.0.1', '2001:db8::1'])).toEqual(['ip-address/ipv4-ipv6/2of2']);
    expect(found(['536-22-1234', '001-01-0001'])).toEqual(['national-id/us-ssn/2of2']);
    expect(found(['+14155550142', '(212) 555-0142'])).toEqual(['phone/phone-format/2of2']);
    expect(found(['AB123456C', 'CD654321A'])).toEqual(['national-id/letters-digits/2of2']);
  });

  it('does not flag near misses', () => {
    expect(found(['4111111111111112', '5500000000000005'])).toEqual([]);
    expect(found(['GB82WEST12345698765433', 'DE89370400440532013001'])).toEqual([]);
    expect(found(['999-99-9999', '000-12-3456'])).toEqual([]);
    expect(found(['1.2.3', '2.10.0', '10.4.1'])).toEqual([]);
    expect(found(['AB123456C', 'X1234567'])).toEqual([]); // letters+digits of different lengths
  });

  it('applies the threshold to the share of non-empty values, and counts', () => {
    // Order numbers: two of ten happen to look like phone numbers.
    const orders = [
      '212-555-0142',
      '212-555-0143',
      ...Array.from({ length: 8 }, (_, i) => `ORD-${1000 + i}`),
    ];
    expect(found(orders)).toEqual([]);
    expect(found(orders, resolvePiiOptions({ threshold: 0.2 }))).toEqual(['phone/phone-format/2of10']);
    const mostly = ['ada@example.com', 'alan@example.org', 'grace@example.net', 'edsger@example.nl', 'n/a'];
    expect(found(mostly)).toEqual(['email/email-format/4of5']);
    expect(found(mostly, resolvePiiOptions({ threshold: 0.9 }))).toEqual([]);
    const report = detectByValues(mostly, options).matches[0];
    expect(report?.share).toBeCloseTo(0.8);
  });

  it('skips empty values and counts other types as non-matching', () => {
    const result = detectByValues(
      ['ada@example.com', null, undefined, '  ', '', 'alan@example.org', { x: 1 }],
      options,
    );
    expect(result.stats).toEqual({ examined: 7, nonEmpty: 3, tooLong: 0, truncated: false });
    expect(result.matches.map((m) => `${m.matched}of${m.nonEmpty}`)).toEqual([]); // 2 of 3 is below 0.8
    expect(found([4111111111111111, 5500000000000004n])).toEqual(['payment-card/luhn/2of2']);
    expect(found([Number.NaN, true])).toEqual([]);
  });

  it('judges nothing below minValues', () => {
    expect(found(['ada@example.com'], resolvePiiOptions({ minValues: 2 }))).toEqual([]);
    expect(found([null, ''])).toEqual([]);
  });

  it('reads at most maxValues entries', () => {
    const values = [
      ...Array.from({ length: 5 }, () => 'ada@example.com'),
      ...Array.from({ length: 100 }, () => 'x'),
    ];
    const result = detectByValues(values, resolvePiiOptions({ maxValues: 5 }));
    expect(result.stats).toEqual({ examined: 5, nonEmpty: 5, tooLong: 0, truncated: true });
    expect(result.matches.map((m) => m.kind)).toEqual(['email']);
  });

  it('does not read values longer than maxValueLength, and a 1 MB value does not hang', () => {
    const huge = `${'a'.repeat(1024 * 1024)}@example.com`;
    const hostile = `${'1 '.repeat(512 * 1024)}`;
    const result = detectByValues([huge, hostile, 'ada@example.com'], options);
    expect(result.stats).toEqual({ examined: 3, nonEmpty: 3, tooLong: 2, truncated: false });
    expect(result.matches).toEqual([]);
    const many = Array.from({ length: 100_000 }, () => huge);
    expect(detectByValues(many, options).stats).toEqual({
      examined: 1000,
      nonEmpty: 1000,
      tooLong: 1000,
      truncated: true,
    });
  });

  it('drops the generic id shape when a precise check also passes', () => {
    const values = ['536-22-1234', 'AB123456C'];
    expect(found(values, resolvePiiOptions({ threshold: 0.5 }))).toEqual(['national-id/us-ssn/1of2']);
    expect(found(['AB123456C', 'x'], resolvePiiOptions({ threshold: 0.5 }))).toEqual([
      'national-id/letters-digits/1of2',
    ]);
  });
});

describe('resolvePiiOptions', () => {
  it('fills defaults and rejects out-of-range options', () => {
    expect(resolvePiiOptions({})).toEqual(DEFAULT_PII_OPTIONS);
    expect(resolvePiiOptions({ threshold: 1 }).threshold).toBe(1);
    expect(() => resolvePiiOptions({ threshold: 0 })).toThrow(/threshold must be a number above 0/);
    expect(() => resolvePiiOptions({ threshold: 1.5 })).toThrow(/threshold/);
    expect(() => resolvePiiOptions({ threshold: Number.NaN })).toThrow(/threshold/);
    expect(() => resolvePiiOptions({ maxValues: 0 })).toThrow(/maxValues/);
    expect(() => resolvePiiOptions({ maxValueLength: 1.5 })).toThrow(/maxValueLength/);
    expect(() => resolvePiiOptions({ minValues: -1 })).toThrow(/minValues/);
  });
});
