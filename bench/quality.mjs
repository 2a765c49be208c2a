// bench/quality: time of Meshplane's compiled dataset quality checks (20 ODCS library rules over
// one generated table) on DuckDB and on PostgreSQL, against two references measured in the same
// run on the same table: (b) one scan that reads each column the rules touch once (a count of its
// non-null values), and (c) the same rules run one query per rule. DESIGN targets: a/b at most
// 1.5x, c/a at least 5x. Each engine holds the rows twice: in a table with a primary key on `id`,
// as Meshplane makes a product's output table, and in one without any constraint. The run stops
// with exit code 1 when a verdict, a measured count or a constraint's guarantee is wrong.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createDuckDBEngine, createTableSql, parseDuckDBConfig } from '../dist/engines/duckdb/index.js';
import { PostgresDriver, parsePostgresUrl, redactPostgresUrl } from '../dist/engines/postgres/index.js';
import { planChecks, runDuckDBChecks, runPostgresChecks } from '../dist/quality/checks/index.js';
import { normalizeContract } from '../dist/spec/model/normalize-contract.js';

const USAGE =
  'usage: node bench/quality.mjs [--engine=duckdb,postgres] [--rows=N (DuckDB, at least 10)] ' +
  '[--pg-rows=N (at least 10)] [--pg-url=postgres://...] [--rounds=N]';
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const rows = Number(args.get('rows') ?? 10_000_000);
const pgRows = Number(args.get('pg-rows') ?? 2_000_000);
const rounds = Number(args.get('rounds') ?? 3);
const pgUrl = args.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/test';
const engines = (args.get('engine') ?? 'duckdb,postgres').split(',').map((e) => e.trim());
const known = ['duckdb', 'postgres'];
if (
  ![rows, pgRows].every((n) => Number.isInteger(n) && n >= 10) ||
  !Number.isInteger(rounds) ||
  rounds < 1 ||
  engines.length === 0 ||
  engines.some((e) => !known.includes(e)) ||
  new Set(engines).size !== engines.length
) {
  console.error(USAGE);
  process.exit(2);
}

