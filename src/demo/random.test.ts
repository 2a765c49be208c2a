import { describe, expect, it } from 'vitest';
import { cumulativeWeights, hashUnit, Random } from './random.js';

function draws(random: Random, n: number): number[] {
  return Array.from({ length: n }, () => random.uint32());
}

describe('Random', () => {
  it('gives the same stream for the same seed and keys, another for any other', () => {
    expect(draws(Random.of(1, 'orders'), 5)).toEqual(draws(Random.of(1, 'orders'), 5));
    expect(draws(Random.of(1, 'orders'), 5)).not.toEqual(draws(Random.of(2, 'orders'), 5));
    expect(draws(Random.of(1, 'orders'), 5)).not.toEqual(draws(Random.of(1, 'order'), 5));
    expect(draws(Random.of(1, 'customer', 1), 5)).not.toEqual(
      draws(Random.of(1, 'customer', 2 ** 32 + 1), 5),
    );
  });

  it('is pinned: a change here changes every generated file', () => {
    expect(draws(Random.of(1, 'pin'), 3)).toMatchInlineSnapshot(`
      [
        2321773994,
        3920105871,
        3574867307,
      ]
    `);
  });

  it('draws in range and roughly uniformly', () => {
    const random = Random.of(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const n = random.int(0, 3);
      counts[n] = (counts[n] ?? 0) + 1;
      const u = random.next();
      expect(u >= 0 && u < 1).toBe(true);
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('picks by weight among the first entries only', () => {
    const random = Random.of(3);
    const cumulative = cumulativeWeights([1, 3, 0, 1000]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8000; i++) {
      const k = random.weighted(cumulative, 3);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[2]).toBe(0);
    expect(Math.abs((counts[1] ?? 0) / 8000 - 0.75)).toBeLessThan(0.02);
  });

  it('refuses to pick from nothing', () => {
    expect(() => Random.of(1).pick([])).toThrow(/empty/);
  });
});

describe('hashUnit', () => {
  it('is a pure function of seed and keys in [0, 1)', () => {
    expect(hashUnit(1, 'a', 2)).toBe(hashUnit(1, 'a', 2));
    expect(hashUnit(1, 'a', 2)).not.toBe(hashUnit(1, 'a', 3));
    for (let i = 0; i < 1000; i++) {
      const u = hashUnit(5, i);
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});
