/** The control store's cost queries, run on every backend (SQLite here, PostgreSQL when reachable). */
import { describe, expect, it } from 'vitest';
import type { QueryCostInput } from '../../src/store/index.js';
import { openControlDatabase } from '../../src/store/open-control-database.js';
import { rejection, type StoreBackend, useStoreHarness } from '../store/store-harness.js';

function query(
  at: string,
  consumer: string,
  durationMs: number,
  domains: [string, number][],
): QueryCostInput {
  return {
    at: new Date(at),
    consumer,
    durationMs,
    rows: 10,
    bytesScanned: domains.reduce((sum, [, b]) => sum + b, 0),
    domains: domains.map(([domain, bytesScanned]) => ({ domain, bytesScanned })),
  };
}

/** Registers the cases on `backend`. */
export function costStoreCases(backend: StoreBackend): void {
  describe(`query cost and pipeline compute (${backend.name})`, () => {
    const h = useStoreHarness(backend);

    it('adds queries to day totals per consumer, and per domain read with its own bytes', async () => {
      await h.store.recordQueryCost(
        query('2026-05-01T10:00:00Z', 'ana', 100, [
          ['sales', 800],
          ['crm', 200],
        ]),
      );
      await h.store.recordQueryCost(query('2026-05-01T23:59:59.999Z', 'ana', 50, [['sales', 100]]));
      await h.store.recordQueryCost(query('2026-05-02T00:00:00Z', 'ana', 7, [['sales', 1]]));
      await h.store.recordQueryCost(query('2026-05-01T11:00:00Z', 'bo', 5_000_000_000, []));

      expect(await h.store.listConsumerQueryCosts({ fromDay: '2026-05-01', toDay: '2026-05-01' })).toEqual([
        { day: '2026-05-01', consumer: 'ana', queries: 2, durationMs: 150, bytesScanned: 1100, rows: 20 },
        // Past 32 bits, read back as a number on both backends; a query of no domain counts for its consumer.
        {
          day: '2026-05-01',
          consumer: 'bo',
          queries: 1,
          durationMs: 5_000_000_000,
          bytesScanned: 0,
          rows: 10,
        },
      ]);
      expect(await h.store.listDomainQueryCosts({ fromDay: '2026-05-01', toDay: '2026-05-02' })).toEqual([
        {
          day: '2026-05-01',
          domain: 'crm',
          consumer: 'ana',
          queries: 1,
          durationMs: 100,
          bytesScanned: 200,
          rows: 10,
        },
        {
          day: '2026-05-01',
          domain: 'sales',
          consumer: 'ana',
          queries: 2,
          durationMs: 150,
          bytesScanned: 900,
          rows: 20,
        },
        {
          day: '2026-05-02',
          domain: 'sales',
          consumer: 'ana',
          queries: 1,
          durationMs: 7,
          bytesScanned: 1,
          rows: 10,
        },
      ]);
      const salesToday = await h.store.listDomainQueryCosts({
        fromDay: '2026-05-02',
        toDay: '2026-05-02',
        domain: 'sales',
      });
      expect(salesToday.map((c) => c.durationMs)).toEqual([7]);
      expect(
        await h.store.listConsumerQueryCosts({ fromDay: '2026-05-01', toDay: '2026-05-02', consumer: 'bo' }),
      ).toHaveLength(1);
    });

    it('counts every one of many concurrent queries', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          h.store.recordQueryCost(
            query('2026-05-01T10:00:00Z', i % 2 === 0 ? 'ana' : 'bo', 10, [
              ['sales', 1],
              ['crm', 2],
            ]),
          ),
        ),
      );
      const domains = await h.store.listDomainQueryCosts({ fromDay: '2026-05-01', toDay: '2026-05-01' });
      expect(domains.reduce((sum, c) => sum + c.queries, 0)).toBe(40);
      expect(domains.filter((c) => c.domain === 'sales').reduce((sum, c) => sum + c.durationMs, 0)).toBe(200);
    });

    it('refuses values it cannot keep', async () => {
      await rejection(h.store.recordQueryCost(query('2026-05-01T10:00:00Z', '', 1, [])), 'INVALID_INPUT');
      await rejection(h.store.recordQueryCost(query('2026-05-01T10:00:00Z', 'ana', -1, [])), 'INVALID_INPUT');
      await rejection(
        h.store.recordQueryCost(query('2026-05-01T10:00:00Z', 'ana', 1.5, [])),
        'INVALID_INPUT',
      );
      await rejection(h.store.recordQueryCost(query('not a date', 'ana', 1, [])), 'INVALID_INPUT');
      await rejection(
        h.store.listDomainQueryCosts({ fromDay: 'yesterday', toDay: '2026-05-01' }),
        'INVALID_INPUT',
      );
      expect(await h.store.listConsumerQueryCosts({ fromDay: '2026-01-01', toDay: '2026-12-31' })).toEqual(
        [],
      );
    });

    it('sums finished runs per product since a time, from the runs table', async () => {
      const running = await h.store.startRun({
        productId: 'sales.orders',
        port: 'orders',
        trigger: 'manual',
        mode: 'full',
      });
      const { db } = await openControlDatabase(h.database.options);
      try {
        const run = (id: string, product: string, started: string, finished: string | null) => ({
          id,
          product_id: product,
          port: 'orders',
          trigger: 'manual',
          mode: 'full',
          status: finished === null ? 'running' : 'succeeded',
          rows_in: null,
          rows_out: null,
          error: null,
          started_at: started,
          finished_at: finished,
        });
        await db
          .insertInto('runs')
          .values([
            run('r1', 'sales.orders', '2026-05-01T10:00:00.000Z', '2026-05-01T10:00:01.500Z'),
            run('r2', 'sales.orders', '2026-05-02T10:00:00.000Z', '2026-05-02T10:00:00.250Z'),
            run('r3', 'crm.leads', '2026-05-02T10:00:00.000Z', '2026-05-02T10:01:00.000Z'),
            run('r4', 'crm.leads', '2026-04-30T10:00:00.000Z', '2026-04-30T11:00:00.000Z'),
          ])
          .execute();
      } finally {
        await db.destroy();
      }
      // The run still running (started now, after these) is not counted; nor is the one before `since`.
      expect(running).not.toBe('');
      expect(await h.store.listRunCompute(new Date('2026-05-01T00:00:00Z'))).toEqual([
        { productId: 'crm.leads', runs: 1, durationMs: 60_000 },
        { productId: 'sales.orders', runs: 2, durationMs: 1750 },
      ]);
    });
  });
}
