import { describe, expect, it } from 'vitest';
import {
  consumerCostRow,
  costDay,
  domainCostFromRow,
  domainCostRows,
  runComputeFromRows,
} from './cost-rows.js';

const QUERY = {
  at: new Date('2026-05-01T23:59:59.999Z'),
  consumer: 'ana',
  durationMs: 120,
  rows: 7,
  bytesScanned: 300,
  domains: [
    { domain: 'sales', bytesScanned: 100 },
    { domain: 'crm', bytesScanned: 150 },
    { domain: 'sales', bytesScanned: 50 },
  ],
};

describe('query cost rows', () => {
  it('keys a query by its UTC day', () => {
    expect(costDay(new Date('2026-05-01T23:59:59.999Z'))).toBe('2026-05-01');
    expect(costDay(new Date('2026-05-02T00:00:00.000Z'))).toBe('2026-05-02');
  });

  it('counts the query once for its consumer, with every byte it read', () => {
    expect(consumerCostRow(QUERY)).toEqual({
      day: '2026-05-01',
      consumer: 'ana',
      queries: 1,
      duration_ms: 120,
      bytes_scanned: 300,
      rows: 7,
    });
  });

  it('charges each domain read the whole time and the bytes of its own tables, one row per domain, sorted', () => {
    expect(domainCostRows(QUERY)).toEqual([
      {
        day: '2026-05-01',
        domain: 'crm',
        consumer: 'ana',
        queries: 1,
        duration_ms: 120,
        bytes_scanned: 150,
        rows: 7,
      },
      {
        day: '2026-05-01',
        domain: 'sales',
        consumer: 'ana',
        queries: 1,
        duration_ms: 120,
        bytes_scanned: 150,
        rows: 7,
      },
    ]);
    expect(domainCostRows({ ...QUERY, domains: [] })).toEqual([]);
  });

  it('reads BIGINT counts that PostgreSQL returns as strings', () => {
    expect(
      domainCostFromRow({
        day: '2026-05-01',
        domain: 'sales',
        consumer: 'ana',
        queries: '2',
        duration_ms: '5000000000',
        bytes_scanned: 0,
        rows: '3',
      }),
    ).toEqual({
      day: '2026-05-01',
      domain: 'sales',
      consumer: 'ana',
      queries: 2,
      durationMs: 5_000_000_000,
      bytesScanned: 0,
      rows: 3,
    });
  });
});

describe('pipeline compute', () => {
  it('sums finished runs per product, sorted by product', () => {
    const run = (product_id: string, started_at: string, finished_at: string) => ({
      product_id,
      started_at,
      finished_at,
    });
    expect(
      runComputeFromRows([
        run('sales.orders', '2026-05-01T10:00:00.000Z', '2026-05-01T10:00:01.500Z'),
        run('crm.customers', '2026-05-01T10:00:00.000Z', '2026-05-01T10:01:00.000Z'),
        run('sales.orders', '2026-05-01T11:00:00.000Z', '2026-05-01T11:00:00.250Z'),
        // A clock set back, and a time that does not parse: counted as runs of 0 ms.
        run('sales.orders', '2026-05-01T12:00:00.000Z', '2026-05-01T11:59:00.000Z'),
        run('sales.orders', 'garbage', '2026-05-01T12:00:00.000Z'),
      ]),
    ).toEqual([
      { productId: 'crm.customers', runs: 1, durationMs: 60_000 },
      { productId: 'sales.orders', runs: 4, durationMs: 1750 },
    ]);
  });
});
