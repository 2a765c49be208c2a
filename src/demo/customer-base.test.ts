import { describe, expect, it } from 'vitest';
import { Random } from './random.js';
import { resolveScale } from './scale.js';
import { createShopWorld } from './shop-world.js';

describe('CustomerBase', () => {
  const world = createShopWorld(1, resolveScale(15_000), Date.UTC(2026, 0, 1));
  const { customers, calendar } = world;

  it('numbers accounts in the order they were opened', () => {
    for (let i = 1; i < customers.count; i++) {
      expect(customers.createdAt(i)).toBeGreaterThanOrEqual(customers.createdAt(i - 1));
    }
    expect(customers.createdAt(customers.count - 1)).toBeLessThan(calendar.referenceMs);
    expect(customers.id(0)).toBe('C-1001');
  });

  it('changes accounts only after they were opened and before now', () => {
    for (let i = 0; i < customers.count; i++) {
      const { createdAt, updates } = customers.timeline(i);
      for (const t of updates) {
        expect(t).toBeGreaterThan(createdAt);
        expect(t).toBeLessThan(calendar.referenceMs);
      }
    }
  });

  it('picks buyers among accounts open at the time, a few of them often', () => {
    const random = Random.of(1, 'test');
    const counts = new Map<number, number>();
    for (let k = 0; k < 5000; k++) {
      const t = calendar.orderTime(k / 5000);
      const buyer = customers.pickBuyer(t, random);
      expect(customers.createdAt(buyer)).toBeLessThanOrEqual(t);
      counts.set(buyer, (counts.get(buyer) ?? 0) + 1);
    }
    const top = [...counts.values()].sort((a, b) => b - a).slice(0, customers.count / 100);
    expect(top.reduce((a, b) => a + b, 0) / 5000).toBeGreaterThan(0.08);
    expect(counts.size).toBeLessThan(customers.count);
  });
});
