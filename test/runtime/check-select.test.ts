import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../src/errors/index.js';
import { checkSelect } from '../../src/runtime/index.js';
import { ORDERS_DIR, salesMesh } from './support/sales-mesh.js';
import { makeWorkspace, openMesh, removeWorkspace, type TestMesh, writeFiles } from './support/workspace.js';

let mesh: TestMesh;

beforeAll(async () => {
  mesh = await openMesh(makeWorkspace(salesMesh()));
  writeFiles(mesh.root, {
    [`${ORDERS_DIR}/data/orders/1.csv`]:
      'order_id,quantity,price,status,ordered_at,note\nO-1,1,1.00,placed,2025-01-01,\n',
  });
  await mesh.runtime.runProduct(mesh.product('sales.orders'), { trigger: 'test' });
});

afterAll(async () => {
  await mesh.runtime.close();
  removeWorkspace(mesh.root);
});

async function check(sql: string) {
  return mesh.runtime.hub.withSession((session) => checkSelect(session, sql, mesh.runtime.names()));
}

async function refusal(sql: string): Promise<string> {
  const error = await check(sql).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, sql).toBeInstanceOf(MeshplaneError);
  expect((error as MeshplaneError).code).toBe('INVALID_INPUT');
  return (error as MeshplaneError).message;
}

describe('checkSelect accepts', () => {
  it.each([
    'select * from sales.orders',
    'select * from sales.orders.orders',
    'SELECT * FROM Sales.Orders.Orders',
    'from sales.orders select order_id',
    'with recent as (select * from sales.orders) select count(*) from recent',
    'with recursive r(n) as (select 1 union all select n + 1 from r where n < 3) select * from r',
    'select * from sales.orders o where exists (select 1 from sales.orders.orders x where x.order_id = o.order_id)',
    'select 1',
    'select * from (values (1), (2)) v(x)',
    'select * from sales.orders;',
  ])('%s', async (sql) => {
    await expect(check(sql)).resolves.toMatchObject({ sql });
  });

  it('lists the ports a query reads', async () => {
    const checked = await check('select * from sales.orders a join sales.orders.orders b using (order_id)');
    expect(checked.targets).toEqual([
      {
        productId: 'sales.orders',
        port: 'orders',
        alias: 'p_sales_orders',
        portName: 'orders',
        major: 1,
        version: '1.0.0',
        lifecycle: { status: 'active' },
      },
    ]);
  });
});

describe('checkSelect refuses hostile SQL', () => {
  it.each([
    ["COPY (select 1) TO '/tmp/meshplane-x.csv'", /only a SELECT statement/],
    ["ATTACH '/tmp/meshplane-x.db' AS x", /only a SELECT statement/],
    ['INSTALL httpfs', /only a SELECT statement/],
    ['LOAD httpfs', /only a SELECT statement/],
    ['SET enable_external_access = true', /only a SELECT statement/],
    ['PRAGMA version', /only a SELECT statement/],
    ['CALL duckdb_settings()', /only a SELECT statement/],
    ['create table x as select 1', /only a SELECT statement/],
    ['select * from sales.orders; drop table x', /only a SELECT statement/],
    ['select 1; select 2', /exactly one SELECT statement is accepted, got 2/],
    ['', /exactly one SELECT statement is accepted, got 0/],
    ['select from where', /syntax error/],
    [
      "select * from read_csv('/etc/passwd')",
      /table function read_csv\(\) is not allowed.*\(line 1, column 15\)/,
    ],
    ["select (select count(*) from read_text('/etc/passwd'))", /table function read_text\(\)/],
    [
      "select * from sales.orders where order_id in (select * from read_parquet('x.parquet'))",
      /read_parquet/,
    ],
    ["select * from glob('/*')", /table function glob\(\)/],
    ['select * from range(10)', /table function range\(\)/],
    ["select * from '/etc/passwd'", /"\/etc\/passwd" is not an output port of the mesh/],
    ["from '/etc/passwd'", /"\/etc\/passwd" is not an output port/],
    ['select * from "/etc/passwd"', /"\/etc\/passwd" is not an output port/],
    [
      'select * from p_sales_orders.input.raw_orders',
      /"p_sales_orders.input.raw_orders" is not an output port/,
    ],
    ['select * from p_sales_orders._meshplane.quarantine', /is not an output port/],
    ['select * from p_sales_orders.main.orders', /is not an output port/],
    ['select * from information_schema.tables', /is not an output port/],
    ['select * from duckdb_settings', /"duckdb_settings" is not an output port/],
    ['with x as (select 1) select * from x, "/etc/passwd"', /"\/etc\/passwd" is not an output port/],
    // A CTE is visible only where DuckDB binds it: not outside its subquery, not before it is declared.
    ['select * from (with "/etc/passwd" as (select 1) select 1), "/etc/passwd"', /is not an output port/],
    [
      'with a as (select * from "/etc/passwd"), "/etc/passwd" as (select 1) select * from a',
      /is not an output port/,
    ],
    ["select getenv('HOME')", /function getenv\(\) is not allowed/],
    ["select current_setting('temp_directory')", /function current_setting\(\) is not allowed/],
    ['describe sales.orders', /DESCRIBE is not allowed/],
    ['summarize sales.orders', /SUMMARY is not allowed/],
  ] as const)('%s', async (sql, expected) => {
    expect(await refusal(sql)).toMatch(expected);
  });

  it('refuses before running: a refused query never reaches DuckDB', async () => {
    await expect(mesh.runtime.runQuery("select * from read_csv('/etc/passwd')")).rejects.toThrow(/read_csv/);
  });
});
