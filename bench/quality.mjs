// bench/quality: time of Meshplane's compiled dataset quality checks (20 ODCS library rules over
// one generated table, in a fresh DuckDB file), against two references measured in the same run:
// (b) one DuckDB scan that reads each column the rules touch once (a count of its non-null
// values), and (c) the same rules run one query per rule. DESIGN targets: a/b at most 1.5x,
// c/a at least 5x. The run stops with exit code 1 when a verdict or a measured count is wrong.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createDuckDBEngine, parseDuckDBConfig } from '../dist/engines/duckdb/index.js';
import { planChecks, runDuckDBChecks } from '../dist/quality/checks/index.js';
import { normalizeContract } from '../dist/spec/model/normalize-contract.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const rows = Number(args.get('rows') ?? 10_000_000);
const rounds = Number(args.get('rounds') ?? 3);
if (!Number.isInteger(rows) || rows < 10 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: node bench/quality.mjs [--rows=N (at least 10)] [--rounds=N]');
  process.exit(2);
}

const STATUSES = ['placed', 'paid', 'shipped', 'delivered'];
const COUNTRIES = ['DE', 'FR', 'NL', 'AT', 'BE'];
const list = (values) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

// Defects at known positions, so every rule's count is known in advance (see EXPECTED).
const GENERATE = `SELECT
  range AS id,
  'O-' || range AS order_ref,
  CASE WHEN range % 100 = 7 THEN NULL ELSE range % 50000 END AS customer_id,
  CASE range % 50 WHEN 3 THEN NULL WHEN 4 THEN '' WHEN 5 THEN 'N/A'
    ELSE 'c' || range || '@example.com' END AS email,
  CASE WHEN range % 1000 = 999 THEN 'archived' ELSE ${list(STATUSES)}[1 + range % 4] END AS status,
  CASE WHEN range % 10000 = 5 THEN 'xx' ELSE ${list(COUNTRIES)}[1 + range % 5] END AS country,
  ${list(['EUR', 'USD'])}[1 + range % 2] AS currency,
  CAST(range % 10000 AS DOUBLE) / 100 AS amount,
  CAST(1 + range % 9 AS INTEGER) AS quantity,
  TIMESTAMP '2025-01-01' + to_seconds(range) AS created_at,
  'SKU-' || lpad(CAST(range % 100000 AS VARCHAR), 6, '0') AS sku
FROM range(${rows})`;

/** How many i in [0, rows) have i % m === r. */
const every = (m, r) => (rows > r ? Math.floor((rows - 1 - r) / m) + 1 : 0);
const pct = (n) => (n * 100) / rows;

const EMAIL = '[^@\\s]+@[^@\\s]+\\.[a-z]{2,}';
const rule = (name, fields) => ({ name, ...fields });
const property = (name, logicalType, quality = []) => ({ name, logicalType, quality });

const contract = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'bench.quality.orders.v1',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      physicalType: 'table',
      quality: [rule('row_count', { metric: 'rowCount', mustBe: rows })],
      properties: [
        property('id', 'integer', [
          rule('id_not_null', { metric: 'nullValues', mustBe: 0 }),
          rule('id_unique', { metric: 'duplicateValues', mustBe: 0 }),
        ]),
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
};

// Read through the project's normalizer, as a contract file would be.
const object = normalizeContract(contract).schema[0];
const ruleCount = [...object.quality, ...object.properties.flatMap((p) => p.quality)].length;

