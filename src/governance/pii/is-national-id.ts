/**
 * National identifiers. The US Social Security Number is checked precisely; other countries' ids
 * vary too much, so only their common shape (letters then digits, `AB123456C`, `X1234567`) is
 * recognized, and only as a low-confidence hint (product and account codes share that shape).
 */

/**
 * `ddd-dd-dddd` outside the ranges the SSA never issues: area 000, 666 and 900-999, group 00,
 * serial 0000, and the numbers published in advertising (078-05-1120, 219-09-9999, 123-45-6789).
 */
const SSN = /^(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/;
const ADVERTISED = new Set(['078-05-1120', '219-09-9999', '123-45-6789']);

export function isUsSsn(value: string): boolean {
  return value.length === 11 && SSN.test(value) && !ADVERTISED.has(value);
}

/** One to three capital letters, five to ten digits, an optional capital check letter. */
const LETTERS_DIGITS = /^[A-Z]{1,3}\d{5,10}[A-Z]?$/;

/**
 * The per-value half of the generic test; the caller also requires every matching value of the
 * column to have the same length, which ids of one scheme do.
 */
export function isLettersDigitsId(value: string): boolean {
  return value.length <= 14 && LETTERS_DIGITS.test(value);
}
