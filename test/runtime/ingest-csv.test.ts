import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSalesMesh } from './support/sales-fixture.js';
import { ORDERS_DIR } from './support/sales-mesh.js';
import { writeFiles } from './support/workspace.js';

const HEADER = 'order_id,quantity,price,status,ordered_at,note';
const GOOD = `${HEADER}
O-1,2,19.90,placed,2025-01-02 10:00:00,first
O-2,1,5.00,paid,2025-01-03T11:00:00Z,
`;

const { mesh, root, rows, run, portResult } = useSalesMesh();

describe('file input port: CSV', () => {
  it('stores valid rows typed and quarantines the others with reasons and positions', async () => {
    writeFiles(root(), {
      [`${ORDERS_DIR}/data/orders/a.csv`]: `${GOOD}X-3,1,1.00,placed,2025-01-04 00:00:00,
O-4,0,1.00,placed,2025-01-04 00:00:00,
O-5,1.5,1.00,placed,2025-01-04 00:00:00,
O-6,1,abc,shipped,not a date,this note is too long
,1,1.00,placed,2025-01-04 00:00:00,
`,
    });
    const result = await run();
    expect(result.ok).toBe(true);
    const port = portResult(result, 'raw_orders');
    expect(port).toMatchObject({ filesIngested: 1, rowsAccepted: 2, rowsQuarantined: 5 });

    const stored = await rows(
      `SELECT order_id, quantity, price, status, ordered_at, note, typeof(quantity) AS qt, typeof(price) AS pt
       FROM p_sales_orders.input.raw_orders ORDER BY order_id`,
    );
    expect(stored).toEqual([
      {
        order_id: 'O-1',
        quantity: 2,
        price: '19.90',
        status: 'placed',
        ordered_at: '2025-01-02 10:00:00',
        note: 'first',
        qt: 'INTEGER',
        pt: 'DECIMAL(10,2)',
      },
      {
        order_id: 'O-2',
        quantity: 1,
        price: '5.00',
        status: 'paid',
        ordered_at: '2025-01-03 11:00:00',
        note: null,
        qt: 'INTEGER',
        pt: 'DECIMAL(10,2)',
      },
    ]);

    const quarantined = await mesh().runtime.listQuarantine('sales.orders', { port: 'raw_orders' });
    const byPosition = new Map(quarantined.map((q) => [q.position, q]));
    expect([...byPosition.keys()].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(byPosition.get(3)?.reason).toBe("order_id: 'X-3' does not match the pattern ^O-[0-9]+$");
    expect(byPosition.get(4)?.reason).toBe("quantity: '0' is below the minimum 1");
    expect(byPosition.get(5)?.reason).toBe("quantity: '1.5' is not a whole number");
    expect(byPosition.get(6)?.reason).toBe(
      "price: 'abc' is not a valid DECIMAL(10,2); status: 'shipped' is not one of placed, paid; " +
        "ordered_at: 'not a date' is not a valid TIMESTAMP; note: 'this note is too long' is longer than 10 characters",
    );
    expect(byPosition.get(7)?.reason).toBe('order_id: a value is required');
    expect(byPosition.get(6)?.source).toBe(path.join(root(), ORDERS_DIR, 'data/orders/a.csv'));
    expect(byPosition.get(6)?.record).toMatchObject({ order_id: 'O-6', price: 'abc', status: 'shipped' });
    expect(await mesh().runtime.quarantineCounts('sales.orders')).toEqual(new Map([['raw_orders', 5]]));
  });

  it('ingests nothing twice when run again', async () => {
    writeFiles(root(), { [`${ORDERS_DIR}/data/orders/a.csv`]: GOOD });
    expect(portResult(await run(), 'raw_orders').rowsAccepted).toBe(2);
    const again = portResult(await run(), 'raw_orders');
    expect(again.files).toEqual([]);
    expect(await rows('SELECT count(*)::INT AS n FROM p_sales_orders.input.raw_orders')).toEqual([{ n: 2 }]);
  });

  it('reports a file that cannot be parsed, stores nothing of it and does not retry it', async () => {
    writeFiles(root(), {
      [`${ORDERS_DIR}/data/orders/a.csv`]: GOOD,
      [`${ORDERS_DIR}/data/orders/b.csv`]: `${HEADER}\nO-9,1,"1.00,placed,2025-01-04 00:00:00,\nO-10,1\n`,
    });
    const first = portResult(await run(), 'raw_orders');
    expect(first.filesIngested).toBe(1);
    expect(first.filesFailed).toBe(1);
    const failed = first.files.find((f) => f.path.endsWith('b.csv'));
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toMatch(/CSV|sniff|Invalid Input/i);
    expect(await rows('SELECT count(*)::INT AS n FROM p_sales_orders.input.raw_orders')).toEqual([{ n: 2 }]);
    expect(await mesh().runtime.quarantineCounts('sales.orders')).toEqual(new Map());
    const ledger = await rows(
      `SELECT status, error IS NOT NULL AS has_error, rows_accepted::INT AS n FROM p_sales_orders._meshplane.ingested_files WHERE path LIKE '%b.csv'`,
    );
    expect(ledger).toEqual([{ status: 'failed', has_error: true, n: 0 }]);
    expect(portResult(await run(), 'raw_orders').files).toEqual([]);

    // Fixed (new content, new mtime): tried again and ingested.
    writeFiles(root(), {
      [`${ORDERS_DIR}/data/orders/b.csv`]: `${HEADER}\nO-9,1,1.00,placed,2025-01-04 00:00:00,\n`,
    });
    const fixed = portResult(await run(), 'raw_orders');
    expect(fixed).toMatchObject({ filesIngested: 1, filesFailed: 0, rowsAccepted: 1 });
  });

  it('fails a file that lacks a required column, without storing anything', async () => {
    writeFiles(root(), {
      [`${ORDERS_DIR}/data/orders/a.csv`]: 'order_id,price,ordered_at\nO-1,1.00,2025-01-01\n',
    });
    const result = portResult(await run(), 'raw_orders');
    expect(result.files[0]).toMatchObject({
      status: 'failed',
      error: 'the file has no column quantity (required by the contract)',
    });
  });

  it('replaces the rows of a file whose content changed, and skips a file only touched', async () => {
    const file = path.join(root(), ORDERS_DIR, 'data/orders/a.csv');
    writeFiles(root(), { [`${ORDERS_DIR}/data/orders/a.csv`]: GOOD });
    utimesSync(file, new Date('2025-01-01'), new Date('2025-01-01'));
    await run();
    writeFileSync(
      file,
      `${HEADER}\nO-7,3,3.00,paid,2025-02-01 00:00:00,\nX,1,1.00,paid,2025-02-01 00:00:00,\n`,
    );
    utimesSync(file, new Date('2025-01-02'), new Date('2025-01-02'));
    const changed = portResult(await run(), 'raw_orders');
    expect(changed).toMatchObject({ filesIngested: 1, rowsAccepted: 1, rowsQuarantined: 1 });
    expect(await rows('SELECT order_id FROM p_sales_orders.input.raw_orders')).toEqual([{ order_id: 'O-7' }]);

    utimesSync(file, new Date('2025-01-03'), new Date('2025-01-03'));
    const touched = portResult(await run(), 'raw_orders');
    expect(touched.files.map((f) => f.status)).toEqual(['unchanged']);
    expect(await rows('SELECT order_id FROM p_sales_orders.input.raw_orders')).toEqual([{ order_id: 'O-7' }]);
    expect(await mesh().runtime.quarantineCounts('sales.orders')).toEqual(new Map([['raw_orders', 1]]));
    expect(portResult(await run(), 'raw_orders').files).toEqual([]);
  });
});

describe('file input port: contract problems', () => {
  it('a pattern DuckDB cannot compile fails the port, not the files', async () => {
    writeFiles(root(), { [`${ORDERS_DIR}/data/orders/a.csv`]: GOOD });
    const product = mesh().product('sales.orders');
    const input = product.inputs.find((i) => i.name === 'raw_orders');
    if (input === undefined || input.kind === 'product') throw new Error('raw_orders');
    const broken = {
      ...input,
      columns: input.columns.map((c) => (c.name === 'order_id' ? { ...c, pattern: '(' } : c)),
    };
    const result = await mesh().runtime.runProduct(
      { ...product, inputs: product.inputs.map((i) => (i.name === 'raw_orders' ? broken : i)) },
      { trigger: 'manual' },
    );
    const step = result.ingests.find((i) => i.port === 'raw_orders');
    expect(step?.status).toBe('failed');
    expect(step?.error?.message).toMatch(
      /^input port raw_orders: the pattern of column order_id is not a valid regular expression/,
    );
    expect(await rows('SELECT count(*)::INT AS n FROM p_sales_orders._meshplane.ingested_files')).toEqual([
      { n: 0 },
    ]);
  });
});
