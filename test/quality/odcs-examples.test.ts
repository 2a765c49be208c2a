/**
 * Every quality rule of the official ODCS examples, run for real: for each schema object with
 * rules, a table built from the rules so that all of them pass, and one table per rule built so
 * that this rule fails and the others pass; the verdict and the measured value of every rule are
 * asserted. Custom and text rules are never run: `not_run` on every table, also on one where every
 * value is NULL. DuckDB always; PostgreSQL (library and sql rules) when the local server answers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDBEngine, type DuckDBDriver, parseDuckDBConfig } from '../../src/engines/duckdb/index.js';
import { PostgresDriver, parsePostgresUrl } from '../../src/engines/postgres/index.js';
import {
  type CheckReport,
  checkDialect,
  runDuckDBChecks,
  runPostgresChecks,
} from '../../src/quality/checks/index.js';
import { loadDocument } from '../../src/spec/load/load-document.js';
import type { QualityRule, SchemaObject } from '../../src/spec/model/data-contract.js';
import { normalizeContract } from '../../src/spec/model/normalize-contract.js';
import {
  pgAdmin,
  pgUrl,
  postgresUnavailable,
  serviceReady,
  uniqueName,
} from '../engines/support/sql-servers.js';
import { sharedAvailable, sharedDir } from '../support/shared.js';
import { createTableSql, type Dialect, rulesOf, type Scenario, scenario } from './support/rule-data.js';

const EXAMPLES = 'standards/odcs/examples';
const present = sharedAvailable(EXAMPLES);

interface ExampleObject {
  readonly file: string;
  readonly object: SchemaObject;
  readonly rules: readonly QualityRule[];
}

/** Every schema object with quality rules in the official examples, read by the project's loader. */
function exampleObjects(): ExampleObject[] {
  if (!present) return [];
  const dir = path.join(sharedDir, EXAMPLES);
  return readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const doc = loadDocument(file, readFileSync(path.join(dir, file)));
      return normalizeContract(doc.value).schema.map((object) => ({ file, object, rules: rulesOf(object) }));
    })
    .filter((e) => e.rules.length > 0);
}

const objects = exampleObjects();
const runnable = (r: QualityRule) => r.type === 'library' || r.type === 'sql';
const label = (r: QualityRule) =>
  `${r.type}${r.metric === undefined ? '' : ` ${r.metric}`} at ${r.path.join('.')}`;
const key = (p: readonly (string | number)[]) => p.join('.');

/** Asserts each rule's verdict and measure, and that samples hide protected columns. */
function assertReport(report: CheckReport, object: SchemaObject, s: Scenario): void {
  const results = new Map(report.results.map((r) => [key(r.path), r]));
  expect(results.size).toBe(s.expected.size);
  for (const [rule, want] of s.expected) {
    const got = results.get(key(rule.path));
    expect(got?.status, `${label(rule)}: ${got?.message}`).toBe(want.status);
    if (want.measured !== undefined) expect(got?.measured, label(rule)).toBeCloseTo(want.measured, 9);
  }
  const masked = object.properties.filter(
    (p) => p.classification !== undefined && p.classification !== 'public',
  );
  for (const sample of report.samples) {
    expect(sample.error).toBeUndefined();
    expect(sample.rows.length).toBeGreaterThan(0);
    expect(sample.rows.length).toBeLessThanOrEqual(10);
    for (const row of sample.rows) for (const p of masked) expect(row[p.physicalName]).toBe('***');
  }
  const failedWithRows = report.results.filter(
    (r) => r.status === 'failed' && r.metric !== undefined && r.metric !== 'rowCount',
  );
  expect(report.samples.map((x) => x.rule).sort()).toEqual(failedWithRows.map((r) => r.rule).sort());
}

/** A table of the object's columns where every value is NULL: the worst data for any rule. */
function allNullTableSql(dialect: Dialect, table: string, object: SchemaObject): string {
  const type = dialect === 'duckdb' ? 'VARCHAR' : 'text';
  const columns = object.properties.map(
    (p) => `CAST(NULL AS ${type}) AS "${p.physicalName.replaceAll('"', '""')}"`,
  );
  const series = dialect === 'duckdb' ? 'range(50) AS r(i)' : 'generate_series(1, 50) AS g(i)';
  return `CREATE TABLE ${table} AS SELECT ${columns.join(', ')} FROM ${series}`;
}

/** What a suite needs from its engine: a place for a table, and a way to run the checks on it. */
interface Engine {
  readonly dialect: Dialect;
  tableParts(object: SchemaObject): readonly string[];
  exec(sql: string): Promise<void>;
  check(object: SchemaObject, table: readonly string[]): Promise<CheckReport>;
}

