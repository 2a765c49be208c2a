import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDuckDBEngine,
  type DuckDBDriver,
  type DuckDBSession,
  parseDuckDBConfig,
} from '../../src/engines/duckdb/index.js';
import { ensureTable, ensureView } from '../../src/runtime/table-shape.js';

let dir: string;
let hub: DuckDBDriver;
const target = ['p_x', 'main', 'lines'] as const;
const v1 = [
  { name: 'id', sqlType: 'VARCHAR', notNull: true },
  { name: 'qty', sqlType: 'INTEGER', notNull: false },
];

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meshplane-shape-'));
  hub = await createDuckDBEngine(parseDuckDBConfig({ threads: 1 })).open();
  await hub.attach('p_x', path.join(dir, 'x.duckdb'));
});

afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const inTx = <T>(fn: (tx: DuckDBSession) => Promise<T>) =>
  hub.withSession((session) => session.transaction(fn));

async function rows(sql: string) {
  return hub.withSession((s) => s.query(sql));
}

describe('ensureTable', () => {
  it('creates a table, keeps it when the shape is the same, and rebuilds it when a column is added', async () => {
    expect(await inTx((tx) => ensureTable(tx, target, v1, ['id']))).toBe('created');
    await hub.run("INSERT INTO p_x.main.lines VALUES ('a', 1), ('b', NULL)");
    expect(await inTx((tx) => ensureTable(tx, target, v1, ['id']))).toBe('unchanged');
    const v2 = [...v1, { name: 'discount', sqlType: 'DECIMAL(10,2)', notNull: false }];
    expect(await inTx((tx) => ensureTable(tx, target, v2, ['id']))).toBe('rebuilt');
    expect(await rows('SELECT id, qty, discount FROM p_x.main.lines ORDER BY id')).toEqual([
      { id: 'a', qty: 1, discount: null },
      { id: 'b', qty: null, discount: null },
    ]);
    const tables = await rows("SELECT table_name FROM duckdb_tables() WHERE database_name = 'p_x'");
    expect(tables).toEqual([{ table_name: 'lines' }]);
  });

  it('widens a type by casting the rows, and drops a column no longer declared', async () => {
    await inTx((tx) => ensureTable(tx, target, v1, ['id']));
    await hub.run("INSERT INTO p_x.main.lines VALUES ('a', 7)");
    const widened = [
      { name: 'id', sqlType: 'VARCHAR', notNull: true },
      { name: 'qty', sqlType: 'BIGINT', notNull: false },
    ];
    expect(await inTx((tx) => ensureTable(tx, target, widened, ['id']))).toBe('rebuilt');
    const [column] = await rows(
      "SELECT data_type FROM duckdb_columns() WHERE table_name = 'lines' AND column_name = 'qty'",
    );
    expect(column?.data_type).toBe('BIGINT');
    expect(await inTx((tx) => ensureTable(tx, target, [widened[0] as (typeof widened)[0]], ['id']))).toBe(
      'rebuilt',
    );
    expect(await rows('SELECT * FROM p_x.main.lines')).toEqual([{ id: 'a' }]);
  });

  it('refuses a shape old rows cannot take and leaves the table as it was', async () => {
    await inTx((tx) => ensureTable(tx, target, v1, ['id']));
    await hub.run("INSERT INTO p_x.main.lines VALUES ('a', NULL)");
    const stricter = v1.map((c) => ({ ...c, notNull: true }));
    await expect(inTx((tx) => ensureTable(tx, target, stricter, ['id']))).rejects.toThrow(/NOT NULL/i);
    expect(await rows('SELECT * FROM p_x.main.lines')).toEqual([{ id: 'a', qty: null }]);
    const [column] = await rows(
      "SELECT is_nullable FROM duckdb_columns() WHERE table_name = 'lines' AND column_name = 'qty'",
    );
    expect(column?.is_nullable).toBe(true);
  });

  it('turns a table into a view and back', async () => {
    await inTx((tx) => ensureTable(tx, target, v1, ['id']));
    await inTx((tx) => ensureView(tx, target, "SELECT 'z' AS id, 3 AS qty"));
    expect(await rows('SELECT * FROM p_x.main.lines')).toEqual([{ id: 'z', qty: 3 }]);
    expect(await inTx((tx) => ensureTable(tx, target, v1, ['id']))).toBe('created');
    expect(await rows('SELECT count(*)::INTEGER AS n FROM p_x.main.lines')).toEqual([{ n: 0 }]);
  });
});