// PostgreSQL first: an unreachable server stops the run before anything is generated.
let pg;
if (engines.includes('postgres')) {
  let config;
  try {
    config = parsePostgresUrl(pgUrl);
  } catch (error) {
    console.error(`bench/quality: --pg-url: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  try {
    pg = await PostgresDriver.connect(config);
  } catch (error) {
    console.error(
      `bench/quality: PostgreSQL at ${redactPostgresUrl(pgUrl)} is unreachable (${error instanceof Error ? error.message : String(error)}); start one or pass --engine=duckdb`,
    );
    process.exit(1);
  }
}

const STATUSES = ['placed', 'paid', 'shipped', 'delivered'];
const COUNTRIES = ['DE', 'FR', 'NL', 'AT', 'BE'];
const EMAIL = '[^@\\s]+@[^@\\s]+\\.[a-z]{2,}';

/** Column → [DuckDB type, PostgreSQL type]. */
const COLUMNS = {
  id: ['BIGINT', 'bigint'],
  order_ref: ['VARCHAR', 'text'],
  customer_id: ['BIGINT', 'bigint'],
  email: ['VARCHAR', 'text'],
  status: ['VARCHAR', 'text'],
  country: ['VARCHAR', 'text'],
  currency: ['VARCHAR', 'text'],
  amount: ['DOUBLE', 'double precision'],
  quantity: ['INTEGER', 'integer'],
  created_at: ['TIMESTAMP', 'timestamp'],
  sku: ['VARCHAR', 'text'],
};

/**
 * The rows, with defects at known positions so every rule's count is known in advance (see
 * expected()): DuckDB from `range()`, PostgreSQL from `generate_series`, the same values.
 */
function generate(engine, n) {
  const duck = engine === 'duckdb';
  const i = duck ? 'range' : 'g';
  const list = (values) =>
    duck
      ? `[${values.map((v) => `'${v}'`).join(', ')}]`
      : `(ARRAY[${values.map((v) => `'${v}'`).join(', ')}])`;
  return `SELECT
  ${i} AS id,
  'O-' || ${i} AS order_ref,
  CASE WHEN ${i} % 100 = 7 THEN NULL ELSE ${i} % 50000 END AS customer_id,
  CASE ${i} % 50 WHEN 3 THEN NULL WHEN 4 THEN '' WHEN 5 THEN 'N/A'
    ELSE 'c' || ${i} || '@example.com' END AS email,
  CASE WHEN ${i} % 1000 = 999 THEN 'archived' ELSE ${list(STATUSES)}[1 + ${i} % 4] END AS status,
  CASE WHEN ${i} % 10000 = 5 THEN 'xx' ELSE ${list(COUNTRIES)}[1 + ${i} % 5] END AS country,
  ${list(['EUR', 'USD'])}[1 + ${i} % 2] AS currency,
  CAST(${i} % 10000 AS ${COLUMNS.amount[duck ? 0 : 1]}) / 100 AS amount,
  CAST(1 + ${i} % 9 AS INTEGER) AS quantity,
  TIMESTAMP '2025-01-01' + ${duck ? `to_seconds(${i})` : `${i} * INTERVAL '1 second'`} AS created_at,
  'SKU-' || lpad(CAST(${i} % 100000 AS ${duck ? 'VARCHAR' : 'text'}), 6, '0') AS sku
FROM ${duck ? `range(${n})` : `generate_series(0::bigint, ${n - 1}) AS g`}`;
}

const rule = (name, fields) => ({ name, ...fields });
const property = (name, logicalType, quality = [], extra = {}) => ({ name, logicalType, ...extra, quality });

/** The contract: `id` is its primary key, so a product's output table holds PRIMARY KEY (id). */
const contract = (n) => ({
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'bench.quality.orders.v1',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      physicalType: 'table',
      quality: [rule('row_count', { metric: 'rowCount', mustBe: n })],
      properties: [
        property(
          'id',
          'integer',
          [
            rule('id_not_null', { metric: 'nullValues', mustBe: 0 }),
            rule('id_unique', { metric: 'duplicateValues', mustBe: 0 }),
          ],
          { primaryKey: true, primaryKeyPosition: 1 },
        ),
        property('order_ref', 'string', [rule('order_ref_set', { metric: 'missingValues', mustBe: 0 })]),
        property('customer_id', 'integer', [
          rule('customer_id_mostly_set', { metric: 'nullValues', mustBeLessThan: 2, unit: 'percent' }),
          rule('customer_id_not_null', { metric: 'nullValues', mustBe: 0 }),
        ]),
        property('email', 'string', [
          rule('email_mostly_set', { metric: 'nullValues', mustBeLessThan: 5, unit: 'percent' }),
          rule('email_missing', {
            metric: 'missingValues',
            arguments: { missingValues: [null, '', 'N/A'] },
            mustBeLessOrEqualTo: 6,
            unit: 'percent',
          }),
          rule('email_format', {
            metric: 'invalidValues',
            arguments: { pattern: EMAIL },
            mustBeLessOrEqualTo: 5,
            unit: 'percent',
          }),
        ]),
        property('status', 'string', [
          rule('status_known', { metric: 'invalidValues', arguments: { validValues: STATUSES }, mustBe: 0 }),
          rule('status_not_null', { metric: 'nullValues', mustBe: 0 }),
        ]),
        property('country', 'string', [
          rule('country_code', { metric: 'invalidValues', arguments: { pattern: '[A-Z]{2}' }, mustBe: 0 }),
          rule('country_served', {
            metric: 'invalidValues',
            arguments: { validValues: COUNTRIES },
            mustBeLessThan: 1,
            unit: 'percent',
          }),
        ]),
        property('currency', 'string', [
          rule('currency_known', {
            metric: 'invalidValues',
            arguments: { validValues: ['EUR', 'USD'] },
            mustBe: 0,
          }),
          rule('currency_set', { metric: 'missingValues', mustBe: 0 }),
        ]),
        property('amount', 'number', [rule('amount_not_null', { metric: 'nullValues', mustBe: 0 })]),
        property('quantity', 'integer', [
          rule('quantity_range', {
            metric: 'invalidValues',
            arguments: { validValues: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
            mustBe: 0,
          }),
        ]),
        property('created_at', 'timestamp', [
          rule('created_at_not_null', { metric: 'nullValues', mustBe: 0 }),
        ]),
        property('sku', 'string', [
          rule('sku_not_null', { metric: 'nullValues', mustBe: 0 }),
          rule('sku_set', { metric: 'missingValues', mustBe: 0 }),
        ]),
      ],
    },
  ],
});

/** Rules the primary key on `id` decides (table-constraints.ts in src/quality/checks). */
const KEY_DECIDED = new Set(['id_not_null', 'id_unique']);

/** name → [status, measured] each rule must get on `n` generated rows. */
function expected(n) {
  /** How many i in [0, n) have i % m === r. */
  const every = (m, r) => (n > r ? Math.floor((n - 1 - r) / m) + 1 : 0);
  const pct = (k) => (k * 100) / n;
  const missing = pct(every(50, 3) + every(50, 4) + every(50, 5));
  const out = {
    row_count: ['passed', n],
    id_not_null: ['passed', 0],
    id_unique: ['passed', 0],
    order_ref_set: ['passed', 0],
    customer_id_mostly_set: ['passed', pct(every(100, 7))],
    customer_id_not_null: ['failed', every(100, 7)],
    email_mostly_set: ['passed', pct(every(50, 3))],
    email_missing: [missing <= 6 ? 'passed' : 'failed', missing],
    email_format: ['passed', pct(every(50, 4) + every(50, 5))],
    status_known: ['failed', every(1000, 999)],
    status_not_null: ['passed', 0],
    country_code: ['failed', every(10000, 5)],
    country_served: ['passed', pct(every(10000, 5))],
    currency_known: ['passed', 0],
    currency_set: ['passed', 0],
    amount_not_null: ['passed', 0],
    quantity_range: ['passed', 0],
    created_at_not_null: ['passed', 0],
    sku_not_null: ['passed', 0],
    sku_set: ['passed', 0],
  };
  // Small tables may hold none of a rare defect.
  if (every(10000, 5) === 0) out.country_code = ['passed', 0];
  if (every(1000, 999) === 0) out.status_known = ['passed', 0];
  if (every(100, 7) === 0) out.customer_id_not_null = ['passed', 0];
  return out;
}

/** Wrong verdicts, counts or guarantees of a report; empty when every rule is as expected. */
function verify(report, n, keyed) {
  const want = expected(n);
  const wrong = [];
  for (const result of report.results) {
    const [status, measured] = want[result.rule] ?? [];
    if (result.status !== status || Math.abs((result.measured ?? Number.NaN) - measured) > 1e-9)
      wrong.push(
        `${result.rule}: got ${result.status} ${result.measured}, expected ${status} ${measured} (${result.message})`,
      );
    const guaranteed = result.message.includes('guaranteed by');
    if (guaranteed !== (keyed && KEY_DECIDED.has(result.rule)))
      wrong.push(
        `${result.rule}: ${guaranteed ? 'answered' : 'not answered'} by a constraint (${result.message})`,
      );
  }
  if (report.results.length !== Object.keys(want).length) wrong.push(`${report.results.length} results`);
  return wrong;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
};
const spread = (xs) =>
  xs.length < 2 ? '' : `  (rounds ${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)} ms)`;

/**
 * Times (a) `check(table)`, (b) the reference scan and (c) one query per rule on each table, in
 * rounds that rotate which step goes first, after one warm-up read of each table.
 */
async function measure(engine, object, tables, check, query) {
  const dialect = engine;
  const touched = object.properties.filter((p) => p.quality.length > 0).map((p) => p.physicalName);
  const allRules = [...object.quality, ...object.properties.flatMap((p) => p.quality)];
  const quoted = (parts) => parts.map((p) => `"${p}"`).join('.');
  const runs = tables.map((t) => ({
    ...t,
    // (b): one scan reading each touched column once.
    reference: `SELECT count(*) AS n, ${touched.map((c, i) => `count("${c}") AS c${i}`).join(', ')} FROM ${quoted(t.parts)}`,
    // (c): each rule's own aggregate, as a checker without a planner (nor a catalog read) sends it.
    perRule: allRules.map((r) => {
      const single = { ...object, quality: r.property === undefined ? [r] : [] };
      single.properties = object.properties.map((p) => ({ ...p, quality: p.name === r.property ? [r] : [] }));
      return planChecks(single, { dialect, table: t.parts }).aggregate.sql;
    }),
    times: { a: [], b: [], c: [] },
    report: undefined,
  }));
  for (const t of runs) await query(t.reference);
  for (let round = 0; round < rounds; round++) {
    const steps = runs.flatMap((t) => [
      async () => {
        const [ms, report] = await time(() => check(t.parts));
        t.times.a.push(ms);
        t.report = report;
      },
      async () => t.times.b.push((await time(() => query(t.reference)))[0]),
      async () =>
        t.times.c.push(
          (
            await time(async () => {
              for (const sql of t.perRule) await query(sql);
            })
          )[0],
        ),
    ]);
    for (let s = 0; s < steps.length; s++) await steps[(s + round) % steps.length]();
  }
  return { runs, ruleCount: allRules.length, touched: touched.length };
}

/** Prints one engine's figures; returns the wrong verdicts. */
function report(engine, n, measured, setup) {
  const { runs, ruleCount, touched } = measured;
  console.log(`${engine}: ${n} rows of ${touched} columns; ${setup}`);
  const wrong = [];
  for (const t of runs) {
    const found = verify(t.report, n, t.keyed);
    wrong.push(...found.map((w) => `${engine}, ${t.label}: ${w}`));
    const results = t.report.results;
    const decided = results.filter((r) => r.message.includes('guaranteed by')).length;
    const a = median(t.times.a);
    const b = median(t.times.b);
    const c = median(t.times.c);
    console.log(
      `  ${t.label}: verdicts ${results.filter((r) => r.status === 'passed').length} passed, ` +
        `${results.filter((r) => r.status === 'failed').length} failed, ` +
        `${found.length === 0 ? 'all as expected' : `${found.length} WRONG`}; ` +
        `${decided} answered by the table's constraints`,
    );
    for (const [name, ms, all] of [
      ['(a) meshplane compiled checks', a, t.times.a],
      ['(b) reference: one scan, each column once', b, t.times.b],
      ['(c) one query per rule', c, t.times.c],
    ])
      console.log(`    ${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms${spread(all)}`);
    const scanned = ruleCount - decided;
    console.log(
      `    statements sent by meshplane: ${t.report.statements} (the table's constraints, then one scan for ` +
        `${scanned === ruleCount ? `all ${ruleCount}` : `the ${scanned} of ${ruleCount}`} rules)`,
    );
    console.log(`    ratio a/b: ${(a / b).toFixed(2)}x (target <= 1.5x: ${a / b <= 1.5 ? 'met' : 'MISSED'})`);
    console.log(`    ratio c/a: ${(c / a).toFixed(2)}x (target >= 5x: ${c / a >= 5 ? 'met' : 'MISSED'})`);
  }
  return wrong;
}

