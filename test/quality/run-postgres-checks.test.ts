import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PostgresDriver, parsePostgresUrl } from '../../src/engines/postgres/index.js';
import { MeshplaneError } from '../../src/errors/index.js';
import { type CheckReport, runPostgresChecks } from '../../src/quality/checks/index.js';
import type { SchemaObject } from '../../src/spec/model/data-contract.js';
import { normalizeContract } from '../../src/spec/model/normalize-contract.js';
import {
  pgAdmin,
  pgUrl,
  postgresUnavailable,
  serviceReady,
  uniqueName,
} from '../engines/support/sql-servers.js';

/** The first schema object of a v3.1.0 contract; `body` is that object's YAML. */
function object(body: string): SchemaObject {
  const yaml = `apiVersion: v3.1.0\nkind: DataContract\nid: t\nversion: 1.0.0\nstatus: active\nschema:\n${body}`;
  const [first] = normalizeContract(parse(yaml)).schema;
  if (first === undefined) throw new Error('no schema object');
  return first;
}

const verdicts = (report: CheckReport) =>
  Object.fromEntries(report.results.map((r) => [r.rule, [r.status, r.measured]]));

const ready = serviceReady('quality checks runner on PostgreSQL', await postgresUnavailable());
const schema = uniqueName('meshplane_checks');
let driver: PostgresDriver;

// 20 rows: email NULL for 3 and '' for 2 (restricted); status 'lost' for 4; ref repeats twice;
// code "A-<n>" except 2 rows.
describe.skipIf(!ready)('runPostgresChecks', () => {
  beforeAll(async () => {
    await pgAdmin(
      `CREATE SCHEMA "${schema}"`,
      `CREATE TABLE "${schema}"."Orders" AS SELECT g AS id,
        CASE WHEN g < 3 THEN NULL WHEN g < 5 THEN '' ELSE 'user' || g || '@example.com' END AS email,
        CASE WHEN g % 5 = 0 THEN 'lost' ELSE 'placed' END AS status,
        CASE WHEN g IN (7, 8) THEN 'b7' ELSE 'A-' || g END AS code,
        CASE WHEN g < 4 THEN g / 2 ELSE g END AS ref,
        g * 10 AS amount
      FROM generate_series(0, 19) AS g`,
    );
    driver = await PostgresDriver.connect(parsePostgresUrl(pgUrl()));
  });

  afterAll(async () => {
    await driver?.close();
    await pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  const ORDERS = object(`
  - name: orders
    physicalName: Orders
    quality:
      - { metric: rowCount, mustBeBetween: [10, 20] }
      - { type: sql, name: big_amounts, query: 'select count(*) from "Orders" where amount > 150', mustBe: 4 }
      - { type: sql, name: placeholders, query: 'select count(*) from \${object} where amount > 150', mustBe: 4 }
    properties:
      - name: id
      - name: email
        classification: restricted
        quality:
          - { name: email_not_null, metric: nullValues, mustBe: 0 }
          - { name: email_missing, metric: missingValues, mustBeLessOrEqualTo: 25, unit: percent }
      - name: status
        quality:
          - { name: status_valid, metric: invalidValues, arguments: { validValues: [placed, shipped] }, mustBe: 0 }
      - name: code
        quality:
          - { name: code_pattern, metric: invalidValues, arguments: { pattern: 'A-[0-9]+' }, mustBeLessThan: 3 }
      - name: ref
        quality:
          - { name: ref_unique, metric: duplicateValues, mustBe: 0 }
      - name: amount
`);

  const run = (o: SchemaObject, options: Parameters<typeof runPostgresChecks>[2] = {}) =>
    runPostgresChecks(driver, o, { table: [schema, 'Orders'], ...options });

  it('gives the same verdicts as on DuckDB, with one scan for the library rules', async () => {
    const report = await run(ORDERS, { sampleLimit: 0 });
    expect(verdicts(report)).toEqual({
      'orders.rowCount': ['passed', 20],
      big_amounts: ['passed', 4],
      placeholders: ['passed', 4],
      email_not_null: ['failed', 3],
      email_missing: ['passed', 25],
      status_valid: ['failed', 4],
      code_pattern: ['passed', 2],
      ref_unique: ['failed', 2],
    });
    // The table's constraints (none), one scan, the two sql rules.
    expect(report.statements).toBe(4);
  });

  it('samples failing rows with the restricted column masked', async () => {
    const report = await run(ORDERS, { sampleLimit: 3 });
    const byRule = Object.fromEntries(report.samples.map((s) => [s.rule, s]));
    expect(byRule.email_not_null?.rows.map((r) => [r.id, r.email])).toHaveLength(3);
    for (const sample of report.samples) for (const row of sample.rows) expect(row.email).toBe('***');
    expect(byRule.ref_unique?.rows.map((r) => r.ref)).toEqual(['0', '0', '1']);
  });

  it('isolates a rule PostgreSQL refuses behind a savepoint; the others keep their verdicts', async () => {
    const report = await run(
      object(`
  - name: orders
    properties:
      - name: email
        quality:
          - { name: email_not_null, metric: nullValues, mustBe: 3 }
      - name: code
        quality:
          - { name: bad_pattern, metric: invalidValues, arguments: { pattern: '(' }, mustBe: 0 }
`),
      { sampleLimit: 0 },
    );
    expect(report.results.map((r) => [r.rule, r.status])).toEqual([
      ['email_not_null', 'passed'],
      ['bad_pattern', 'error'],
    ]);
    expect(report.results[1]?.message).toMatch(/regular expression/);
  });

  it('refuses a rule query of several statements, and writes nothing', async () => {
    const report = await run(
      object(`
  - name: orders
    quality:
      - { type: sql, name: escape, query: 'select 1) q; drop table "Orders"; select * from (select 1', mustBe: 1 }
      - { type: sql, name: commit, query: 'select 1) q; commit; create table x (i int); select * from (select 1', mustBe: 1 }
      - { type: sql, name: write, query: 'delete from "Orders" returning 1', mustBe: 1 }
`),
    );
    expect(report.results.map((r) => r.status)).toEqual(['error', 'error', 'error']);
    expect(report.results[0]?.message).toMatch(/multiple commands/);
    const [count] = await pgAdmin(`SELECT count(*)::int AS n FROM "${schema}"."Orders"`);
    expect(count?.rows).toEqual([{ n: 20 }]);
    const [tables] = await pgAdmin(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}'`,
    );
    expect(tables?.rows).toEqual([{ table_name: 'Orders' }]);
  });

  it('leaves no transaction open, and rejects a cancelled run with ENGINE_ERROR', async () => {
    await run(ORDERS);
    expect(await driver.query('SELECT now() = statement_timestamp() AS outside')).toEqual([
      { outside: true },
    ]);
    const controller = new AbortController();
    controller.abort();
    const error = await run(ORDERS, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).details?.cancelled).toBe(true);
  });
});

