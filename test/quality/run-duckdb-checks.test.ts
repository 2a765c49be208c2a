import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createDuckDBEngine, type DuckDBDriver, parseDuckDBConfig } from '../../src/engines/duckdb/index.js';
import { MeshplaneError } from '../../src/errors/index.js';
import { type CheckReport, runDuckDBChecks } from '../../src/quality/checks/index.js';
import type { SchemaObject } from '../../src/spec/model/data-contract.js';
import { normalizeContract } from '../../src/spec/model/normalize-contract.js';

/** The first schema object of a v3.1.0 contract; `body` is that object's YAML. */
function object(body: string): SchemaObject {
  const yaml = `apiVersion: v3.1.0\nkind: DataContract\nid: t\nversion: 1.0.0\nstatus: active\nschema:\n${body}`;
  const [first] = normalizeContract(parse(yaml)).schema;
  if (first === undefined) throw new Error('no schema object');
  return first;
}

let dir: string;
let hub: DuckDBDriver;
const TABLE = ['p_sales', 'main', 'Orders'];

// 20 rows: id 0..19; email NULL for 3 rows, '' for 2; status outside the list for 4 rows;
// code "A-<n>" except 2 rows; ref repeats twice (rows 0/1 and 2/3 share a value).
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meshplane-checks-'));
  hub = await createDuckDBEngine(parseDuckDBConfig({ threads: 2 })).open();
  await hub.attach('p_sales', path.join(dir, 'sales.duckdb'));
  await hub.run(`CREATE TABLE p_sales.main."Orders" AS
    SELECT range AS id,
      CASE WHEN range < 3 THEN NULL WHEN range < 5 THEN '' ELSE 'user' || range || '@example.com' END AS email,
      CASE WHEN range % 5 = 0 THEN 'lost' ELSE 'placed' END AS status,
      CASE WHEN range IN (7, 8) THEN 'b7' ELSE 'A-' || range END AS code,
      CASE WHEN range < 4 THEN range // 2 ELSE range END AS ref,
      range * 10 AS amount
    FROM range(20)`);
});

afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const ORDERS = object(`
  - name: orders
    physicalName: Orders
    quality:
      - { metric: rowCount, mustBeBetween: [10, 20] }
      - { type: sql, name: big_amounts, query: 'select count(*) from Orders where amount > 150', mustBe: 4 }
      - { type: custom, engine: soda, implementation: x }
    properties:
      - name: id
        classification: public
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

async function run(o: SchemaObject, options: Parameters<typeof runDuckDBChecks>[2] = { table: TABLE }) {
  return hub.withSession((session) => runDuckDBChecks(session, o, options));
}

const verdicts = (report: CheckReport) =>
  Object.fromEntries(report.results.map((r) => [r.rule, [r.status, r.measured]]));

describe('runDuckDBChecks', () => {
  it('measures every library rule in one scan, runs the sql rule, and leaves the rest not run', async () => {
    const report = await run(ORDERS, { table: TABLE, sampleLimit: 0 });
    expect(verdicts(report)).toEqual({
      'orders.rowCount': ['passed', 20],
      big_amounts: ['passed', 4],
      'orders.custom': ['not_run', undefined],
      email_not_null: ['failed', 3],
      email_missing: ['passed', 25],
      status_valid: ['failed', 4],
      code_pattern: ['passed', 2],
      ref_unique: ['failed', 2],
    });
    // The table's constraints (none), one aggregate scan and one query for the sql rule; no samples.
    expect(report.statements).toBe(3);
    expect(report.table).toBe('"p_sales"."main"."Orders"');
    expect(report.samples).toEqual([]);
  });

  it('samples the failing rows of each failed rule, protected columns masked, bounded', async () => {
    const report = await run(ORDERS, { table: TABLE, sampleLimit: 2 });
    expect(report.statements).toBe(3 + 3);
    const byRule = Object.fromEntries(report.samples.map((s) => [s.rule, s]));
    expect(Object.keys(byRule).sort()).toEqual(['email_not_null', 'ref_unique', 'status_valid']);
    expect(byRule.email_not_null?.masked).toEqual(['email']);
    expect(byRule.email_not_null?.rows).toHaveLength(2);
    for (const row of byRule.email_not_null?.rows ?? []) expect(row.email).toBe('***');
    expect(byRule.status_valid?.rows.map((r) => [r.status, r.email])).toEqual([
      ['lost', '***'],
      ['lost', '***'],
    ]);
    const repeated = byRule.ref_unique?.rows.map((r) => r.ref);
    expect(repeated).toEqual(['0', '0']);
  });

  it('never shows a protected value, even when the sample is up to 100 rows', async () => {
    const report = await run(ORDERS, { table: TABLE, sampleLimit: 500 });
    const rows = report.samples.flatMap((s) => s.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.email === '***')).toBe(true);
    expect(report.samples.find((s) => s.rule === 'status_valid')?.rows).toHaveLength(4);
  });

  it('isolates a rule the engine refuses: the others keep their verdicts', async () => {
    const broken = object(`
  - name: orders
    physicalName: Orders
    properties:
      - name: email
        quality:
          - { name: email_not_null, metric: nullValues, mustBe: 3 }
      - name: code
        quality:
          - { name: bad_pattern, metric: invalidValues, arguments: { pattern: '[' }, mustBe: 0 }
      - name: gone
        quality:
          - { name: gone_not_null, metric: nullValues, mustBe: 0 }
`);
    const report = await run(broken, { table: TABLE, sampleLimit: 0 });
    const results = Object.fromEntries(report.results.map((r) => [r.rule, r]));
    expect(results.email_not_null).toMatchObject({ status: 'passed', measured: 3 });
    expect(results.bad_pattern).toMatchObject({ status: 'error' });
    expect(results.bad_pattern?.message).toMatch(/missing \]/);
    expect(results.gone_not_null).toMatchObject({ status: 'error' });
    expect(results.gone_not_null?.message).toMatch(/gone/);
    // The constraints, the failed scan, the row count, then each of the three metrics alone.
    expect(report.statements).toBe(6);
  });

  it('errors every rule, without crashing, when the table does not exist', async () => {
    const report = await run(ORDERS, { table: ['p_sales', 'main', 'nope'], sampleLimit: 0 });
    const statuses = Object.fromEntries(report.results.map((r) => [r.rule, r.status]));
    // The sql rule names its table itself (Orders), so only it still runs.
    expect(statuses).toEqual({
      'orders.rowCount': 'error',
      big_amounts: 'passed',
      'orders.custom': 'not_run',
      email_not_null: 'error',
      email_missing: 'error',
      status_valid: 'error',
      code_pattern: 'error',
      ref_unique: 'error',
    });
    expect(report.results[0]?.message).toMatch(/nope/);
  });

  it('refuses a rule query that is not exactly one SELECT, and writes nothing', async () => {
    const hostile = object(`
  - name: orders
    physicalName: Orders
    quality:
      - { type: sql, name: two, query: 'select 1; drop table Orders', mustBe: 1 }
      - { type: sql, name: escape, query: 'select 1) q; drop table Orders; select * from (select 1', mustBe: 1 }
      - { type: sql, name: copy, query: "copy Orders to '${dir.replaceAll("'", "''")}/out.csv'", mustBe: 1 }
      - { type: sql, name: write, query: 'create table Orders2 as select 1', mustBe: 1 }
      - { type: sql, name: fine, query: 'select count(*) from {object}', mustBe: 20 }
`);
    const report = await run(hostile);
    expect(report.results.map((r) => [r.rule, r.status])).toEqual([
      ['two', 'error'],
      ['escape', 'error'],
      ['copy', 'error'],
      ['write', 'error'],
      ['fine', 'passed'],
    ]);
    expect(report.results[0]?.message).toMatch(/one SELECT statement/);
    const [row] = await hub.query('SELECT count(*)::INT AS n FROM p_sales.main."Orders"');
    expect(row).toEqual({ n: 20 });
    const tables = await hub.query("SELECT table_name FROM duckdb_tables() WHERE database_name = 'p_sales'");
    expect(tables).toEqual([{ table_name: 'Orders' }]);
  });

  it('restores the session search path and leaves no transaction open', async () => {
    await hub.withSession(async (session) => {
      await session.run("SET search_path = 'memory.main'");
      await runDuckDBChecks(session, ORDERS, { table: TABLE });
      expect(await session.query("SELECT current_setting('search_path') AS p")).toEqual([
        { p: 'memory.main' },
      ]);
      await session.run('RESET search_path');
      await runDuckDBChecks(session, ORDERS, { table: TABLE });
      expect(await session.query("SELECT current_setting('search_path') AS p")).toEqual([{ p: '' }]);
      // No transaction left open: a new one starts.
      await session.transaction(async (tx) => tx.run('SELECT 1'));
    });
  });

  it('rejects bad options with INVALID_INPUT and a cancelled run with ENGINE_ERROR', async () => {
    await expect(run(ORDERS, { table: TABLE, sampleLimit: -1 })).rejects.toThrow(MeshplaneError);
    await expect(run(ORDERS, { table: [] })).rejects.toThrow(/non-empty parts/);
    const controller = new AbortController();
    controller.abort();
    const error = await run(ORDERS, { table: TABLE, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).details?.cancelled).toBe(true);
  });
});

describe('runDuckDBChecks: rules the table constraints decide', () => {
  const RULES = (table: string) =>
    object(`
  - name: ${table}
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

  // The same 20 rows twice: "Keyed" as a product's output table is made (primary key, NOT NULL,
  // here also a UNIQUE pair), "Loose" without a constraint and with one row that breaks each.
  beforeAll(async () => {
    await hub.run(`CREATE TABLE p_sales.main."Keyed" (
      "ID" BIGINT PRIMARY KEY, tenant VARCHAR, ref INTEGER, note VARCHAR NOT NULL, UNIQUE (tenant, ref))`);
    await hub.run(`INSERT INTO p_sales.main."Keyed"
      SELECT range, CASE WHEN range = 3 THEN NULL ELSE 't' || (range % 2) END, range // 2, 'n' FROM range(20)`);
    await hub.run(`CREATE TABLE p_sales.main."Loose" AS
      SELECT CASE WHEN range = 19 THEN 0 ELSE range END AS id,
        CASE WHEN range = 3 THEN NULL ELSE 't' || (range % 2) END AS tenant,
        CASE WHEN range = 18 THEN 0 ELSE range // 2 END AS ref,
        CASE WHEN range = 5 THEN NULL ELSE 'n' END AS note
      FROM range(20)`);
  });

  it('answers the rules the constraints decide without measuring them, and says so', async () => {
    const report = await run(RULES('keyed'), { table: ['p_sales', 'main', 'Keyed'], sampleLimit: 5 });
    expect(verdicts(report)).toEqual({
      pair_unique: ['passed', 0],
      id_not_null: ['passed', 0],
      id_unique: ['passed', 0],
      tenant_not_null: ['failed', 1],
      note_not_null: ['passed', 0],
    });
    const messages = Object.fromEntries(report.results.map((r) => [r.rule, r.message]));
    // The column's name in the contract (id) and in the table ("ID") are one to DuckDB.
    expect(messages.id_unique).toBe(
      "duplicateValues of id: 0 rows, guaranteed by the table's constraint PRIMARY KEY (ID); must be 0",
    );
    expect(messages.pair_unique).toMatch(/guaranteed by the table's constraint UNIQUE \(tenant, ref\)/);
    expect(messages.note_not_null).toMatch(/^nullValues of note: 0%, guaranteed by .+NOT NULL \(note\)/);
    expect(messages.tenant_not_null).toBe('nullValues of tenant: 1 row; must be 0');
    // The catalog, one scan for the rule left, one sample of it.
    expect(report.statements).toBe(3);
    expect(report.samples.map((s) => s.rule)).toEqual(['tenant_not_null']);
  });

  it('sends no scan at all when the constraints decide every rule', async () => {
    const report = await run(
      object(`
  - name: keyed
    properties:
      - name: id
        quality:
          - { name: id_not_null, metric: nullValues, mustBe: 0 }
          - { name: id_unique, metric: duplicateValues, mustBe: 0 }
`),
      { table: ['p_sales', 'main', 'Keyed'] },
    );
    expect(verdicts(report)).toEqual({ id_not_null: ['passed', 0], id_unique: ['passed', 0] });
    expect(report.statements).toBe(1);
  });

  it('measures the same rules on the table without the constraints, and they can fail', async () => {
    const report = await run(RULES('loose'), { table: ['p_sales', 'main', 'Loose'], sampleLimit: 0 });
    expect(verdicts(report)).toEqual({
      pair_unique: ['failed', 1],
      id_not_null: ['passed', 0],
      id_unique: ['failed', 1],
      tenant_not_null: ['failed', 1],
      note_not_null: ['failed', 5],
    });
    expect(report.results.some((r) => r.message.includes('guaranteed'))).toBe(false);
    expect(report.statements).toBe(2);
  });

  it('trusts no constraint it cannot find in the catalog: a name the search path resolves is measured', async () => {
    await hub.withSession(async (session) => {
      await session.run("SET search_path = 'p_sales.main'");
      try {
        const report = await runDuckDBChecks(session, RULES('keyed'), { table: ['Keyed'], sampleLimit: 0 });
        expect(verdicts(report).id_unique).toEqual(['passed', 0]);
        expect(report.results.some((r) => r.message.includes('guaranteed'))).toBe(false);
        // No catalog query: the scan only.
        expect(report.statements).toBe(1);
      } finally {
        await session.run('RESET search_path');
      }
    });
  });
});
