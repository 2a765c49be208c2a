import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../src/errors/index.js';
import {
  loadMesh,
  MemoryRunRecorder,
  MeshRuntime,
  productAlias,
  productRunOrder,
  type RuntimeProduct,
} from '../../src/runtime/index.js';
import { copyShop, placeSampleInputs } from './support/shop.js';
import { removeWorkspace } from './support/workspace.js';

let root: string;
let runtime: MeshRuntime;
let products: readonly RuntimeProduct[];
const recorder = new MemoryRunRecorder();

async function all(sql: string, limit?: number) {
  const stream = await runtime.runQuery(sql, limit === undefined ? {} : { limit });
  const rows = [];
  for await (const chunk of stream) rows.push(...chunk);
  return { rows, truncated: stream.truncated(), columns: stream.columns.map((c) => c.name) };
}

function expectedRows(product: RuntimeProduct, port: string): number {
  const text = readFileSync(path.join(product.dir, 'tests', 'expected', `${port}.csv`), 'utf8');
  return text.trim().split('\n').length - 1;
}

beforeAll(async () => {
  root = copyShop();
  const mesh = await loadMesh(root);
  expect(mesh.problems).toEqual([]);
  products = mesh.products;
  expect(placeSampleInputs(products)).toBe(5);
  runtime = await MeshRuntime.open({ workspace: root, recorder, settleMs: 0 });
  await runtime.deploy(products);
  for (const product of productRunOrder(products)) {
    const result = await runtime.runProduct(product, { trigger: 'test' });
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true);
  }
});

afterAll(async () => {
  await runtime?.close();
  removeWorkspace(root);
});

describe('the shop demo mesh, end to end', () => {
  it('runs products after the products they read', () => {
    const order = productRunOrder(products).map((p) => p.id);
    expect(order.indexOf('orders.orders')).toBeLessThan(order.indexOf('inventory.stock_levels'));
    expect(order.indexOf('shipping.shipments')).toBeLessThan(order.indexOf('customers.customer_360'));
  });

  it('builds every output port with the rows of its expected sample', async () => {
    for (const product of products) {
      for (const port of product.outputs) {
        const { rows } = await all(
          `select count(*)::INT as n from ${product.domain}.${product.sqlName}.${port.name}`,
        );
        expect(rows, `${product.id}/${port.name}`).toEqual([{ n: expectedRows(product, port.name) }]);
      }
    }
  });

  it('builds exactly the expected samples (tests/expected/<port>.csv)', async () => {
    for (const product of products) {
      for (const port of product.outputs) {
        const expected = path.join(product.dir, 'tests', 'expected', `${port.name}.csv`);
        const actual = `"${productAlias(product.id)}".main."${port.name}"`;
        const columns = port.columns.map((c) => `CAST("${c.name}" AS VARCHAR) AS "${c.name}"`).join(', ');
        const diff = await runtime.hub.query(
          `(SELECT ${columns} FROM read_csv('${expected}', all_varchar = true) EXCEPT ALL SELECT ${columns} FROM ${actual})
           UNION ALL
           (SELECT ${columns} FROM ${actual} EXCEPT ALL SELECT ${columns} FROM read_csv('${expected}', all_varchar = true))`,
        );
        expect(diff, `${product.id}/${port.name}`).toEqual([]);
      }
    }
  });

  it('reads another product through the hub (customer_360 from customers, orders, shipments)', async () => {
    const { rows } = await all(
      "select customer_id, orders_count, lifetime_value, customer_segment from customers.customer_360 where customer_id = 'C-1001'",
    );
    expect(rows).toEqual([
      { customer_id: 'C-1001', orders_count: '3', lifetime_value: '199.80', customer_segment: 'repeat' },
    ]);
  });

  it('resolves domain.port, domain.product and domain.product.port names', async () => {
    const short = await all('select count(*)::INT as n from orders.order_lines');
    const full = await all('select count(*)::INT as n from orders.orders.order_lines');
    const explicit = await all('select count(*)::INT as n from orders.main.order_lines');
    const byProduct = await all('select count(*)::INT as n from orders.orders');
    const ordersPort = await all('select count(*)::INT as n from orders.orders.orders');
    expect(short.rows).toEqual(full.rows);
    expect(explicit.rows).toEqual(full.rows);
    expect(byProduct.rows).toEqual(ordersPort.rows);
    expect(short.rows).not.toEqual(byProduct.rows);
    const joined = await all(
      `select o.order_id, count(*)::INT as lines from orders.orders o join orders.order_lines l using (order_id)
       join customers.customers c using (customer_id) group by all order by 1 limit 2`,
    );
    expect(joined.rows).toEqual([
      { order_id: 'O-5001', lines: 2 },
      { order_id: 'O-5002', lines: 2 },
    ]);
  });

  it('stops at the row limit and says so', async () => {
    const limited = await all('select * from orders.order_lines', 2);
    expect(limited.rows).toHaveLength(2);
    expect(limited.truncated).toBe(true);
    expect(limited.columns).toContain('line_amount');
  });

  it('refuses tables that are not mesh names, with the position', async () => {
    const error = await runtime.runQuery('select *\nfrom orders.secret_table').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).message).toBe(
      '"orders.secret_table" is not an output port of the mesh; name output ports as domain.product or domain.product.port (line 2, column 6)',
    );
  });

  it('records a run per ingest and per transform', () => {
    const kinds = recorder.runs.map((r) => `${r.productId}/${r.port}:${r.kind}:${r.outcome?.status}`);
    expect(kinds).toContain('orders.orders/shop_orders:ingest:succeeded');
    expect(kinds).toContain('customers.customer_360/customer_360:transform:succeeded');
    expect(recorder.runs.every((r) => r.outcome?.status === 'succeeded')).toBe(true);
  });
});