function defineSuite(
  name: string,
  ready: boolean,
  engine: () => Engine,
  objectFor: (o: SchemaObject) => SchemaObject,
) {
  describe.skipIf(!present || !ready)(name, () => {
    async function build(
      object: SchemaObject,
      create: (table: string) => string,
    ): Promise<readonly string[]> {
      const e = engine();
      const parts = e.tableParts(object);
      const table = checkDialect(e.dialect).qualifiedName(...parts);
      await e.exec(`DROP TABLE IF EXISTS ${table}`);
      await e.exec(create(table));
      return parts;
    }

    async function runScenario(example: ExampleObject, failing?: QualityRule): Promise<void> {
      const object = objectFor(example.object);
      const s = scenario(object, failing);
      const parts = await build(object, (table) => createTableSql(engine().dialect, table, object, s));
      assertReport(await engine().check(object, parts), object, s);
    }

    it('finds the rules of the official examples: library, sql and custom', () => {
      const types = objects.flatMap((o) => o.rules.map((r) => r.type));
      expect(types.length).toBeGreaterThanOrEqual(7);
      expect(new Set(types)).toEqual(new Set(['library', 'sql', 'custom']));
    });

    for (const example of objects) {
      const where = `${example.file} ${example.object.name}`;
      it(`${where}: every rule passes on data built to pass (${example.rules.length} rules)`, async () => {
        await runScenario(example);
      }, 120_000);

      for (const rule of example.rules.filter(runnable)) {
        it(`${where}: ${label(rule)} fails on data built to fail it; the others still pass`, async () => {
          await runScenario(example, rule);
        }, 120_000);
      }

      if (example.rules.some((r) => !runnable(r))) {
        it(`${where}: custom and text rules stay not_run on a table of NULLs`, async () => {
          const object = objectFor(example.object);
          const parts = await build(object, (table) => allNullTableSql(engine().dialect, table, object));
          const report = await engine().check(object, parts);
          for (const rule of example.rules.filter((r) => !runnable(r))) {
            const result = report.results.find((r) => key(r.path) === key(rule.path));
            expect(result?.status).toBe('not_run');
            expect(result?.message).toMatch(/is run by that engine, not by Meshplane|nothing to run/);
          }
        });
      }
    }
  });
}

// DuckDB: the table in an attached product file, as the runtime keeps output ports.
let dir: string;
let hub: DuckDBDriver;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meshplane-quality-examples-'));
  hub = await createDuckDBEngine(parseDuckDBConfig({ threads: 2 })).open();
  await hub.attach('p_examples', path.join(dir, 'examples.duckdb'));
});
afterAll(async () => {
  await hub?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

defineSuite(
  'ODCS example rules on DuckDB',
  true,
  () => ({
    dialect: 'duckdb',
    tableParts: (object) => ['p_examples', 'main', object.physicalName],
    exec: async (sql) => {
      await hub.run(sql);
    },
    check: (object, table) => hub.withSession((session) => runDuckDBChecks(session, object, { table })),
  }),
  (object) => object,
);

// PostgreSQL: a schema of this run's own, dropped at the end.
const pgReady = serviceReady('quality checks on PostgreSQL', await postgresUnavailable());
const schema = uniqueName('meshplane_quality');
let pg: PostgresDriver | undefined;
if (pgReady) {
  beforeAll(async () => {
    await pgAdmin(`CREATE SCHEMA "${schema}"`);
    pg = await PostgresDriver.connect(parsePostgresUrl(pgUrl()));
  });
  afterAll(async () => {
    await pg?.close();
    await pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
}

/**
 * A sql rule's query is written in the server's dialect: the official example names
 * `Air_Quality` and `DataValue` unquoted, which PostgreSQL folds to lower case. On PostgreSQL the
 * table of an object with such a rule therefore has the folded names (physicalName as stored).
 */
function foldedForPostgres(object: SchemaObject): SchemaObject {
  const hasBareSql = rulesOf(object).some(
    (r) => r.type === 'sql' && !/\{\s*(object|table)\s*\}/.test(r.query ?? ''),
  );
  if (!hasBareSql) return object;
  return {
    ...object,
    physicalName: object.physicalName.toLowerCase(),
    properties: object.properties.map((p) => ({ ...p, physicalName: p.physicalName.toLowerCase() })),
  };
}

defineSuite(
  'ODCS example rules on PostgreSQL',
  pgReady,
  () => {
    const driver = pg;
    if (driver === undefined) throw new Error('PostgreSQL is not connected');
    return {
      dialect: 'postgres',
      tableParts: (object) => [schema, object.physicalName],
      exec: async (sql) => {
        await driver.query(sql);
      },
      check: (object, table) => runPostgresChecks(driver, object, { table }),
    };
  },
  foldedForPostgres,
);
