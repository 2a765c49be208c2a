import { describe, expect, it } from 'vitest';
import { type TableRef, TableRowCache, tableKey, tableRowsSql } from './table-rows.js';

describe('table row counts', () => {
  it('asks the catalog for the output tables of the named product catalogs, quoted', () => {
    expect(tableRowsSql(['p_sales_orders', "p_o'brien", 'p_sales_orders'])).toBe(
      "SELECT database_name, table_name, estimated_size FROM duckdb_tables() WHERE schema_name = 'main' AND database_name IN ('p_sales_orders', 'p_o''brien')",
    );
  });

  it('reuses a count until it is older than the TTL, and asks only for the stale ones', async () => {
    const asked: string[][] = [];
    let rows = 10;
    let now = 1000;
    const cache = new TableRowCache(
      async (tables: readonly TableRef[]) => {
        asked.push(tables.map((t) => t.table));
        return new Map(tables.filter((t) => t.table !== 'a_view').map((t) => [tableKey(t), rows]));
      },
      60_000,
      () => now,
    );
    const a = { alias: 'p_x', table: 'a' };
    const b = { alias: 'p_x', table: 'b' };
    const view = { alias: 'p_x', table: 'a_view' };
    expect([...(await cache.rows([a, view])).values()]).toEqual([10, 0]);
    rows = 20;
    now += 59_999;
    expect([...(await cache.rows([a, b])).values()]).toEqual([10, 20]);
    now += 1;
    expect([...(await cache.rows([a])).values()]).toEqual([20]);
    expect(asked).toEqual([['a', 'a_view'], ['b'], ['a']]);
  });
});
