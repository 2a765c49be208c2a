/**
 * `meshplane import postgres|mariadb` end to end: tables created on the local servers, imported by
 * the CLI into a fresh workspace, validated, deployed and run by the runtime (the sql-table input
 * port reads the source tables), and the products' rows compared with the source's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/engines/engine.js';
import { loadMesh, MeshRuntime } from '../../src/runtime/index.js';
import {
  MARIADB,
  mariadbAdmin,
  mariadbUnavailable,
  PG,
  pgAdmin,
  postgresUnavailable,
  serviceReady,
  uniqueName,
} from '../engines/support/sql-servers.js';
import { runCli } from '../support/cli.js';

interface SourceCase {
  readonly name: string;
  readonly unavailable: () => Promise<string | undefined>;
  readonly create: (ns: string) => Promise<unknown>;
  readonly drop: (ns: string) => Promise<unknown>;
  /** The rows of a table, every column as the source prints it, in key order. */
  readonly sourceRows: (ns: string, table: string, columns: readonly string[]) => Promise<Row[]>;
  readonly importArgs: (ns: string) => string[];
}

const CUSTOMERS = ['customer_id', 'email', 'name', 'tier', 'balance', 'signed_up', 'created_at'];
const ORDERS = ['order_id', 'customer_id', 'amount', 'placed_on', 'note'];

const ROWS = {
  customers: `(1, 'ann@example.com', 'Ann', 'gold', 12.50, '2024-05-06', '2025-01-02 10:00:00'),
    (2, 'bob@example.com', NULL, 'silver', 0, NULL, '2025-01-03 11:30:15'),
    (3, 'cy@example.com', 'Cy ''the'' Third', 'gold', -7.25, '2000-02-29', '1999-12-31 23:59:59')`,
  orders: `(10, 1, 99.99, '2025-02-01', 'first'), (11, 1, 0.01, '2025-02-02', NULL), (12, 3, 1000, '2025-02-03', 'big')`,
};

const POSTGRES: SourceCase = {
  name: 'PostgreSQL',
  unavailable: postgresUnavailable,
  create: (ns) =>
    pgAdmin(
      `CREATE SCHEMA "${ns}"`,
      `CREATE TYPE "${ns}".tier AS ENUM ('silver', 'gold')`,
      `CREATE TABLE "${ns}".customers (
        customer_id integer PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, name text, tier "${ns}".tier NOT NULL,
        balance numeric(10,2) NOT NULL DEFAULT 0, signed_up date, created_at timestamp NOT NULL
      )`,
      `COMMENT ON TABLE "${ns}".customers IS 'People who buy'`,
      `CREATE TABLE "${ns}".orders (
        order_id bigint PRIMARY KEY, customer_id integer NOT NULL REFERENCES "${ns}".customers, amount numeric(12,2),
        placed_on date, note text
      )`,
      `INSERT INTO "${ns}".customers VALUES ${ROWS.customers}`,
      `INSERT INTO "${ns}".orders VALUES ${ROWS.orders}`,
    ),
  drop: (ns) => pgAdmin(`DROP SCHEMA IF EXISTS "${ns}" CASCADE`),
  async sourceRows(ns, table, columns) {
    const list = columns.map((c) => `"${c}"::text AS "${c}"`).join(', ');
    const [result] = await pgAdmin(`SELECT ${list} FROM "${ns}"."${table}" ORDER BY 1`);
    return result?.rows ?? [];
  },
  importArgs: (ns) => [
    'import',
    'postgres',
    `postgres://${PG.user}@${PG.host}:${PG.port}/${PG.database}`,
    '--schema',
    ns,
    '--domain',
    'crm',
  ],
};

