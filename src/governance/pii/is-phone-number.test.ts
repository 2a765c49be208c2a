import { describe, expect, it } from 'vitest';
import { isE164, isPhoneNumber } from './is-phone-number.js';

describe('isPhoneNumber', () => {
  it.each([
    '+14155550142',
    '+44 20 7946 0958',
    '+1 (212) 555-0142',
    '+33 6 12 34 56 78',
    '0044 20 7946 0958',
    '(212) 555-0142',
    '212-555-0142',
    '212.555.0142',
    '212 555 0142',
    '020 7946 0958',
    '06 12 34 56 78',
    '0612345678',
    '030 1234567',
    '(030) 1234567',
  ])('accepts %s', (value) => {
    expect(isPhoneNumber(value)).toBe(true);
  });

  it.each([
    ['2125550142', 'bare digits: more often an order number'],
    ['1234567', 'bare digits'],
    ['+0123456789', 'country code cannot start with 0'],
    ['+1234567', 'too short for E.164'],
    ['+1234567890123456', 'too long for E.164'],
    ['112-555-0142', 'area code cannot start with 1'],
    ['2024-01-15', 'a date'],
    ['0.123456789', 'a decimal'],
    ['00123', 'too short'],
    ['0012345678', 'bare 00: a zero-padded id'],
    ['0012 345 67', 'international form with 7 digits: too short'],
    ['212--555-0142', 'double separator'],
    ['(212 555-0142', 'unbalanced parenthesis'],
    ['ORD-555-0142', 'letters'],
    ['10.0.0.1', 'an IP address'],
  ])('rejects %s (%s)', (value) => {
    expect(isPhoneNumber(value)).toBe(false);
  });

  it('tells the strict E.164 form apart', () => {
    expect(isE164('+14155550142')).toBe(true);
    expect(isE164('+1 415 555 0142')).toBe(false);
  });
});
