/**
 * The `sql-table` input port end to end, on each server: a product whose input is a source table,
 * run by the runtime, queried through its mesh name; the source changed and run again; rows that
 * break the contract quarantined; the source down or the table gone failing the run while the
 * previous snapshot stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/engines/engine.js';
import type { ProductRunResult } from '../../src/runtime/index.js';
import { makeWorkspace, openMesh, removeWorkspace, type TestMesh } from '../runtime/support/workspace.js';
import {
  MARIADB,
  mariadbAdmin,
  mariadbUnavailable,
  PG,
  pgAdmin,
  postgresUnavailable,
  serviceReady,
  uniqueName,
} from './support/sql-servers.js';
import { type SourceServer, sqlTableMesh } from './support/sql-table-mesh.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

interface EngineCase {
  readonly name: string;
  readonly unavailable: () => Promise<string | undefined>;
  readonly admin: (...sql: string[]) => Promise<unknown>;
  /** `"ns".customers` / `` `ns`.customers ``. */
  readonly table: (ns: string) => string;
  readonly create: (ns: string) => string[];
  readonly drop: (ns: string) => string;
  /** The 6th row, inserted before the second run. */
  readonly insertSixth: (ns: string) => string;
  readonly server: (ns: string, proxyPort: number) => SourceServer;
  readonly location: (ns: string, proxyPort: number) => string;
  readonly target: string;
}

