// bench/ingest-files: rows per second of a product's file input port (read in bulk by DuckDB,
// every record validated against the input contract, rejects to quarantine, the ledger row and the
// rows in one transaction), per format, as a ratio against a reference measured in the same run:
// DuckDB's own `COPY tbl FROM 'file'` into a typed table in a fresh DuckDB file (no checks, no
// quarantine, no ledger). DESIGN target: at least 0.5x.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { stringify } from 'yaml';
import { loadMesh, MeshRuntime } from '../dist/runtime/index.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const rows = Number(args.get('rows') ?? 1_000_000);
const rounds = Number(args.get('rounds') ?? 3);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: node bench/ingest-files.mjs [--rows=N] [--rounds=N]');
  process.exit(2);
}

const STATUSES = ['active', 'inactive', 'pending', 'closed'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'];
const EMAIL = '^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$';
// One record in 1000 breaks the contract (a status outside the enum, an e-mail without @) while
// still fitting the reference's typed table, so the quarantine path is part of the measure.
const breaksContract = (i) => i % 2000 === 7 || i % 2000 === 1007;
let expectedRejects = 0;
for (let i = 0; i < rows; i++) if (breaksContract(i)) expectedRejects++;

const GENERATE = `SELECT
  range AS id,
  'Customer ' || range AS name,
  CASE WHEN range % 2000 = 7 THEN 'archived' ELSE ${sqlList(STATUSES)}[1 + range % 4] END AS status,
  CASE WHEN range % 10 = 3 THEN NULL
       WHEN range % 2000 = 1007 THEN 'customer' || range || '.example.com'
       ELSE 'customer' || range || '@example.com' END AS email,
  CAST((range * 7919) % 10000000 / 100 AS DECIMAL(12,2)) AS amount,
  ${sqlList(CURRENCIES)}[1 + (range // 7) % 4] AS currency,
  TIMESTAMP '2025-01-01' + to_seconds(range * 17) AS created_at
FROM range(${rows})`;

function sqlList(values) {
  return `[${values.map((v) => `'${v}'`).join(', ')}]`;
}

/** The reference's typed table: the contract's types and required columns as NOT NULL. */
const REFERENCE_TABLE = `CREATE TABLE customers (id BIGINT NOT NULL, name VARCHAR NOT NULL, status VARCHAR,
  email VARCHAR, amount DECIMAL(12,2) NOT NULL, currency VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)`;

const properties = [
  { name: 'id', logicalType: 'integer', physicalType: 'BIGINT', required: true },
  { name: 'name', logicalType: 'string', physicalType: 'VARCHAR', required: true },
  {
    name: 'status',
    logicalType: 'string',
    physicalType: 'VARCHAR',
    quality: [{ type: 'library', metric: 'invalidValues', mustBe: 0, arguments: { validValues: STATUSES } }],
  },
  {
    name: 'email',
    logicalType: 'string',
    physicalType: 'VARCHAR',
    logicalTypeOptions: { pattern: EMAIL },
  },
  { name: 'amount', logicalType: 'number', physicalType: 'DECIMAL(12,2)', required: true },
  { name: 'currency', logicalType: 'string', physicalType: 'VARCHAR', required: true },
  { name: 'created_at', logicalType: 'timestamp', physicalType: 'TIMESTAMP', required: true },
].map((p) => ({ ...p, physicalName: p.name }));

const FORMATS = [
  {
    name: 'csv',
    file: 'customers.csv',
    write: '(FORMAT csv, HEADER)',
    copy: '(FORMAT csv, HEADER)',
    server: { format: 'csv', path: 'data/*.csv' },
    port: { header: true, delimiter: ',' },
  },
  {
    name: 'ndjson',
    file: 'customers.ndjson',
    write: '(FORMAT json)',
    copy: '(FORMAT json)',
    server: { format: 'json', path: 'data/*.ndjson' },
    port: { delimiter: 'new_line' },
  },
  {
    name: 'parquet',
    file: 'customers.parquet',
    write: '(FORMAT parquet)',
    copy: '(FORMAT parquet)',
    server: { format: 'parquet', path: 'data/*.parquet' },
    port: {},
  },
];

/** The workspace: one product per format, each with one file input port and one output port. */
function writeWorkspace(root) {
  const file = (rel, text) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const team = { name: 'bench-team' };
  file(
    'mesh.yaml',
    stringify({
      apiVersion: 'meshplane/v1',
      kind: 'Mesh',
      name: 'bench',
      teams: [{ ...team, members: [{ username: 'owner@example.com', role: 'owner' }] }],
      domains: [{ name: 'bench', ownerTeam: team.name }],
    }),
  );
  for (const format of FORMATS) {
    const product = `customers_${format.name}`;
    const dir = `domains/bench/${product}`;
    const contract = (port, extra) => ({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: `bench.${product}.${port}.v1`,
      name: port,
      version: '1.0.0',
      status: 'active',
      domain: 'bench',
      dataProduct: product,
      team,
      ...extra,
    });
    file(
      `${dir}/product.odps.yaml`,
      stringify({
        apiVersion: 'v1.0.0',
        kind: 'DataProduct',
        id: `bench.${product}`,
        name: product,
        version: '1.0.0',
        status: 'active',
        domain: 'bench',
        inputPorts: [
          { name: 'customer_files', version: '1.0.0', contractId: `bench.${product}.customer_files.v1` },
        ],
        outputPorts: [
          {
            name: 'customers',
            version: '1.0.0',
            type: 'tables',
            contractId: `bench.${product}.customers.v1`,
          },
        ],
        team,
      }),
    );
    file(
      `${dir}/customer_files.odcs.yaml`,
      stringify(
        contract('customer_files', {
          servers: [
            {
              server: 'landing',
              type: 'local',
              ...format.server,
              customProperties: [{ property: 'meshplane.port', value: { kind: 'files', ...format.port } }],
            },
          ],
          schema: [
            {
              name: 'customer_files',
              physicalName: 'customer_files',
              physicalType: 'file',
              logicalType: 'object',
              properties,
            },
          ],
        }),
      ),
    );
    // The output port has no transform: a run of this product is its ingestion only.
    file(
      `${dir}/customers.odcs.yaml`,
      stringify(
        contract('customers', {
          schema: [
            {
              name: 'customers',
              physicalName: 'customers',
              physicalType: 'table',
              logicalType: 'object',
              properties: properties.map((p) =>
                p.name === 'id' ? { ...p, primaryKey: true, primaryKeyPosition: 1 } : p,
              ),
            },
          ],
        }),
      ),
    );
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** DuckDB alone: COPY the file into a typed table of a fresh database file. */
async function reference(format, dataFile, dbFile) {
  const instance = await DuckDBInstance.create(dbFile);
  const connection = await instance.connect();
  try {
    await connection.run(REFERENCE_TABLE);
    const started = performance.now();
    const result = await connection.run(`COPY customers FROM '${dataFile}' ${format.copy}`);
    const ms = performance.now() - started;
    if (result.rowsChanged !== rows) throw new Error(`reference ${format.name}: ${result.rowsChanged} rows`);
    return ms;
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dbFile, { force: true });
    rmSync(`${dbFile}.wal`, { force: true });
  }
}

/** Meshplane: a run of the product (its ingestion), in a fresh runtime; the ingest step's own time. */
async function meshplane(workspace, product) {
  rmSync(path.join(workspace, '.meshplane'), { recursive: true, force: true });
  const runtime = await MeshRuntime.open({ workspace, settleMs: 0 });
  try {
    await runtime.deploy([product]);
    const result = await runtime.runProduct(product, { trigger: 'manual' });
    const ingest = result.ingests[0];
    if (!result.ok || ingest?.result === undefined)
      throw new Error(`meshplane ${product.id}: ${JSON.stringify(ingest?.error ?? result)}`);
    const { rowsAccepted, rowsQuarantined, filesIngested, durationMs } = ingest.result;
    if (
      filesIngested !== 1 ||
      rowsAccepted !== rows - expectedRejects ||
      rowsQuarantined !== expectedRejects
    ) {
      throw new Error(
        `meshplane ${product.id}: ${filesIngested} files, ${rowsAccepted} accepted, ${rowsQuarantined} quarantined; ` +
          `expected 1 file, ${rows - expectedRejects} accepted, ${expectedRejects} quarantined`,
      );
    }
    return durationMs;
  } finally {
    await runtime.close();
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'meshplane-bench-ingest-'));
try {
  const workspace = path.join(root, 'workspace');
  writeWorkspace(workspace);
  const generator = await DuckDBInstance.create(':memory:');
  const connection = await generator.connect();
  await connection.run(`CREATE TABLE customers AS ${GENERATE}`);
  for (const format of FORMATS) {
    format.path = path.join(workspace, `domains/bench/customers_${format.name}/data/${format.file}`);
    mkdirSync(path.dirname(format.path), { recursive: true });
    await connection.run(`COPY customers TO '${format.path}' ${format.write}`);
    format.bytes = statSync(format.path).size;
  }
  connection.closeSync();
  generator.closeSync();

  const mesh = await loadMesh(workspace);
  const errors = mesh.report.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error'));
  if (mesh.problems.length > 0 || errors.length > 0) {
    console.error('the benchmark workspace does not load:', [
      ...mesh.problems,
      ...errors.map((e) => e.message),
    ]);
    process.exit(1);
  }

  const times = new Map(FORMATS.map((f) => [f.name, { reference: [], meshplane: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const format of FORMATS) {
      const product = mesh.products.find((p) => p.id === `bench.customers_${format.name}`);
      const t = times.get(format.name);
      // Alternate which goes first, so neither always meets the colder cache.
      const steps = [
        async () =>
          t.reference.push(
            await reference(format, format.path, path.join(root, `ref-${format.name}.duckdb`)),
          ),
        async () => t.meshplane.push(await meshplane(workspace, product)),
      ];
      for (const step of round % 2 === 0 ? steps : steps.reverse()) await step();
    }
  }

  const perSec = (ms) => Math.round((rows / ms) * 1000);
  console.log(
    `bench/ingest-files: ${rows} rows per file (${expectedRejects} break the contract), median of ${rounds} rounds, ` +
      `${availableParallelism()} cores`,
  );
  for (const format of FORMATS) {
    const t = times.get(format.name);
    const ref = median(t.reference);
    const mp = median(t.meshplane);
    console.log(`  ${format.name} (${(format.bytes / 1e6).toFixed(1)} MB)`);
    // The spread of the rounds beside the median: a wide one means the machine was not quiet.
    const spread = (xs) =>
      xs.length < 2 ? '' : `  (rounds ${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)} ms)`;
    for (const [name, ms, all] of [
      ['reference: DuckDB COPY FROM', ref, t.reference],
      ['meshplane file port ingest', mp, t.meshplane],
    ])
      console.log(
        `    ${name.padEnd(30)} ${ms.toFixed(1).padStart(9)} ms  ${String(perSec(ms)).padStart(9)} rows/s${spread(all)}`,
      );
    console.log(`    ratio meshplane / reference: ${(ref / mp).toFixed(2)}x throughput (target >= 0.5x)`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