async function duckdb() {
  const object = normalizeContract(contract(rows)).schema[0];
  const root = mkdtempSync(path.join(tmpdir(), 'meshplane-bench-quality-'));
  const hub = await createDuckDBEngine(parseDuckDBConfig({})).open();
  try {
    await hub.attach('p_bench', path.join(root, 'bench.duckdb'));
    // As product-storage.ts provisions an output table: the contract's NOT NULL columns (the key)
    // and its primary key; then the same rows in a table without any constraint.
    const columns = Object.entries(COLUMNS).map(([name, [sqlType]]) => ({
      name,
      sqlType,
      notNull: name === 'id',
    }));
    const keyed = ['p_bench', 'main', 'orders'];
    const loose = ['p_bench', 'main', 'orders_no_constraint'];
    await hub.run(createTableSql(keyed, columns, ['id']));
    await hub.run(`INSERT INTO "p_bench"."main"."orders" ${generate('duckdb', rows)}`);
    await hub.run(`CREATE TABLE "p_bench"."main"."orders_no_constraint" AS ${generate('duckdb', rows)}`);
    await hub.run('CHECKPOINT p_bench');
    const measured = await hub.withSession((session) =>
      measure(
        'duckdb',
        object,
        [
          { label: 'with PRIMARY KEY (id)', keyed: true, parts: keyed },
          { label: 'no constraint', keyed: false, parts: loose },
        ],
        (table) => runDuckDBChecks(session, object, { table, sampleLimit: 0 }),
        (sql) => session.query(sql),
      ),
    );
    return report(
      'duckdb',
      rows,
      measured,
      'a product file attached to the hub; "orders" made as a product output table (PRIMARY KEY (id)), the same rows again with no constraint',
    );
  } finally {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
  }
}

