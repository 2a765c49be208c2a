import { describe, expect, it } from 'vitest';
import { isSafeRequestId, requestIdOf } from './request-id.js';

describe('request ids', () => {
  it('keeps a short safe token from the caller', () => {
    for (const id of ['abc', '3f2b8c1e-7d1a-4c55-9a55-2b7e0f6f9d10', '01HZX3K9Q8', 'lb.proxy:42_a-b'])
      expect(requestIdOf(id, () => 'fresh')).toBe(id);
  });

  it('replaces an unsafe, long, empty, repeated or missing header with a fresh id', () => {
    const unsafe = ['', ' x', 'a b', 'a\nb', 'a"b', '<script>', '-leading-dash', 'é', 'x'.repeat(129)];
    for (const id of unsafe) {
      expect(isSafeRequestId(id)).toBe(false);
      expect(requestIdOf(id, () => 'fresh')).toBe('fresh');
    }
    expect(requestIdOf(['a', 'b'], () => 'fresh')).toBe('fresh');
    expect(requestIdOf(undefined, () => 'fresh')).toBe('fresh');
    expect(isSafeRequestId('x'.repeat(128))).toBe(true);
  });

  it('generates UUIDs by default', () => {
    const a = requestIdOf(undefined);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(requestIdOf(undefined)).not.toBe(a);
  });
});
