import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/demo/catalog.js';
import {
  type GenerateProgress,
  type GenerateShopDataResult,
  generateShopData,
} from '../../src/demo/index.js';
import { copyShop, removeShop } from './shop-copy.js';
import { openSourceTables, type SourceTables, violationPredicate } from './source-tables.js';

const REFERENCE = Date.UTC(2026, 0, 1);
const MONTHS = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`);

/** Every file under `dir`, relative, sorted, with its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f))] as const)));
}

describe('generateShopData, small scale', () => {
  let dir: string;
  let result: GenerateShopDataResult;
  let db: SourceTables;
  const progress: GenerateProgress[] = [];

  beforeAll(async () => {
    dir = await copyShop();
    result = await generateShopData({ workspaceDir: dir, onProgress: (p) => progress.push(p) });
    db = await openSourceTables(dir, result);
  });

  afterAll(async () => {
    db?.close();
    await removeShop(dir);
  });

  it("writes each input contract's files where its server's path points, in its format", () => {
    expect(result.skipped).toEqual([]);
    const byTable = Object.fromEntries(result.sources.map((s) => [s.table, s]));
    expect(Object.keys(byTable).sort()).toEqual([
      'carrier_events',
      'crm_customers',
      'shop_order_lines',
      'shop_orders',
      'warehouse_stock',
    ]);
    expect(byTable.shop_orders?.format).toBe('ndjson');
    expect(byTable.shop_orders?.files).toEqual(
      MONTHS.map((m) => `domains/orders/orders/data/orders/${m}.ndjson`),
    );
    expect(byTable.shop_order_lines?.files).toEqual(
      MONTHS.map((m) => `domains/orders/orders/data/order_lines/${m}.csv`),
    );
    expect(byTable.carrier_events?.files).toEqual(
      MONTHS.map((m) => `domains/shipping/shipments/data/tracking/${m}.ndjson`),
    );
    expect(byTable.crm_customers?.files).toEqual(
      ['2024-12', ...MONTHS].map((m) => `domains/customers/customers/data/customers/customers-${m}.csv`),
    );
    expect(byTable.warehouse_stock?.files).toHaveLength(28);
    expect(byTable.warehouse_stock?.files[0]).toBe(
      'domains/inventory/stock-levels/data/stock/stock-WH-BER-2025121806.csv',
    );
  });

  it('has the sizes of the small scale', async () => {
    expect(await db.count('SELECT count(*) FROM shop_order_lines')).toBe(15_000);
    const orders = await db.count('SELECT count(DISTINCT order_id) FROM shop_orders');
    expect(orders).toBeGreaterThan(4500);
    expect(orders).toBeLessThan(5500);
    expect(await db.count('SELECT count(DISTINCT customer_id) FROM crm_customers')).toBe(1000);
  });

  it("writes the contracts' columns, in order, under their physical names", async () => {
    for (const report of result.sources) {
      const input = db.inputs.get(report.table);
      const names = input?.table.properties.map((p) => p.physicalName) ?? [];
      for (const file of report.files) {
        const first = (await readFile(path.join(dir, file), 'utf8')).split('\n', 1)[0] ?? '';
        if (report.format === 'csv') expect(first).toBe(names.join(','));
        else expect(Object.keys(JSON.parse(first))).toEqual(names);
      }
    }
  });

  it('writes values DuckDB reads with the types the contracts declare, and as many rows as reported', async () => {
    // openSourceTables read every file with the contract's column types: a wrong value fails there.
    for (const report of result.sources) {
      expect(await db.count(`SELECT count(*) FROM ${report.table}`)).toBe(report.rows);
    }
    // Timestamps as the sample files write them: ISO 8601 with Z in JSON, SQL style in CSV.
    const orders = await readFile(path.join(dir, 'domains/orders/orders/data/orders/2025-01.ndjson'), 'utf8');
    expect(JSON.parse(orders.split('\n', 1)[0] ?? '').ordered_at).toMatch(/^2025-01-\d\dT\d\d:\d\d:\d\dZ$/);
    const customers = await readFile(
      path.join(dir, 'domains/customers/customers/data/customers/customers-2025-01.csv'),
      'utf8',
    );
    expect(customers.split('\n')[1]).toMatch(/,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,2025-01-\d\d \d\d:\d\d:\d\d$/);
    const types = await db.rows(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'crm_customers' ORDER BY ordinal_position",
    );
    expect(types.map((t) => t.data_type)).toContain('TIMESTAMP');
    expect(types.find((t) => t.column_name === 'birth_date')?.data_type).toBe('DATE');
  });

  it('breaks one row in 200, and only those rows break their contract', async () => {
    for (const report of result.sources) {
      const input = db.inputs.get(report.table);
      const predicate = violationPredicate(input?.table.properties ?? []);
      const broken = await db.count(`SELECT count(*) FROM ${report.table} WHERE ${predicate}`);
      expect(broken, report.table).toBe(report.badRows);
      expect(Math.abs(report.badRows - report.rows / 200), report.table).toBeLessThanOrEqual(1);
    }
    const kinds = await db.rows(
      `SELECT DISTINCT status FROM shop_orders WHERE status IS NULL OR status NOT IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled', 'returned')`,
    );
    expect(kinds.length).toBeGreaterThan(0);
  });

  it('keeps references whole across domains', async () => {
    const orphans = {
      'orders without a customer':
        'SELECT count(*) FROM shop_orders o WHERE NOT EXISTS (SELECT 1 FROM crm_customers c WHERE c.customer_id = o.customer_id)',
      'lines without an order':
        'SELECT count(*) FROM shop_order_lines l WHERE NOT EXISTS (SELECT 1 FROM shop_orders o WHERE o.order_id = l.order_id)',
      'orders without lines':
        'SELECT count(*) FROM shop_orders o WHERE NOT EXISTS (SELECT 1 FROM shop_order_lines l WHERE l.order_id = o.order_id)',
      'lines of SKUs Berlin does not stock':
        "SELECT count(*) FROM shop_order_lines l WHERE NOT EXISTS (SELECT 1 FROM warehouse_stock s WHERE s.sku = l.sku AND s.warehouse_id = 'WH-BER')",
      'parcels without an order':
        'SELECT count(*) FROM carrier_events e WHERE NOT EXISTS (SELECT 1 FROM shop_orders o WHERE o.order_id = e.order_id)',
      'parcels for two orders':
        'SELECT count(*) FROM (SELECT shipment_id FROM carrier_events GROUP BY 1 HAVING count(DISTINCT order_id) > 1)',
      'duplicate order lines':
        'SELECT count(*) FROM (SELECT order_id, line_number FROM shop_order_lines GROUP BY ALL HAVING count(*) > 1)',
      'orders before their customer':
        'SELECT count(*) FROM shop_orders o JOIN (SELECT customer_id, min(created_at) AS opened FROM crm_customers GROUP BY 1) c USING (customer_id) WHERE CAST(o.ordered_at AS TIMESTAMP) < c.opened',
      'scans before their order':
        'SELECT count(*) FROM carrier_events e JOIN shop_orders o USING (order_id) WHERE CAST(e.event_at AS TIMESTAMP) < CAST(o.ordered_at AS TIMESTAMP)',
    };
    for (const [what, sql] of Object.entries(orphans)) expect(await db.count(sql), what).toBe(0);
    const skus = await db.rows('SELECT DISTINCT sku FROM warehouse_stock');
    const catalog = new Set(CATALOG.map((a) => a.sku));
    for (const { sku } of skus) expect(catalog.has(String(sku))).toBe(true);
  });

  it('spreads orders over the 365 days before the reference date; a few customers buy a lot', async () => {
    const [span] = await db.rows(
      'SELECT min(CAST(ordered_at AS TIMESTAMP)) AS first, max(CAST(ordered_at AS TIMESTAMP)) AS last FROM shop_orders',
    );
    expect(new Date(String(span?.first)).getTime()).toBeGreaterThanOrEqual(REFERENCE - 365 * 86_400_000);
    expect(new Date(String(span?.last)).getTime()).toBeLessThan(REFERENCE);
    const [share] = await db.rows(`
      WITH per_customer AS (SELECT customer_id, count(DISTINCT order_id) AS n FROM shop_orders GROUP BY 1),
           ranked AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS r FROM per_customer)
      SELECT sum(n) FILTER (WHERE r <= 10) / sum(n) AS top_share FROM ranked`);
    expect(Number(share?.top_share)).toBeGreaterThan(0.08);
    const buyers = await db.count('SELECT count(DISTINCT customer_id) FROM shop_orders');
    expect(buyers).toBeLessThan(950);
    const perOrder = await db.count('SELECT count(*) / count(DISTINCT order_id) FROM shop_order_lines');
    expect(perOrder).toBeGreaterThan(2.7);
    expect(perOrder).toBeLessThan(3.3);
  });

  it('reports progress file by file, ending with the total', () => {
    const done = progress.filter((p) => p.done);
    expect(done.map((p) => p.file)).toEqual(result.sources.flatMap((s) => s.files));
    expect(done.at(-1)?.totalRows).toBe(result.totalRows);
    for (const p of progress) expect(p.rows).toBeGreaterThan(0);
  });

  it('is byte-identical for the same seed, and different for another', async () => {
    const again = await copyShop();
    const other = await copyShop();
    try {
      await generateShopData({ workspaceDir: again, seed: 1 });
      await generateShopData({ workspaceDir: other, seed: 2 });
      const [a, b, c] = await Promise.all([snapshot(dir), snapshot(again), snapshot(other)]);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [file, bytes] of a) expect(bytes.equals(b.get(file) ?? Buffer.alloc(0)), file).toBe(true);
      const orders = 'domains/orders/orders/data/orders/2025-06.ndjson';
      expect(a.get(orders)?.equals(c.get(orders) ?? Buffer.alloc(0))).toBe(false);
    } finally {
      await Promise.all([removeShop(again), removeShop(other)]);
    }
  });
});
