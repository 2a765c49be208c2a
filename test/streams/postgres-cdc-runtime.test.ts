/**
 * The postgres-cdc port end to end: a private PostgreSQL with wal_level=logical, a deployed product
 * whose input contract has a `postgres` server with `meshplane.port kind: postgres-cdc`, the
 * runtime's stream sink storing the snapshot and the changes in the product's DuckDB file, bad
 * rows in quarantine, a restart of the runtime on the same file, and SIGKILL of a consumer process
 * while a writer keeps changing the table.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { postgresCdcSourceFactoryWith } from '../../src/ports/postgres-cdc/index.js';
import type { PortStatus, StreamSourceContext } from '../../src/ports/stream/index.js';
import { isStoredInput, productAlias } from '../../src/runtime/index.js';
import { compileRuntime } from '../runtime/support/compile-runtime.js';
import {
  contractYaml,
  makeWorkspace,
  meshYaml,
  openMesh,
  productYaml,
  removeWorkspace,
  type TestMesh,
} from '../runtime/support/workspace.js';
import {
  type PrivatePostgres,
  privatePostgresUnavailable,
  startPrivatePostgres,
} from '../support/private-postgres.js';

const why = privatePostgresUnavailable();
if (why !== undefined) {
  if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') throw new Error(`postgres-cdc runtime: ${why}`);
  console.warn(`\n*** SKIPPED: postgres-cdc runtime: ${why} ***\n`);
}

const DIR = 'domains/crm/accounts';
const PRODUCT = 'crm.accounts';
const PORT = 'accounts_src';

const PROPERTIES = [
  {
    name: 'id',
    logicalType: 'integer',
    physicalType: 'BIGINT',
    required: true,
    primaryKey: true,
    primaryKeyPosition: 1,
  },
  { name: 'name', logicalType: 'string', required: true },
  { name: 'amount', logicalType: 'number', physicalType: 'DECIMAL(30,4)' },
  { name: 'big', logicalType: 'integer', physicalType: 'BIGINT' },
  {
    name: 'at',
    logicalType: 'timestamp',
    physicalType: 'TIMESTAMPTZ',
    logicalTypeOptions: { timezone: true },
  },
  { name: 'ok', logicalType: 'boolean' },
];

/** A workspace whose product reads table `accounts` of `pg` through a postgres-cdc port. */
function cdcWorkspace(pg: { host: string; port: number; database: string; user: string }): string {
  const input = stringify({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'crm.accounts.src.v1',
    name: PORT,
    version: '1.0.0',
    status: 'active',
    domain: 'crm',
    dataProduct: 'accounts',
    team: { name: 'crm-team' },
    servers: [
      {
        server: 'crm-db',
        type: 'postgres',
        host: pg.host,
        port: pg.port,
        database: pg.database,
        schema: 'public',
        customProperties: [
          {
            property: 'meshplane.port',
            value: {
              kind: 'postgres-cdc',
              table: 'accounts',
              publication: 'accounts_pub',
              createPublication: true,
              slot: 'accounts_slot',
              user: pg.user,
              batchRows: 200,
            },
          },
        ],
      },
    ],
    schema: [{ name: PORT, physicalName: PORT, logicalType: 'object', properties: PROPERTIES }],
  });
  return makeWorkspace({
    'mesh.yaml': meshYaml(['crm']),
    [`${DIR}/product.odps.yaml`]: productYaml({
      id: PRODUCT,
      domain: 'crm',
      inputs: [{ name: PORT, contractId: 'crm.accounts.src.v1' }],
      outputs: [{ name: 'accounts', contractId: 'crm.accounts.accounts.v1' }],
    }),
    [`${DIR}/${PORT}.odcs.yaml`]: input,
    [`${DIR}/accounts.odcs.yaml`]: contractYaml({
      id: 'crm.accounts.accounts.v1',
      domain: 'crm',
      product: 'accounts',
      table: 'accounts',
      properties: [
        { name: 'id', logicalType: 'integer', physicalType: 'BIGINT', required: true, primaryKey: 1 },
        { name: 'name', logicalType: 'string', required: true },
      ],
      meshplane: { transform: 'accounts.sql', refresh: 'full' },
    }),
    [`${DIR}/accounts.sql`]: `select id, name from ${PORT}`,
  });
}

