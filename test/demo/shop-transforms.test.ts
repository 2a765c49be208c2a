import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateShopData } from '../../src/demo/index.js';
import { normalizeContract } from '../../src/spec/model/normalize-contract.js';
import { copyShop, removeShop } from './shop-copy.js';
import { openSourceTables, type SourceTables, violationPredicate } from './source-tables.js';

/** The demo's transforms in dependency order: output table, product folder, output contract. */
const TRANSFORMS = [
  ['customers', 'domains/customers/customers', 'customers.odcs.yaml'],
  ['orders', 'domains/orders/orders', 'orders.odcs.yaml'],
  ['order_lines', 'domains/orders/orders', 'order_lines.odcs.yaml'],
  ['shipments', 'domains/shipping/shipments', 'shipments.odcs.yaml'],
  ['stock_levels', 'domains/inventory/stock-levels', 'stock_levels.odcs.yaml'],
  ['customer_360', 'domains/customers/customer-360', 'customer_360.odcs.yaml'],
] as const;

/**
 * The generated files run through the demo's own SQL transforms, with the bad rows held back the
 * way a quarantine would: the outputs must then meet their output contracts.
 */
describe('the demo transforms on generated data', () => {
  let dir: string;
  let db: SourceTables;

  beforeAll(async () => {
    dir = await copyShop();
    const result = await generateShopData({ workspaceDir: dir, scale: 6000 });
    db = await openSourceTables(dir, result);
    for (const [table, input] of db.inputs) {
      const predicate = violationPredicate(input.table.properties);
      await db.connection.run(`ALTER TABLE ${table} RENAME TO raw_${table}`);
      await db.connection.run(`CREATE TABLE ${table} AS SELECT * FROM raw_${table} WHERE NOT (${predicate})`);
    }
    for (const [output, folder] of TRANSFORMS) {
      const sql = await readFile(path.join(dir, folder, `${output}.sql`), 'utf8');
      await db.connection.run(`CREATE TABLE ${output} AS ${sql.trim().replace(/;$/, '')}`);
    }
  });

  afterAll(async () => {
    db?.close();
    await removeShop(dir);
  });

  it.each(TRANSFORMS)('%s meets its output contract', async (output, folder, contractFile) => {
    const text = await readFile(path.join(dir, folder, contractFile), 'utf8');
    const table = normalizeContract(parse(text)).schema[0];
    const properties = table?.properties ?? [];
    expect(await db.count(`SELECT count(*) FROM ${output}`)).toBeGreaterThan(0);
    // A quarantined line takes its amount out of its order's totals, and a voucher can then exceed
    // what is left: that is quarantine at work, not bad data, so such orders are not counted here.
    const lines = db.inputs.get('shop_order_lines')?.table.properties ?? [];
    const lostLines = `SELECT order_id FROM raw_shop_order_lines WHERE ${violationPredicate(lines)}`;
    const explained = output === 'orders' ? ` AND order_id NOT IN (${lostLines})` : '';
    const broken = `SELECT count(*) FROM ${output} WHERE (${violationPredicate(properties)})${explained}`;
    expect(await db.count(broken)).toBe(0);
    const key = properties.filter((p) => p.primaryKey).map((p) => p.physicalName);
    expect(key.length).toBeGreaterThan(0);
    const duplicates = `SELECT count(*) FROM (SELECT ${key.join(', ')} FROM ${output} GROUP BY ALL HAVING count(*) > 1)`;
    expect(await db.count(duplicates)).toBe(0);
  });

  it('tells a story worth a demo: every segment, parcels on their way, articles to reorder', async () => {
    const segments = await db.rows('SELECT DISTINCT customer_segment AS s FROM customer_360 ORDER BY 1');
    expect(segments.map((r) => r.s)).toEqual(['loyal', 'new', 'prospect', 'repeat']);
    const statuses = await db.rows('SELECT DISTINCT current_status AS s FROM shipments');
    expect(statuses.map((r) => r.s)).toEqual(expect.arrayContaining(['delivered', 'in_transit']));
    const reorder = await db.rows('SELECT DISTINCT needs_reorder AS r FROM stock_levels ORDER BY 1');
    expect(reorder.map((r) => r.r)).toEqual([false, true]);
    const orderStatuses = await db.rows('SELECT DISTINCT order_status AS s FROM orders ORDER BY 1');
    expect(orderStatuses.map((r) => r.s)).toEqual([
      'cancelled',
      'delivered',
      'paid',
      'placed',
      'returned',
      'shipped',
    ]);
  });
});
