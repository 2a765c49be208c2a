import { describe, expect, it } from 'vitest';
import { pointerToPath, valueAt } from './instance-path.js';

describe('pointerToPath', () => {
  const value = { schema: [{ properties: [{ name: 'a' }] }], map: { '0': { 'a/b': 1, 'c~d': 2 } } };

  it('gives numbers for list indexes and strings for keys', () => {
    expect(pointerToPath('/schema/0/properties/0/name', value)).toEqual([
      'schema',
      0,
      'properties',
      0,
      'name',
    ]);
  });

  it('keeps a numeric-looking mapping key a string and unescapes ~1 and ~0', () => {
    expect(pointerToPath('/map/0/a~1b', value)).toEqual(['map', '0', 'a/b']);
    expect(pointerToPath('/map/0/c~0d', value)).toEqual(['map', '0', 'c~d']);
  });

  it('maps the empty pointer to the root', () => {
    expect(pointerToPath('', value)).toEqual([]);
  });
});

describe('valueAt', () => {
  it('walks lists and mappings, and never the prototype', () => {
    expect(valueAt({ a: [{ b: 2 }] }, ['a', 0, 'b'])).toBe(2);
    expect(valueAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
    expect(valueAt({}, ['__proto__'])).toBeUndefined();
  });
});
