import { describe, expect, it } from 'vitest';
import { isEmail } from './is-email.js';

describe('isEmail', () => {
  it.each([
    'ada@example.com',
    'ada.lovelace+news@mail.example.co.uk',
    "o'brien@example.ie",
    'x@sub-domain.example.org',
    'UPPER@EXAMPLE.COM',
  ])('accepts %s', (value) => {
    expect(isEmail(value)).toBe(true);
  });

  it.each([
    'ada@localhost',
    'ada@example',
    'ada@@example.com',
    '@example.com',
    'ada@.example.com',
    'ada@example..com',
    '.ada@example.com',
    'ada.@example.com',
    'ada lovelace@example.com',
    'ada@example.c0m',
    'ada@-example.com',
    'not an email',
    `${'a'.repeat(65)}@example.com`,
    `ada@${'a'.repeat(250)}.com`,
  ])('rejects %s', (value) => {
    expect(isEmail(value)).toBe(false);
  });

  it('stays linear on input built to backtrack', () => {
    const hostile = `${'a.'.repeat(120)}@${'a-'.repeat(60)}`;
    expect(isEmail(hostile)).toBe(false);
  });
});
