import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset.js';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": [1, 2.5e-3, -0, true, false, null, "x\\u00e9\\n"], "b": {}}'],
    ['  [ ]\n'],
    ['"just a string"'],
  ])('finds nothing wrong in %j', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonErrorOffset(text)).toBeUndefined();
  });

  it.each([
    ['a trailing comma in an array', '[1, 2, ]', 7],
    ['a trailing comma in an object', '{"a": 1, }', 9],
    ['a missing comma', '{"a": 1 "b": 2}', 8],
    ['a missing colon', '{"a" 1}', 5],
    ['an unquoted key', '{a: 1}', 1],
    ['a single-quoted string', "['x']", 1],
    ['a leading zero', '[01]', 2],
    ['a bad literal', '[tru]', 1],
    ['a bad escape', '["a\\q"]', 4],
    ['a raw newline in a string', '["a\nb"]', 3],
    ['an unterminated string', '["abc', 5],
    ['a missing closing bracket', '{"a": [1, 2}', 11],
    ['an early end', '{"a": ', 6],
    ['text after the value', '{} x', 3],
    ['an empty text', '', 0],
  ])('locates %s', (_name, text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('handles 100,000 levels without recursion', () => {
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });
});
