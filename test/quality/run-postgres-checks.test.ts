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
  const verdicts = (report: CheckReport) =>
    Object.fromEntries(report.results.map((r) => [r.rule, [r.status, r.measured]]));

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
    expect(report.statements).toBe(3);
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