const POSTGRES: EngineCase = {
  name: 'PostgreSQL',
  unavailable: postgresUnavailable,
  admin: pgAdmin,
  table: (ns) => `"${ns}".customers`,
  create: (ns) => [
    `CREATE SCHEMA "${ns}"`,
    `CREATE TABLE "${ns}".customers (
      customer_id bigint PRIMARY KEY, email text NOT NULL, name text, balance numeric(12,2), big bigint,
      ratio double precision, active boolean, birthday date, created_at timestamp(6), seen_at timestamptz,
      tags text[], profile jsonb
    )`,
    `INSERT INTO "${ns}".customers VALUES
      (1, 'a@x.io', 'Ann', 12.50, 9007199254740993, 0.1, true, '1990-02-03', '2025-01-02 10:00:00.123456',
       '2025-01-02 12:00:00+02', ARRAY['vip', 'eu'], '{"tier": "gold"}'),
      (2, 'b@x.io', 'Bob', -3, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL),
      (3, 'c@x.io', 'O''Hara "Q"', 0, -1, 1e300, NULL, '2000-02-29', '1999-12-31 23:59:59', NULL, '{}', '[]'),
      (4, 'not-an-email', 'Dan', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (5, 'e@x.io', NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
  ],
  drop: (ns) => `DROP SCHEMA IF EXISTS "${ns}" CASCADE`,
  insertSixth: (ns) =>
    `INSERT INTO "${ns}".customers (customer_id, email, name, balance, tags) VALUES (6, 'f@x.io', 'Fay', 1.25, ARRAY['new'])`,
  server: (ns, port) => ({
    type: 'postgres',
    host: '127.0.0.1',
    port,
    database: PG.database,
    schema: ns,
    table: 'customers',
    user: PG.user,
    batchRows: 2,
  }),
  location: (ns, port) => `postgres://127.0.0.1:${port}/${PG.database}/${ns}.customers`,
  target: 'postgres',
};

const MARIA: EngineCase = {
  name: 'MariaDB',
  unavailable: mariadbUnavailable,
  admin: mariadbAdmin,
  table: (ns) => `\`${ns}\`.customers`,
  create: (ns) => [
    `CREATE DATABASE \`${ns}\``,
    `CREATE TABLE \`${ns}\`.customers (
      customer_id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL, name TEXT, balance DECIMAL(12,2), big BIGINT,
      ratio DOUBLE, active BOOLEAN, birthday DATE, created_at DATETIME(6), seen_at TIMESTAMP(6) NULL,
      tags JSON, profile JSON
    ) ENGINE=InnoDB`,
    // TIMESTAMP values are written at +02:00 and read back in UTC.
    `SET time_zone = '+02:00'`,
    `INSERT INTO \`${ns}\`.customers VALUES
      (1, 'a@x.io', 'Ann', 12.50, 9007199254740993, 0.1, true, '1990-02-03', '2025-01-02 10:00:00.123456',
       '2025-01-02 12:00:00', '["vip", "eu"]', '{"tier": "gold"}'),
      (2, 'b@x.io', 'Bob', -3, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL),
      (3, 'c@x.io', 'O''Hara "Q"', 0, -1, 1e300, NULL, '2000-02-29', '1999-12-31 23:59:59', NULL, '[]', '[]'),
      (4, 'not-an-email', 'Dan', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (5, 'e@x.io', NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
  ],
  drop: (ns) => `DROP DATABASE IF EXISTS \`${ns}\``,
  insertSixth: (ns) =>
    `INSERT INTO \`${ns}\`.customers (customer_id, email, name, balance, tags) VALUES (6, 'f@x.io', 'Fay', 1.25, '["new"]')`,
  server: (ns, port) => ({
    type: 'mysql',
    host: '127.0.0.1',
    port,
    database: ns,
    table: 'customers',
    user: MARIADB.user,
    batchRows: 2,
  }),
  location: (ns, port) => `mysql://127.0.0.1:${port}/${ns}/customers`,
  target: 'mariadb',
};

const SELECT = `select customer_id, email, name, balance, big, ratio, active, birthday, created_at, seen_at, tags,
  profile, typeof(customer_id) as t_id, typeof(balance) as t_balance, typeof(seen_at) as t_seen,
  typeof(tags) as t_tags, typeof(profile) as t_profile
from crm.customers order by customer_id`;

const ANN = {
  customer_id: '1',
  email: 'a@x.io',
  name: 'Ann',
  balance: '12.50',
  big: '9007199254740993',
  ratio: 0.1,
  active: true,
  birthday: '1990-02-03',
  created_at: '2025-01-02 10:00:00.123456',
  seen_at: '2025-01-02 10:00:00+00',
  tags: ['vip', 'eu'],
  profile: '{"tier":"gold"}',
};
const BOB = {
  customer_id: '2',
  email: 'b@x.io',
  name: 'Bob',
  balance: '-3.00',
  big: null,
  ratio: null,
  active: false,
  birthday: null,
  created_at: null,
  seen_at: null,
  tags: null,
  profile: null,
};
const TYPES = {
  t_id: 'BIGINT',
  t_balance: 'DECIMAL(12,2)',
  t_seen: 'TIMESTAMP WITH TIME ZONE',
  t_tags: 'VARCHAR[]',
  t_profile: 'JSON',
};

for (const engine of [POSTGRES, MARIA]) {
  const ready = serviceReady(`sql-table port on ${engine.name}`, await engine.unavailable());

  describe.skipIf(!ready)(`sql-table input port on ${engine.name}`, () => {
    const ns = uniqueName('meshplane_sql_table');
    let proxy: TcpProxy;
    let mesh: TestMesh;

    const run = (): Promise<ProductRunResult> =>
      mesh.runtime.runProduct(mesh.product('crm.customers'), { trigger: 'manual' });
    const rows = async (): Promise<Row[]> => {
      const stream = await mesh.runtime.runQuery(SELECT);
      const all: Row[] = [];
      for await (const chunk of stream) all.push(...chunk);
      return all;
    };
    const ids = async () => (await rows()).map((r) => r.customer_id);

    beforeAll(async () => {
      await engine.admin(...engine.create(ns));
      proxy = await startTcpProxy(
        engine === POSTGRES ? PG.host : MARIADB.host,
        engine === POSTGRES ? PG.port : MARIADB.port,
      );
      mesh = await openMesh(makeWorkspace(sqlTableMesh(engine.server(ns, proxy.port))));
    });

    afterAll(async () => {
      await mesh?.runtime.close();
      if (mesh !== undefined) removeWorkspace(mesh.root);
      await proxy?.stop();
      await engine.admin(engine.drop(ns));
    });

    it('copies the table: every row and type, contract breakers quarantined with the reason', async () => {
      const result = await run();
      expect(result.ok).toBe(true);
      expect(result.ingests).toHaveLength(1);
      expect(result.ingests[0]?.result).toMatchObject({
        port: 'source',
        source: engine.location(ns, proxy.port),
        rowsRead: 5,
        rowsAccepted: 3,
        rowsQuarantined: 2,
      });
      expect(await rows()).toEqual([
        { ...ANN, ...TYPES },
        { ...BOB, ...TYPES },
        {
          customer_id: '3',
          email: 'c@x.io',
          name: 'O\'Hara "Q"',
          balance: '0.00',
          big: '-1',
          ratio: 1e300,
          active: null,
          birthday: '2000-02-29',
          created_at: '1999-12-31 23:59:59',
          seen_at: null,
          tags: [],
          profile: '[]',
          ...TYPES,
        },
      ]);
      const quarantined = await mesh.runtime.listQuarantine('crm.customers', { port: 'source' });
      expect(
        quarantined
          .map((q) => ({ position: q.position, reason: q.reason, source: q.source }))
          .sort((a, b) => a.position - b.position),
      ).toEqual([
        {
          position: 4,
          reason: "email: 'not-an-email' does not match the pattern ^[^@]+@[^@]+$",
          source: engine.location(ns, proxy.port),
        },
        { position: 5, reason: 'name: a value is required', source: engine.location(ns, proxy.port) },
      ]);
      expect(quarantined.find((q) => q.position === 4)?.record).toMatchObject({
        customer_id: '4',
        email: 'not-an-email',
      });
      const recorded = mesh.recorder.runs.find((r) => r.port === 'source' && r.kind === 'ingest');
      expect(recorded?.outcome).toMatchObject({
        status: 'succeeded',
        rowsIn: 5,
        rowsOut: 3,
        rowsQuarantined: 2,
      });
    });

    it('follows inserts, updates and deletes on the next run; the old quarantine is replaced', async () => {
      await engine.admin(
        `UPDATE ${engine.table(ns)} SET name = 'Ann B.' WHERE customer_id = 1`,
        `UPDATE ${engine.table(ns)} SET name = 'Eve' WHERE customer_id = 5`,
        `DELETE FROM ${engine.table(ns)} WHERE customer_id = 2`,
        engine.insertSixth(ns),
      );
      const result = await run();
      expect(result.ok).toBe(true);
      expect(result.ingests[0]?.result).toMatchObject({ rowsRead: 5, rowsAccepted: 4, rowsQuarantined: 1 });
      const now = await rows();
      expect(now.map((r) => [r.customer_id, r.name, r.balance, r.tags])).toEqual([
        ['1', 'Ann B.', '12.50', ['vip', 'eu']],
        ['3', 'O\'Hara "Q"', '0.00', []],
        ['5', 'Eve', '2.00', null],
        ['6', 'Fay', '1.25', ['new']],
      ]);
      expect(now[0]).toEqual({ ...ANN, name: 'Ann B.', ...TYPES });
      const quarantined = await mesh.runtime.listQuarantine('crm.customers', { port: 'source' });
      expect(quarantined.map((q) => [q.position, q.reason])).toEqual([
        [3, "email: 'not-an-email' does not match the pattern ^[^@]+@[^@]+$"],
      ]);
    });

    it('fails the run when the source is down, and keeps the previous snapshot', async () => {
      await proxy.stop();
      try {
        const result = await run();
        expect(result.ok).toBe(false);
        expect(result.ingests[0]).toMatchObject({ port: 'source', status: 'failed' });
        expect(result.ingests[0]?.error?.code).toBe('UNAVAILABLE');
        expect(result.ingests[0]?.error?.message).toMatch(
          new RegExp(
            `^input port source: ${engine.target} 127\\.0\\.0\\.1:${proxy.port}/\\S+ is unreachable`,
          ),
        );
        expect(await ids()).toEqual(['1', '3', '5', '6']);
        expect(await mesh.runtime.quarantineCounts('crm.customers')).toEqual(new Map([['source', 1]]));
      } finally {
        await proxy.start();
      }
    });

    it('fails the run when the table is gone, and keeps the previous snapshot', async () => {
      await engine.admin(`DROP TABLE ${engine.table(ns)}`);
      const result = await run();
      expect(result.ok).toBe(false);
      expect(result.ingests[0]?.error?.code).toBe('NOT_FOUND');
      expect(result.ingests[0]?.error?.message).toMatch(
        /^input port source: .*customers.*(does not exist|doesn't exist)/,
      );
      expect(await ids()).toEqual(['1', '3', '5', '6']);
      const recorded = mesh.recorder.runs.filter((r) => r.port === 'source' && r.kind === 'ingest').at(-1);
      expect(recorded?.outcome?.status).toBe('failed');
    });
  });
}
