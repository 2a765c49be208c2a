import { describe, expect, it } from 'vitest';
import { isLuhnValid, isPaymentCard } from './is-payment-card.js';

describe('isPaymentCard', () => {
  it.each([
    '4111111111111111',
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    '5500 0000 0000 0004',
    '378282246310005',
    '3782 822463 10005',
    '6011111111111117',
    '4222222222222',
    '2223000048400011',
  ])('accepts %s', (value) => {
    expect(isPaymentCard(value)).toBe(true);
  });

  it.each([
    ['4111111111111112', 'fails Luhn'],
    ['4111 1111 1111 1121', 'fails Luhn'],
    ['0000000000000000', 'one digit repeated (passes Luhn)'],
    ['1234567812345670', 'passes Luhn but no network starts with 1'],
    ['411111111111', 'too short'],
    ['41111111111111111111', 'too long'],
    ['4111  1111 1111 1111', 'double space'],
    ['4111_1111_1111_1111', 'underscore separator'],
    ['4111.1111.1111.1111', 'dot separator'],
    ['411111111111111a', 'a letter'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(isPaymentCard(value)).toBe(false);
  });

  it('computes the Luhn check', () => {
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('7992739871x')).toBe(false);
  });
});