/** name → [status, measured] each rule must get on the generated data. */
const EXPECTED = {
  row_count: ['passed', rows],
  id_not_null: ['passed', 0],
  id_unique: ['passed', 0],
  order_ref_set: ['passed', 0],
  customer_id_mostly_set: ['passed', pct(every(100, 7))],
  customer_id_not_null: ['failed', every(100, 7)],
  email_mostly_set: ['passed', pct(every(50, 3))],
  email_missing: [
    pct(every(50, 3) + every(50, 4) + every(50, 5)) <= 6 ? 'passed' : 'failed',
    pct(every(50, 3) + every(50, 4) + every(50, 5)),
  ],
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
if (every(10000, 5) === 0) EXPECTED.country_code = ['passed', 0];
if (every(1000, 999) === 0) EXPECTED.status_known = ['passed', 0];
if (every(100, 7) === 0) EXPECTED.customer_id_not_null = ['passed', 0];

const TABLE = ['p_bench', 'main', 'orders'];
const QUALIFIED = TABLE.map((p) => `"${p}"`).join('.');
const touched = object.properties.filter((p) => p.quality.length > 0).map((p) => p.physicalName);

/** (b): one scan reading each touched column once. */
const REFERENCE = `SELECT count(*) AS n, ${touched.map((c, i) => `count("${c}") AS c${i}`).join(', ')} FROM ${QUALIFIED}`;

/** (c): each rule's own aggregate, as a checker without a planner would send it. */
const perRule = [...object.quality, ...object.properties.flatMap((p) => p.quality)].map((r) => {
  const single = { ...object, quality: r.property === undefined ? [r] : [] };
  single.properties = object.properties.map((p) => ({ ...p, quality: p.name === r.property ? [r] : [] }));
  return planChecks(single, { dialect: 'duckdb', table: TABLE }).aggregate.sql;
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
};

function verify(report) {
  const wrong = [];
  for (const result of report.results) {
    const [status, measured] = EXPECTED[result.rule] ?? [];
    if (result.status !== status || Math.abs((result.measured ?? Number.NaN) - measured) > 1e-9)
      wrong.push(
        `${result.rule}: got ${result.status} ${result.measured}, expected ${status} ${measured} (${result.message})`,
      );
  }
  if (report.results.length !== Object.keys(EXPECTED).length) wrong.push(`${report.results.length} results`);
  return wrong;
}

const root = mkdtempSync(path.join(tmpdir(), 'meshplane-bench-quality-'));
const hub = await createDuckDBEngine(parseDuckDBConfig({})).open();
let failed = false;
try {
  await hub.attach('p_bench', path.join(root, 'bench.duckdb'));
  await hub.run(`CREATE TABLE ${QUALIFIED} AS ${GENERATE}`);
  await hub.run('CHECKPOINT p_bench');
  const times = { meshplane: [], reference: [], perRule: [] };
  let report;
  await hub.withSession(async (session) => {
    // Warm the cache once so the first measured step does not pay for reading the file.
    await session.query(REFERENCE);
    for (let round = 0; round < rounds; round++) {
      const steps = [
        async () => {
          const [ms, value] = await time(() =>
            runDuckDBChecks(session, object, { table: TABLE, sampleLimit: 0 }),
          );
          times.meshplane.push(ms);
          report = value;
        },
        async () => times.reference.push((await time(() => session.query(REFERENCE)))[0]),
        async () =>
          times.perRule.push(
            (
              await time(async () => {
                for (const sql of perRule) await session.query(sql);
              })
            )[0],
          ),
      ];
      // Rotate which goes first, so none always meets the coldest cache.
      for (let s = 0; s < steps.length; s++) await steps[(s + round) % steps.length]();
    }
  });

  const wrong = verify(report);
  const a = median(times.meshplane);
  const b = median(times.reference);
  const c = median(times.perRule);
  const spread = (xs) =>
    xs.length < 2 ? '' : `  (rounds ${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)} ms)`;
  console.log(
    `bench/quality: ${ruleCount} library rules over ${rows} rows (${touched.length} columns), median of ${rounds} rounds, ` +
      `${availableParallelism()} cores`,
  );
  console.log(
    `  verdicts: ${report.results.filter((r) => r.status === 'passed').length} passed, ` +
      `${report.results.filter((r) => r.status === 'failed').length} failed, ${wrong.length === 0 ? 'all as expected' : `${wrong.length} WRONG`}`,
  );
  for (const [name, ms, all] of [
    ['(a) meshplane compiled checks', a, times.meshplane],
    ['(b) reference: one scan, each column once', b, times.reference],
    ['(c) one query per rule', c, times.perRule],
  ])
    console.log(`  ${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms${spread(all)}`);
  console.log(`  statements sent by meshplane: ${report.statements} (one scan for all ${ruleCount} rules)`);
  console.log(`  ratio a/b: ${(a / b).toFixed(2)}x (target <= 1.5x)`);
  console.log(`  ratio c/a: ${(c / a).toFixed(2)}x (target >= 5x)`);
  if (wrong.length > 0) {
    console.error(`bench/quality: wrong verdicts:\n  ${wrong.join('\n  ')}`);
    failed = true;
  }
} finally {
  await hub.close();
  rmSync(root, { recursive: true, force: true });
}
if (failed) process.exit(1);
