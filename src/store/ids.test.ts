import { describe, expect, it } from 'vitest';
import { createIdGenerator } from './ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createIdGenerator', () => {
  it('makes UUIDv7 strings carrying the time', () => {
    const id = createIdGenerator(() => 0x0190_1234_5678)();
    expect(id).toMatch(UUID_V7);
    expect(id.slice(0, 13)).toBe('01901234-5678');
  });

  it('is strictly increasing within a millisecond, past the counter, and when the clock goes back', () => {
    let now = 1_700_000_000_000;
    const next = createIdGenerator(() => now);
    const ids = Array.from({ length: 5000 }, () => next());
    now -= 10_000;
    ids.push(next(), next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });
});
