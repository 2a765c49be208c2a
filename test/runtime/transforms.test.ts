import { afterEach, describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../src/errors/index.js';
import { runTransform } from '../../src/runtime/index.js';
import { ORDERS_DIR, salesMesh } from './support/sales-mesh.js';
import { makeWorkspace, openMesh, removeWorkspace, type TestMesh, writeFiles } from './support/workspace.js';

const HEADER = 'order_id,quantity,price,status,ordered_at,note';
const orders = (...lines: string[]) => `${HEADER}\n${lines.join('\n')}\n`;

let mesh: TestMesh | undefined;

async function open(sql: string, refresh: string): Promise<TestMesh> {
  mesh = await openMesh(makeWorkspace(salesMesh(sql, refresh)));
  return mesh;
}

afterEach(async () => {
  if (mesh === undefined) return;
  await mesh.runtime.close();
  removeWorkspace(mesh.root);
  mesh = undefined;
});

async function output(m: TestMesh) {
  return m.runtime.hub.query(
    'SELECT order_id, quantity, status FROM p_sales_orders.main.orders ORDER BY order_id',
  );
}

async function run(m: TestMesh) {
  return m.runtime.runProduct(m.product('sales.orders'), { trigger: 'manual' });
}

describe('transforms', () => {
  it('full replaces the contents with the result', async () => {
    const m = await open('select * from raw_orders', 'full');
    writeFiles(m.root, { [`${ORDERS_DIR}/data/orders/1.csv`]: orders('O-1,1,1.00,placed,2025-01-01,') });
    const first = await run(m);
    expect(first.transforms).toMatchObject([
      { port: 'orders', status: 'succeeded', result: { mode: 'full', rowsIn: 1, rowsOut: 1 } },
    ]);
    writeFiles(m.root, { [`${ORDERS_DIR}/data/orders/2.csv`]: orders('O-2,2,1.00,paid,2025-01-01,') });
    await run(m);
    expect(await output(m)).toEqual([
      { order_id: 'O-1', quantity: 1, status: 'placed' },
      { order_id: 'O-2', quantity: 2, status: 'paid' },
    ]);
    const transforms = m.recorder.runs.filter((r) => r.kind === 'transform');
    expect(transforms.map((r) => r.outcome?.status)).toEqual(['succeeded', 'succeeded']);
    expect(transforms[1]?.outcome).toMatchObject({ rowsIn: 2, rowsOut: 2 });
  });

  it('append inserts the result; the transform can read what the port holds', async () => {
    const sql = 'select * from raw_orders\nwhere order_id not in (select order_id from orders);';
    const m = await open(sql, 'append');
    writeFiles(m.root, { [`${ORDERS_DIR}/data/orders/1.csv`]: orders('O-1,1,1.00,placed,2025-01-01,') });
    await run(m);
    writeFiles(m.root, { [`${ORDERS_DIR}/data/orders/2.csv`]: orders('O-2,2,1.00,paid,2025-01-01,') });
    const second = await run(m);
    expect(second.transforms[0]?.result?.rowsOut).toBe(1);
    expect((await output(m)).map((r) => r.order_id)).toEqual(['O-1', 'O-2']);
  });

  it('append takes in only the input that came since its last run', async () => {
    const m = await open('select * from raw_orders', 'append');
    writeFiles(m.root, { [`${ORDERS_DIR}/data/orders/1.csv`]: orders('O-1,1,1.00,placed,2025-01-01,') });
    await run(m);
    const again = await run(m);
    expect(again.transforms[0]?.result).toMatchObject({ rowsIn: 0, rowsOut: 0 });
    writeFiles(m.root, { [`${ORDERS_DIR}/data/orders/2.csv`]: orders('O-2,2,1.00,paid,2025-01-01,') });
    const third = await run(m);
    expect(third.transforms[0]?.result).toMatchObject({ rowsIn: 1, rowsOut: 1 });
    await run(m);
    expect((await output(m)).map((r) => r.order_id)).toEqual(['O-1', 'O-2']);
  });

  it('merge upserts by the primary key', async () => {
    const sql = `select * from raw_orders
qualify row_number() over (partition by order_id order by ordered_at desc) = 1`;
    const m = await open(sql, 'merge');
    writeFiles(m.root, {
      [`${ORDERS_DIR}/data/orders/1.csv`]: orders(
        'O-1,1,1.00,placed,2025-01-01,',
        'O-2,1,1.00,placed,2025-01-01,',
      ),
    });
    await run(m);
    writeFiles(m.root, { [`${ORDERS_DIR}/data/orders/2.csv`]: orders('O-1,5,1.00,paid,2025-01-02,') });
    await run(m);
    expect(await output(m)).toEqual([
      { order_id: 'O-1', quantity: 5, status: 'paid' },
      { order_id: 'O-2', quantity: 1, status: 'placed' },
    ]);
  });

  it('a failing transform names product, port and position and leaves the data untouched', async () => {
    const m = await open('select * from raw_orders', 'full');
    writeFiles(m.root, { [`${ORDERS_DIR}/data/orders/1.csv`]: orders('O-1,1,1.00,placed,2025-01-01,') });
    await run(m);
    writeFiles(m.root, {
      [`${ORDERS_DIR}/orders.sql`]:
        '-- broken on purpose\nselect order_id, quantity, no_such_column\nfrom raw_orders',
      [`${ORDERS_DIR}/data/orders/2.csv`]: orders('O-2,2,1.00,paid,2025-01-01,'),
    });
    const result = await run(m);
    expect(result.ok).toBe(false);
    const failure = result.transforms[0];
    expect(failure?.status).toBe('failed');
    expect(failure?.error?.code).toBe('ENGINE_ERROR');
    expect(failure?.error?.message).toMatch(
      /^sales\.orders\/orders: transform orders\.sql failed at line 2, column 28: Binder Error: .*no_such_column/,
    );
    expect(await output(m)).toEqual([{ order_id: 'O-1', quantity: 1, status: 'placed' }]);
  });

  it('an error on line 1 reports the column within the file', async () => {
    const m = await open('select nope from raw_orders', 'full');
    const error = await runTransform(
      { hub: m.runtime.hub, workspace: m.root },
      m.product('sales.orders'),
      m.product('sales.orders').outputs[0] as never,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).details).toMatchObject({ line: 1, column: 8, port: 'orders' });
  });

  it('a result breaking the contract (duplicate key, missing required value) is refused whole', async () => {
    const m = await open(
      "select * from raw_orders union all select * from raw_orders where order_id = 'O-1'",
      'full',
    );
    writeFiles(m.root, { [`${ORDERS_DIR}/data/orders/1.csv`]: orders('O-1,1,1.00,placed,2025-01-01,') });
    const result = await run(m);
    expect(result.transforms[0]?.error?.message).toMatch(
      /cannot write the result to the output table: .*(PRIMARY KEY|primary key|Duplicate key)/i,
    );
    expect(await output(m)).toEqual([]);

    writeFiles(m.root, { [`${ORDERS_DIR}/orders.sql`]: 'select order_id, quantity from raw_orders' });
    const missing = await run(m);
    expect(missing.transforms[0]?.error?.message).toMatch(/NOT NULL constraint failed/);
  });

  it('merge refuses a result with two rows for one key', async () => {
    const m = await open('select * from raw_orders', 'merge');
    writeFiles(m.root, {
      [`${ORDERS_DIR}/data/orders/1.csv`]: orders(
        'O-1,1,1.00,placed,2025-01-01,',
        'O-1,2,1.00,paid,2025-01-02,',
      ),
    });
    const result = await run(m);
    expect(result.transforms[0]?.error?.message).toBe(
      'sales.orders/orders: cannot write the result to the output table: the result holds 2 rows with the primary key order_id="O-1"',
    );
  });
});
