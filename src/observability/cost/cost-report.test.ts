import { describe, expect, it } from 'vitest';
import { type CostFacts, costReport } from './cost-report.js';

const cost = (day: string, consumer: string, durationMs: number, bytesScanned: number, queries = 1) => ({
  day,
  consumer,
  queries,
  durationMs,
  bytesScanned,
  rows: 10 * queries,
});

/** ana ran one query joining sales and crm (100 ms), and one on sales yesterday; bo one on crm today. */
const FACTS: CostFacts = {
  now: new Date('2026-05-02T12:00:00Z'),
  fromDay: '2026-05-01',
  toDay: '2026-05-02',
  products: [
    { productId: 'sales.orders', domain: 'sales', fileBytes: 3000, walBytes: 500 },
    { productId: 'crm.customers', domain: 'crm', fileBytes: 1000, walBytes: 0 },
    { productId: 'sales.returns', domain: 'sales', fileBytes: 1500, walBytes: 0 },
  ],
  quotas: new Map([
    ['sales', { storageBytes: 5000, queryTimePerDayMs: 1000 }],
    ['hr', { queryTimePerDayMs: 60_000 }],
  ]),
  domainCosts: [
    { ...cost('2026-05-01', 'ana', 2000, 400), domain: 'sales' },
    { ...cost('2026-05-02', 'ana', 100, 300), domain: 'crm' },
    { ...cost('2026-05-02', 'ana', 100, 700), domain: 'sales' },
    { ...cost('2026-05-02', 'bo', 50, 20), domain: 'crm' },
  ],
  consumerCosts: [
    cost('2026-05-01', 'ana', 2000, 400),
    cost('2026-05-02', 'ana', 100, 1000),
    cost('2026-05-02', 'bo', 50, 20),
  ],
  runs: [
    { productId: 'sales.orders', runs: 3, durationMs: 900 },
    { productId: 'crm.customers', runs: 1, durationMs: 40 },
  ],
};

describe('cost report', () => {
  it('by domain: storage, query cost, compute, and quota use of the current day', () => {
    const report = costReport('domain', FACTS);
    expect(report).toMatchObject({
      by: 'domain',
      from: '2026-05-01',
      to: '2026-05-02',
      generatedAt: '2026-05-02T12:00:00.000Z',
    });
    expect(report.rows).toEqual([
      {
        domain: 'crm',
        products: 1,
        storageBytes: 1000,
        queries: 2,
        queryTimeMs: 150,
        bytesScanned: 320,
        pipelineRuns: 1,
        pipelineMs: 40,
        quotas: {},
        queryTimeTodayMs: 150,
        overQuota: [],
      },
      {
        domain: 'hr',
        products: 0,
        storageBytes: 0,
        queries: 0,
        queryTimeMs: 0,
        bytesScanned: 0,
        pipelineRuns: 0,
        pipelineMs: 0,
        quotas: { queryTimePerDayMs: 60_000 },
        queryTimeTodayMs: 0,
        overQuota: [],
      },
      {
        domain: 'sales',
        products: 2,
        storageBytes: 5000,
        queries: 2,
        queryTimeMs: 2100,
        bytesScanned: 1100,
        pipelineRuns: 3,
        pipelineMs: 900,
        quotas: { storageBytes: 5000, queryTimePerDayMs: 1000 },
        // Yesterday's 2000 ms do not count against today's quota.
        queryTimeTodayMs: 100,
        overQuota: ['storageBytes'],
      },
    ]);
  });

  it('by product: file and WAL bytes, and pipeline compute', () => {
    expect(costReport('product', FACTS).rows).toEqual([
      {
        product: 'crm.customers',
        domain: 'crm',
        storageBytes: 1000,
        fileBytes: 1000,
        walBytes: 0,
        pipelineRuns: 1,
        pipelineMs: 40,
      },
      {
        product: 'sales.orders',
        domain: 'sales',
        storageBytes: 3500,
        fileBytes: 3000,
        walBytes: 500,
        pipelineRuns: 3,
        pipelineMs: 900,
      },
      {
        product: 'sales.returns',
        domain: 'sales',
        storageBytes: 1500,
        fileBytes: 1500,
        walBytes: 0,
        pipelineRuns: 0,
        pipelineMs: 0,
      },
    ]);
  });

  it('by consumer: each query once in the totals, and per domain read', () => {
    expect(costReport('consumer', FACTS).rows).toEqual([
      {
        consumer: 'ana',
        queries: 2,
        queryTimeMs: 2100,
        bytesScanned: 1400,
        rows: 20,
        domains: [
          { domain: 'crm', queries: 1, queryTimeMs: 100, bytesScanned: 300 },
          { domain: 'sales', queries: 2, queryTimeMs: 2100, bytesScanned: 1100 },
        ],
      },
      {
        consumer: 'bo',
        queries: 1,
        queryTimeMs: 50,
        bytesScanned: 20,
        rows: 10,
        domains: [{ domain: 'crm', queries: 1, queryTimeMs: 50, bytesScanned: 20 }],
      },
    ]);
  });
});