async function postgres() {
  const object = normalizeContract(contract(pgRows)).schema[0];
  const schema = `meshplane_bench_quality_${process.pid}`;
  const keyed = [schema, 'orders'];
  const loose = [schema, 'orders_no_constraint'];
  const columns = Object.entries(COLUMNS)
    .map(([name, [, type]]) => `"${name}" ${type}${name === 'id' ? ' NOT NULL' : ''}`)
    .join(', ');
  try {
    await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pg.query(`CREATE SCHEMA "${schema}"`);
    await pg.query(`CREATE TABLE "${schema}"."orders" (${columns}, PRIMARY KEY ("id"))`);
    await pg.query(`INSERT INTO "${schema}"."orders" ${generate('postgres', pgRows)}`);
    await pg.query(`CREATE TABLE "${schema}"."orders_no_constraint" AS ${generate('postgres', pgRows)}`);
    await pg.query(`ANALYZE "${schema}"."orders", "${schema}"."orders_no_constraint"`);
    const measured = await measure(
      'postgres',
      object,
      [
        { label: 'with PRIMARY KEY (id)', keyed: true, parts: keyed },
        { label: 'no constraint', keyed: false, parts: loose },
      ],
      (table) => runPostgresChecks(pg, object, { table, sampleLimit: 0 }),
      (sql) => pg.query(sql),
    );
    return report(
      'postgres',
      pgRows,
      measured,
      `schema ${schema} (dropped at the end), generated with generate_series and ANALYZEd; "orders" with PRIMARY KEY (id), the same rows again with no constraint`,
    );
  } finally {
    await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pg.close();
  }
}

const sample = normalizeContract(contract(10)).schema[0];
const ruleCount = sample.quality.length + sample.properties.reduce((sum, p) => sum + p.quality.length, 0);
console.log(
  `bench/quality: ${ruleCount} library rules per table, ${engines.join(' and ')}, median of ${rounds} rounds, ` +
    `${availableParallelism()} cores`,
);
const wrong = [];
try {
  if (engines.includes('duckdb')) wrong.push(...(await duckdb()));
  if (engines.includes('postgres')) wrong.push(...(await postgres()));
} finally {
  // Safe to close twice; left open, the connection would keep the process alive after a failure.
  await pg?.close();
}
if (wrong.length > 0) {
  console.error(`bench/quality: wrong verdicts:\n  ${wrong.join('\n  ')}`);
  process.exit(1);
}