const TABLE_SQL =
  'CREATE TABLE accounts (id bigint PRIMARY KEY, name text, amount numeric(30,4), big bigint, at timestamptz, ok boolean)';

function digest(rows: readonly Record<string, unknown>[]): string {
  const lines = rows.map((r) =>
    JSON.stringify(['id', 'name', 'amount', 'big', 'at_us', 'ok'].map((c) => r[c] ?? null)),
  );
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

/** The source's valid rows (a NULL name breaks the contract: quarantined), as text. */
async function sourceDigest(pg: PrivatePostgres): Promise<string> {
  const [result] = await pg.admin(
    `SELECT id::text AS id, name, amount::text AS amount, big::text AS big,
            (extract(epoch FROM at) * 1000000)::bigint::text AS at_us, ok::text AS ok
       FROM accounts WHERE name IS NOT NULL`,
  );
  return digest(result?.rows ?? []);
}

/** The product's input table, as text. */
async function productDigest(mesh: TestMesh): Promise<string> {
  const rows = await mesh.runtime.hub.query(
    `SELECT id::VARCHAR AS id, name, amount::VARCHAR AS amount, big::VARCHAR AS big,
            epoch_us("at")::VARCHAR AS at_us, ok::VARCHAR AS ok
       FROM ${productAlias(PRODUCT)}.input.${PORT}`,
  );
  return digest(rows);
}

function startSource(mesh: TestMesh) {
  const product = mesh.product(PRODUCT);
  const port = product.inputs.find((p) => p.name === PORT);
  if (port === undefined || !isStoredInput(port)) throw new Error(`no stored input port ${PORT}`);
  expect(port.kind).toBe('postgres-cdc');
  const controller = new AbortController();
  const statuses: Omit<PortStatus, 'since'>[] = [];
  const ctx: StreamSourceContext = {
    productId: PRODUCT,
    port: PORT,
    sink: mesh.runtime.streamSink(PRODUCT, PORT),
    signal: controller.signal,
    report: (s) => statuses.push(s),
    log: () => undefined,
  };
  const done = postgresCdcSourceFactoryWith({ statusIntervalMs: 200, maxDelayMs: 20 })(port, product).run(
    ctx,
  );
  done.catch(() => undefined);
  return {
    statuses,
    done,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(why !== undefined)('postgres-cdc through the runtime', () => {
  let pg: PrivatePostgres;
  const cleanup: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    pg = await startPrivatePostgres();
  }, 60_000);

  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  afterAll(async () => {
    await pg?.stop();
  });

  it('stores the snapshot and the changes in the input table, quarantines bad rows, resumes after a restart', async () => {
    await pg.admin(
      TABLE_SQL,
      `INSERT INTO accounts SELECT g, 'account ' || g, g * 1.0001, 9007199254740993 + g,
              timestamptz '2025-01-02 10:00:00.123456+02' + g * interval '1 second', g % 2 = 0
         FROM generate_series(1, 1000) g`,
    );
    const root = cdcWorkspace(pg);
    cleanup.push(() => removeWorkspace(root));
    let mesh = await openMesh(root);
    cleanup.push(() => mesh.runtime.close());
    let source = startSource(mesh);
    cleanup.push(() => source.stop());

    await until('the snapshot', async () => (await productDigest(mesh)) === (await sourceDigest(pg)));
    await pg.admin(
      `INSERT INTO accounts VALUES (5000, 'exact', 12345678901234567890.1234, 9223372036854775807, '2025-06-01 00:00:00.000001+00', true)`,
      "UPDATE accounts SET name = 'renamed', amount = amount + 1 WHERE id <= 100",
      'DELETE FROM accounts WHERE id BETWEEN 101 AND 150',
      'UPDATE accounts SET id = 7000 WHERE id = 151',
      'INSERT INTO accounts (id, name) VALUES (8000, NULL)',
    );
    await until('the changes', async () => (await productDigest(mesh)) === (await sourceDigest(pg)));
    const alias = productAlias(PRODUCT);
    const [exact] = await mesh.runtime.hub.query(
      `SELECT amount::VARCHAR AS amount, big::VARCHAR AS big, epoch_us("at") AS us FROM ${alias}.input.${PORT} WHERE id = 5000`,
    );
    expect(exact).toMatchObject({ amount: '12345678901234567890.1234', big: '9223372036854775807' });
    expect(BigInt(String(exact?.us))).toBe(1748736000000001n);
    const quarantined = await mesh.runtime.hub.query(
      `SELECT port, source, reason FROM ${alias}._meshplane.quarantine WHERE port = '${PORT}'`,
    );
    expect(quarantined).toHaveLength(1);
    expect(String(quarantined[0]?.source)).toMatch(/^postgres:[0-9A-F]+\/[0-9A-F]+#1$/);
    expect(String(quarantined[0]?.reason)).toMatch(/name/);
    await until('a running status with the lag in bytes', () =>
      source.statuses.some((s) => s.state === 'running' && s.lagUnit === 'bytes'),
    );

    // Stop, change the table, reopen the runtime on the same file and go on from the checkpoint.
    await source.stop();
    await mesh.runtime.close();
    await pg.admin(
      'UPDATE accounts SET ok = NOT ok WHERE id BETWEEN 200 AND 300',
      'DELETE FROM accounts WHERE id > 900 AND id < 1000',
      "INSERT INTO accounts (id, name, at) VALUES (9000, 'after restart', now())",
    );
    mesh = await openMesh(root);
    source = startSource(mesh);
    await until(
      'the changes made while stopped',
      async () => (await productDigest(mesh)) === (await sourceDigest(pg)),
    );
    const again = await mesh.runtime.hub.query(
      `SELECT count(*)::INTEGER AS n FROM ${alias}._meshplane.quarantine WHERE port = '${PORT}'`,
    );
    expect(again[0]?.n).toBe(1);

    const result = await mesh.runtime.runProduct(mesh.product(PRODUCT), { trigger: 'manual' });
    expect(result.ok).toBe(true);
    const [count] = await mesh.runtime.hub.query(`SELECT count(*)::INTEGER AS n FROM ${alias}.main.accounts`);
    const [expected] = await pg.admin('SELECT count(*)::int AS n FROM accounts WHERE name IS NOT NULL');
    expect(count?.n).toBe(expected?.rows[0]?.n);
  });
});

/** A consumer process: the compiled runtime and port, restarting the source like the supervisor. */
const CHILD = `
import { loadMesh, MeshRuntime } from './out/runtime/index.js';
import { postgresCdcSourceFactoryWith } from './out/ports/postgres-cdc/index.js';
const root = process.argv[2];
const mesh = await loadMesh(root);
const runtime = await MeshRuntime.open({ workspace: root, settleMs: 0 });
await runtime.deploy(mesh.products);
const product = mesh.products[0];
const port = product.inputs.find((p) => p.name === '${PORT}');
const source = postgresCdcSourceFactoryWith({ statusIntervalMs: 300, maxDelayMs: 10 })(port, product);
const ctx = {
  productId: product.id,
  port: port.name,
  sink: runtime.streamSink(product.id, port.name),
  signal: new AbortController().signal,
  report: (s) => s.state === 'running' && process.stdout.write('running\\n'),
  log: () => {},
};
process.stdout.write('ready\\n');
for (;;) {
  await source.run(ctx).catch((e) => process.stderr.write(String(e) + '\\n'));
  await new Promise((r) => setTimeout(r, 100));
}
`;

/** Keeps changing the table in small transactions (insert, update, delete) until stopped. */
function startWriter(server: PrivatePostgres) {
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    user: server.user,
    database: server.database,
  });
  let running = true;
  let transactions = 0;
  let next = 100_000;
  const done = (async () => {
    await client.connect();
    while (running) {
      const id = next++;
      await client.query(
        `BEGIN;
         INSERT INTO accounts VALUES (${id}, 'w ${id}', ${id}.5, ${id}, now(), true);
         UPDATE accounts SET name = 'u ' || ${id}, amount = amount + 1 WHERE id = ${randomInt(1, 1000)};
         DELETE FROM accounts WHERE id = ${randomInt(1, 1000)};
         UPDATE accounts SET ok = NOT ok WHERE id = ${id - randomInt(0, 50)};
         COMMIT;`,
      );
      transactions += 1;
      await new Promise((r) => setTimeout(r, randomInt(0, 5)));
    }
    await client.end();
  })();
  return {
    get transactions() {
      return transactions;
    },
    stop: async () => {
      running = false;
      await done;
    },
  };
}