describe.skipIf(!ready)('runPostgresChecks: rules the table constraints decide', () => {
  const keys = uniqueName('meshplane_keys');
  let pg: PostgresDriver;

  const RULES = object(`
  - name: t
    quality:
      - { name: pair_unique, metric: duplicateValues, arguments: { properties: [tenant, ref] }, mustBe: 0 }
    properties:
      - name: id
        quality:
          - { name: id_not_null, metric: nullValues, mustBe: 0 }
          - { name: id_unique, metric: duplicateValues, mustBe: 0 }
      - name: tenant
        quality:
          - { name: tenant_not_null, metric: nullValues, mustBe: 0 }
      - name: ref
      - name: note
        quality:
          - { name: note_not_null, metric: nullValues, mustBeLessThan: 1, unit: percent }
`);
  const ROWS = `SELECT g, CASE WHEN g = 3 THEN NULL ELSE 't' || (g % 2) END, g / 2, 'n' FROM generate_series(0, 19) AS g`;

  // "Keyed" has a primary key, a UNIQUE pair and a NOT NULL column; "Loose" the same rows but one
  // breaking each; "Parent" a primary key that its inheriting child "Child" repeats (a scan of
  // the parent reads both); "Parted" a primary key across its partitions.
  beforeAll(async () => {
    await pgAdmin(
      `CREATE SCHEMA "${keys}"`,
      `CREATE TABLE "${keys}"."Keyed" (id bigint PRIMARY KEY, tenant text, ref int, note text NOT NULL, UNIQUE (tenant, ref))`,
      `INSERT INTO "${keys}"."Keyed" ${ROWS}`,
      `CREATE TABLE "${keys}"."Loose" AS SELECT CASE WHEN g = 19 THEN 0 ELSE g END AS id,
        CASE WHEN g = 3 THEN NULL ELSE 't' || (g % 2) END AS tenant,
        CASE WHEN g = 18 THEN 0 ELSE g / 2 END AS ref,
        CASE WHEN g = 5 THEN NULL ELSE 'n' END AS note
      FROM generate_series(0, 19) AS g`,
      `CREATE TABLE "${keys}"."Parent" (id bigint PRIMARY KEY, tenant text, ref int, note text NOT NULL, UNIQUE (tenant, ref))`,
      `CREATE TABLE "${keys}"."Child" () INHERITS ("${keys}"."Parent")`,
      `INSERT INTO "${keys}"."Parent" ${ROWS}`,
      `INSERT INTO "${keys}"."Child" VALUES (0, 't0', 0, 'n')`,
      `CREATE TABLE "${keys}"."Parted" (id bigint PRIMARY KEY, tenant text, ref int, note text NOT NULL) PARTITION BY RANGE (id)`,
      `CREATE TABLE "${keys}"."Parted_low" PARTITION OF "${keys}"."Parted" FOR VALUES FROM (0) TO (10)`,
      `CREATE TABLE "${keys}"."Parted_high" PARTITION OF "${keys}"."Parted" FOR VALUES FROM (10) TO (100)`,
      `INSERT INTO "${keys}"."Parted" ${ROWS}`,
    );
    pg = await PostgresDriver.connect(parsePostgresUrl(pgUrl()));
  });

  afterAll(async () => {
    await pg?.close();
    await pgAdmin(`DROP SCHEMA IF EXISTS "${keys}" CASCADE`);
  });

  const check = (table: string) => runPostgresChecks(pg, RULES, { table: [keys, table], sampleLimit: 0 });
  const guaranteed = (report: CheckReport) =>
    report.results.filter((r) => r.message.includes('guaranteed')).map((r) => r.rule);

  it('answers the rules the constraints decide without measuring them, and says so', async () => {
    const report = await check('Keyed');
    expect(verdicts(report)).toEqual({
      pair_unique: ['passed', 0],
      id_not_null: ['passed', 0],
      id_unique: ['passed', 0],
      tenant_not_null: ['failed', 1],
      note_not_null: ['passed', 0],
    });
    expect(guaranteed(report)).toEqual(['pair_unique', 'id_not_null', 'id_unique', 'note_not_null']);
    expect(report.results.find((r) => r.rule === 'id_unique')?.message).toBe(
      "duplicateValues of id: 0 rows, guaranteed by the table's constraint PRIMARY KEY (id); must be 0",
    );
    // The catalog, then one scan for the one rule left.
    expect(report.statements).toBe(2);
  });

  it('measures the same rules on the table without the constraints, and they can fail', async () => {
    const report = await check('Loose');
    expect(verdicts(report)).toEqual({
      pair_unique: ['failed', 1],
      id_not_null: ['passed', 0],
      id_unique: ['failed', 1],
      tenant_not_null: ['failed', 1],
      note_not_null: ['failed', 5],
    });
    expect(guaranteed(report)).toEqual([]);
  });

  it('trusts no key of a table with inheritance children: the scan reads their rows too', async () => {
    const report = await check('Parent');
    expect(verdicts(report)).toMatchObject({ id_unique: ['failed', 1], pair_unique: ['failed', 1] });
    expect(guaranteed(report)).toEqual([]);
  });

  it('trusts the keys of a partitioned table, which hold across its partitions', async () => {
    const report = await check('Parted');
    expect(guaranteed(report)).toEqual(['id_not_null', 'id_unique', 'note_not_null']);
    expect(verdicts(report)).toMatchObject({ pair_unique: ['passed', 0], tenant_not_null: ['failed', 1] });
  });

  it('measures every rule when the table is missing, and errors them', async () => {
    const report = await check('Nope');
    expect(report.results.every((r) => r.status === 'error')).toBe(true);
  });
});
