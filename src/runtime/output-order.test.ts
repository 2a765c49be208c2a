import { describe, expect, it } from 'vitest';
import { topologicalOrder } from './output-order.js';

describe('topologicalOrder', () => {
  it('puts dependencies first and keeps the given order otherwise', () => {
    const deps = new Map([
      ['a', new Set(['c'])],
      ['b', new Set<string>()],
      ['c', new Set(['unknown'])],
    ]);
    expect(topologicalOrder(['a', 'b', 'c'], deps)).toEqual(['c', 'a', 'b']);
  });

  it('names the members of a cycle', () => {
    const deps = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a'])],
    ]);
    expect(() => topologicalOrder(['a', 'b'], deps)).toThrow('dependency cycle: a -> b -> a');
  });
});
