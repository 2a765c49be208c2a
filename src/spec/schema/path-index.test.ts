import { describe, expect, it } from 'vitest';
import { PathIndex } from './path-index.js';

describe('PathIndex', () => {
  it('answers whether a path or one under it was added', () => {
    const index = new PathIndex([['schema', 0, 'properties', 1, 'name']]);
    expect(index.hasAtOrUnder([])).toBe(true);
    expect(index.hasAtOrUnder(['schema', 0])).toBe(true);
    expect(index.hasAtOrUnder(['schema', 0, 'properties', 1, 'name'])).toBe(true);
    expect(index.hasAtOrUnder(['schema', 1])).toBe(false);
    expect(index.hasAtOrUnder(['schema', '0'])).toBe(false);
  });

  it('registers only the ancestors of a path added strictly', () => {
    const index = new PathIndex([['team']], true);
    expect(index.hasAtOrUnder([])).toBe(true);
    expect(index.hasAtOrUnder(['team'])).toBe(false);
    index.add(['team', 'members']);
    expect(index.hasAtOrUnder(['team'])).toBe(true);
  });
});