function startChild(build: string, root: string) {
  const child = spawn(process.execPath, [path.join(build, 'child.mjs'), root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise((resolve) => child.on('exit', resolve));
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => d.toString().includes(word) && resolve());
      child.on('exit', () => reject(new Error(`consumer exited before ${word}: ${stderr}`)));
    });
  const ready = said('ready');
  const streaming = said('running');
  streaming.catch(() => undefined);
  return { child, ready, streaming, exit };
}

describe.skipIf(why !== undefined)('postgres-cdc under SIGKILL', () => {
  const ROUNDS = 10;
  let server: PrivatePostgres;
  let build: string;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    build = compileRuntime();
    // The runtime's build holds what the runtime imports; the port is compiled beside it.
    writeFileSync(
      path.join(build, 'tsconfig.cdc.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        files: [path.resolve('src/ports/postgres-cdc/index.ts')],
      }),
    );
    execFileSync(
      process.execPath,
      [
        path.resolve('node_modules/typescript/bin/tsc'),
        '-p',
        path.join(build, 'tsconfig.cdc.json'),
        '--noCheck',
      ],
      {
        stdio: 'pipe',
      },
    );
    writeFileSync(path.join(build, 'child.mjs'), CHILD);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (build !== undefined) rmSync(build, { recursive: true, force: true });
  });

  it(`ends with the input table equal to the source table after ${ROUNDS} kills`, async () => {
    await server.admin(
      TABLE_SQL,
      `INSERT INTO accounts SELECT g, 'account ' || g, g * 1.0001, g, now(), g % 2 = 0 FROM generate_series(1, 1000) g`,
    );
    const root = cdcWorkspace(server);
    const writer = startWriter(server);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const { child, ready, streaming, exit } = startChild(build, root);
        await ready;
        // Odd rounds kill at any moment (during the snapshot too), even ones while changes stream.
        if (round % 2 === 0) await streaming;
        await new Promise((r) => setTimeout(r, randomInt(round % 2 === 0 ? 0 : 50, 600)));
        child.kill('SIGKILL');
        await exit;
      }
    } finally {
      await writer.stop();
    }
    expect(writer.transactions).toBeGreaterThan(ROUNDS);
    const mesh = await openMesh(root);
    const source = startSource(mesh);
    try {
      const expected = await sourceDigest(server);
      await until(
        'the input table to equal the source table',
        async () => (await productDigest(mesh)) === expected,
        60_000,
      );
      const [keys] = await mesh.runtime.hub.query(
        `SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS ids FROM ${productAlias(PRODUCT)}.input.${PORT}`,
      );
      expect(keys?.n).toBe(keys?.ids);
    } finally {
      await source.stop();
      await mesh.runtime.close();
      removeWorkspace(root);
    }
  }, 240_000);
});
