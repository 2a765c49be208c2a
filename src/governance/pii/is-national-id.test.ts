import { describe, expect, it } from 'vitest';
import { isLettersDigitsId, isUsSsn } from './is-national-id.js';

describe('isUsSsn', () => {
  it.each(['536-22-1234', '001-01-0001', '665-99-9999', '899-45-6780'])('accepts %s', (value) => {
    expect(isUsSsn(value)).toBe(true);
  });

  it.each([
    ['999-99-9999', 'area 900-999 never issued'],
    ['900-12-3456', 'area 900-999 never issued'],
    ['000-12-3456', 'area 000'],
    ['666-12-3456', 'area 666'],
    ['536-00-1234', 'group 00'],
    ['536-22-0000', 'serial 0000'],
    ['078-05-1120', 'published in advertising'],
    ['123-45-6789', 'published in advertising'],
    ['536221234', 'no dashes'],
    ['536 22 1234', 'spaces'],
    ['2024-01-15', 'a date'],
  ])('rejects %s (%s)', (value) => {
    expect(isUsSsn(value)).toBe(false);
  });
});

describe('isLettersDigitsId', () => {
  it.each(['AB123456C', 'X1234567', 'AW00000001'])('accepts %s', (value) => {
    expect(isLettersDigitsId(value)).toBe(true);
  });

  it.each(['ab123456c', '12345678', 'ABCD', 'AB12', 'AB-123456', 'ABCD123456', '123456AB'])(
    'rejects %s',
    (value) => {
      expect(isLettersDigitsId(value)).toBe(false);
    },
  );
});
