import { describe, expect, it } from 'vitest';
import { attributeQuery } from './query-attribution.js';

describe('query attribution', () => {
  const at = new Date('2026-05-01T10:00:00Z');

  it('charges every domain read once, each with the bytes of its own tables', () => {
    expect(
      attributeQuery({
        at,
        consumer: 'ana',
        durationMs: 12.2,
        rows: 5,
        reads: [
          { productId: 'sales.orders', domain: 'sales', bytes: 800 },
          { productId: 'crm.customers', domain: 'crm', bytes: 200 },
          { productId: 'sales.returns', domain: 'sales', bytes: 100 },
        ],
      }),
    ).toEqual({
      at,
      consumer: 'ana',
      durationMs: 13,
      rows: 5,
      bytesScanned: 1100,
      domains: [
        { domain: 'crm', bytesScanned: 200 },
        { domain: 'sales', bytesScanned: 900 },
      ],
    });
  });

  it('counts a query that read nothing for its consumer alone, and at least 1 ms', () => {
    expect(attributeQuery({ at, consumer: 'bo', durationMs: 0.01, rows: 1, reads: [] })).toEqual({
      at,
      consumer: 'bo',
      durationMs: 1,
      rows: 1,
      bytesScanned: 0,
      domains: [],
    });
  });
});
