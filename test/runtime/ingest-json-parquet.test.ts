import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { useSalesMesh } from './support/sales-fixture.js';
import { ORDERS_DIR } from './support/sales-mesh.js';
import { writeFiles } from './support/workspace.js';

const { mesh, root, rows, run, portResult } = useSalesMesh();

describe('file input port: NDJSON and Parquet', () => {
  it('ingests NDJSON records, objects and arrays included, and quarantines bad ones by line', async () => {
    writeFiles(root(), {
      [`${ORDERS_DIR}/data/events/e1.ndjson`]: [
        '{"event_id":"e1","amount":4.90,"happened_on":"2025-01-01","tags":["a","b"]}',
        '{"event_id":"e2","amount":"7","extra":true}',
        '{"event_id":"e3","amount":-1}',
        '{"amount":1}',
        '{"event_id":"e5","amount":1,"happened_on":"yesterday"}',
      ].join('\n'),
    });
    const result = portResult(await run(), 'raw_events');
    expect(result).toMatchObject({ rowsAccepted: 2, rowsQuarantined: 3 });
    expect(
      await rows(
        'SELECT event_id, amount, happened_on, tags FROM p_sales_orders.input.raw_events ORDER BY event_id',
      ),
    ).toEqual([
      { event_id: 'e1', amount: 4.9, happened_on: '2025-01-01', tags: '["a","b"]' },
      { event_id: 'e2', amount: 7, happened_on: null, tags: null },
    ]);
    const reasons = (await mesh().runtime.listQuarantine('sales.orders', { port: 'raw_events' }))
      .map((q) => `${q.position}: ${q.reason}`)
      .sort();
    expect(reasons).toEqual([
      "3: amount: '-1' is below the minimum 0",
      '4: event_id: a value is required',
      "5: happened_on: 'yesterday' is not a valid DATE",
    ]);
  });

  it('reports malformed JSON and stores nothing of the file', async () => {
    writeFiles(root(), {
      [`${ORDERS_DIR}/data/events/bad.ndjson`]: '{"event_id":"e1","amount":1}\n{"event_id":\n',
    });
    const result = portResult(await run(), 'raw_events');
    expect(result.files[0]?.status).toBe('failed');
    expect(result.files[0]?.error).toMatch(/JSON/);
    expect(await rows('SELECT count(*)::INT AS n FROM p_sales_orders.input.raw_events')).toEqual([{ n: 0 }]);
  });

  it('ingests Parquet written by DuckDB, checking typed values', async () => {
    const file = path.join(root(), ORDERS_DIR, 'data/lines/l1.parquet');
    writeFiles(root(), { [`${ORDERS_DIR}/data/lines/.keep`]: '' });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM (VALUES (1, 'SKU-1', 10.5), (2, 'AB', 1.0), (3, 'SKU-3', 250.0), (4.5, 'SKU-4', NULL)) t(line_id, sku, weight))
       TO '${file}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const result = portResult(await run(), 'raw_lines');
    expect(result).toMatchObject({ rowsAccepted: 1, rowsQuarantined: 3 });
    expect(await rows('SELECT line_id, sku, weight FROM p_sales_orders.input.raw_lines')).toEqual([
      { line_id: '1', sku: 'SKU-1', weight: 10.5 },
    ]);
    const reasons = (await mesh().runtime.listQuarantine('sales.orders', { port: 'raw_lines' }))
      .map((q) => q.reason)
      .sort();
    expect(reasons).toEqual([
      "line_id: '4.5' is not a whole number",
      "sku: 'AB' is shorter than 3 characters",
      "weight: '250.0' is above the maximum 100",
    ]);
  });
});
