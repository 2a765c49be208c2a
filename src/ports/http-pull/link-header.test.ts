import { describe, expect, it } from 'vitest';
import { nextLink } from './link-header.js';

describe('nextLink', () => {
  const base = 'https://api.example.com/v1/orders?page=1';

  it('finds rel="next" among several links and resolves it against the response URL', () => {
    const header =
      '<https://api.example.com/v1/orders?page=1>; rel="prev", </v1/orders?page=3>; rel="next", <?page=9>; rel=last';
    expect(nextLink(header, base)).toBe('https://api.example.com/v1/orders?page=3');
  });

  it('reads unquoted and multi-valued rel, in any case, and targets with commas and semicolons', () => {
    expect(nextLink('<?page=2>; rel=next', base)).toBe('https://api.example.com/v1/orders?page=2');
    expect(nextLink('<?a=1,2;3>; title="x, y"; REL="last NEXT"', base)).toBe(
      'https://api.example.com/v1/orders?a=1,2;3',
    );
  });

  it('gives undefined without a header or a next link', () => {
    expect(nextLink(null, base)).toBeUndefined();
    expect(nextLink('<?page=1>; rel="prev"', base)).toBeUndefined();
    expect(nextLink('garbage', base)).toBeUndefined();
    expect(nextLink('<?page=1>; rel="nextish"', base)).toBeUndefined();
  });
});