const MARIA: SourceCase = {
  name: 'MariaDB',
  unavailable: mariadbUnavailable,
  create: (ns) =>
    mariadbAdmin(
      `CREATE DATABASE \`${ns}\``,
      `CREATE TABLE \`${ns}\`.customers (
        customer_id INT PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE, name TEXT, tier ENUM('silver', 'gold') NOT NULL,
        balance DECIMAL(10,2) NOT NULL DEFAULT 0, signed_up DATE, created_at DATETIME NOT NULL
      ) ENGINE=InnoDB COMMENT='People who buy'`,
      `CREATE TABLE \`${ns}\`.orders (
        order_id BIGINT PRIMARY KEY, customer_id INT NOT NULL, amount DECIMAL(12,2), placed_on DATE, note TEXT,
        FOREIGN KEY (customer_id) REFERENCES \`${ns}\`.customers (customer_id)
      ) ENGINE=InnoDB`,
      `INSERT INTO \`${ns}\`.customers VALUES ${ROWS.customers}`,
      `INSERT INTO \`${ns}\`.orders VALUES ${ROWS.orders}`,
    ),
  drop: (ns) => mariadbAdmin(`DROP DATABASE IF EXISTS \`${ns}\``),
  async sourceRows(ns, table, columns) {
    const list = columns.map((c) => `CAST(\`${c}\` AS CHAR) AS \`${c}\``).join(', ');
    const [rows] = await mariadbAdmin(`SELECT ${list} FROM \`${ns}\`.\`${table}\` ORDER BY 1`);
    return rows as Row[];
  },
  importArgs: (ns) => [
    'import',
    'mariadb',
    `mysql://${MARIADB.user}@${MARIADB.host}:${MARIADB.port}/${ns}`,
    '--database',
    ns,
    '--domain',
    'crm',
  ],
};

for (const source of [POSTGRES, MARIA]) {
  const ready = serviceReady(`import from ${source.name}`, await source.unavailable());

  describe.skipIf(!ready)(`meshplane import from ${source.name}`, () => {
    const ns = uniqueName('meshplane_import');
    const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-import-db-'));
    const workspace = path.join(dir, 'mesh');
    let runtime: MeshRuntime | undefined;

    beforeAll(async () => {
      await source.create(ns);
    });

    afterAll(async () => {
      await runtime?.close();
      rmSync(dir, { recursive: true, force: true });
      await source.drop(ns);
    });

    it('imports the tables as products that validate', () => {
      expect(runCli(['init', workspace], dir).status).toBe(0);
      const imported = runCli(source.importArgs(ns), workspace);
      expect(imported.stderr).not.toMatch(/meshplane: /);
      expect(imported.status).toBe(0);
      expect(imported.stdout).toContain('crm.customers');
      expect(imported.stdout).toContain('crm.orders');
      const validated = runCli(['validate'], workspace);
      expect(validated.stdout + validated.stderr).not.toMatch(/\berror\b/i);
      expect(validated.status).toBe(0);
    });

    it('runs the products: their rows equal the source rows', async () => {
      const mesh = await loadMesh(workspace);
      expect(mesh.problems).toEqual([]);
      expect(mesh.products.map((p) => p.id).sort()).toEqual(['crm.customers', 'crm.orders']);
      runtime = await MeshRuntime.open({ workspace, settleMs: 0 });
      await runtime.deploy(mesh.products);
      for (const product of mesh.products) {
        const result = await runtime.runProduct(product, { trigger: 'manual' });
        expect(result.ingests.map((i) => [i.port, i.status, i.error?.message])).toEqual([
          ['source', 'succeeded', undefined],
        ]);
        expect(result.ingests[0]?.result).toMatchObject({ rowsAccepted: 3, rowsQuarantined: 0 });
        expect(result.ok).toBe(true);
      }
      for (const [table, columns] of [
        ['customers', CUSTOMERS],
        ['orders', ORDERS],
      ] as const) {
        const list = columns.map((c) => `cast(${c} as varchar) as ${c}`).join(', ');
        const stream = await runtime.runQuery(`select ${list} from crm.${table} order by 1`);
        const rows: Row[] = [];
        for await (const chunk of stream) rows.push(...chunk);
        const expected = await source.sourceRows(ns, table, columns);
        expect(expected).toHaveLength(3);
        expect(rows).toEqual(expected);
      }
    });
  });
}
