import { describe, expect, it } from 'vitest';
import { isIban } from './is-iban.js';

describe('isIban', () => {
  it.each([
    'GB82WEST12345698765432',
    'GB82 WEST 1234 5698 7654 32',
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'NO9386011117947',
    'gb82west12345698765432',
  ])('accepts %s', (value) => {
    expect(isIban(value)).toBe(true);
  });

  it.each([
    ['GB82WEST12345698765433', 'wrong check digits'],
    ['GB83WEST12345698765432', 'wrong check digits'],
    ['DE89370400440532013001', 'wrong checksum'],
    ['GB82WEST1234569876543', 'wrong length for GB'],
    ['ZZ82WEST12345698765432', 'unknown country'],
    ['GB82-WEST-1234-5698-7654-32', 'dashes'],
    ['12345678901234567890', 'no country'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(isIban(value)).toBe(false);
  });
});
