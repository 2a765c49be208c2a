import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/engines/engine.js';
import {
  PostgresDriver,
  parsePostgresUrl,
  postgresConfigFromServer,
  snapshotSql,
} from '../../src/engines/postgres/index.js';
import { MeshplaneError } from '../../src/errors/index.js';
import { PG, pgAdmin, pgUrl, postgresUnavailable, serviceReady, uniqueName } from './support/sql-servers.js';

const ready = serviceReady('PostgreSQL driver', await postgresUnavailable());
const schema = uniqueName('meshplane_pg_driver');

async function collect(batches: AsyncIterable<readonly Row[]>): Promise<(readonly Row[])[]> {
  const all: (readonly Row[])[] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

async function caught(promise: Promise<unknown>): Promise<MeshplaneError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof MeshplaneError)) throw new Error(`expected a MeshplaneError, got ${String(error)}`);
  return error;
}

describe.skipIf(!ready)('PostgresDriver', () => {
  beforeAll(async () => {
    await pgAdmin(
      `CREATE SCHEMA "${schema}"`,
      `CREATE TABLE "${schema}".kinds (
        id int PRIMARY KEY, big bigint, amount numeric(30,2), ratio double precision, ok boolean,
        day date, at timestamp(6), at_tz timestamptz, span interval, doc jsonb, tags text[], raw bytea
      )`,
      `INSERT INTO "${schema}".kinds VALUES
        (1, 9007199254740993, 1234567890123456789012345678.91, 0.1, true, '2025-01-02',
         '2025-01-02 10:00:00.123456', '2025-01-02 12:00:00+02', '1 day 02:00:00', '{"a": [1, 2]}',
         '{x,"y z"}', '\\x6869'),
        (2, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
      `CREATE TABLE "${schema}".numbers (n int PRIMARY KEY)`,
      `INSERT INTO "${schema}".numbers SELECT g FROM generate_series(1, 5000) g`,
    );
  });

  afterAll(async () => {
    await pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  it('reads every value as exact text: no float rounding, no Date, UTC timestamps', async () => {
    const driver = await PostgresDriver.connect(parsePostgresUrl(pgUrl()));
    try {
      const sql = snapshotSql(
        { schema, name: 'kinds' },
        ['id', 'big', 'amount', 'ratio', 'ok', 'day', 'at', 'at_tz', 'span', 'doc', 'tags', 'raw'].map(
          (name) => ({
            name,
            asJson: name === 'tags',
          }),
        ),
        ['id'],
      );
      const [batch] = await collect(driver.snapshot(sql));
      expect(batch).toEqual([
        {
          id: '1',
          big: '9007199254740993',
          amount: '1234567890123456789012345678.91',
          ratio: '0.1',
          ok: true,
          day: '2025-01-02',
          at: '2025-01-02 10:00:00.123456',
          at_tz: '2025-01-02 10:00:00+00',
          span: '1 day 02:00:00',
          doc: { a: [1, 2] },
          tags: ['x', 'y z'],
          raw: '\\x68\\x69',
        },
        {
          id: '2',
          big: null,
          amount: null,
          ratio: null,
          ok: false,
          day: null,
          at: null,
          at_tz: null,
          span: null,
          doc: null,
          tags: null,
          raw: null,
        },
      ]);
    } finally {
      await driver.close();
    }
  });

  it('streams a consistent snapshot in batches; later writes are not in it', async () => {
    const driver = await PostgresDriver.connect(parsePostgresUrl(pgUrl()));
    try {
      const sql = snapshotSql({ schema, name: 'numbers' }, [{ name: 'n', asJson: false }], ['n']);
      const sizes: number[] = [];
      let last = 0;
      for await (const batch of driver.snapshot(sql, { batchRows: 1000 })) {
        sizes.push(batch.length);
        last = Number(batch.at(-1)?.n);
        // Written and committed by another session while the snapshot is being read.
        if (sizes.length === 1) await pgAdmin(`INSERT INTO "${schema}".numbers VALUES (5001)`);
      }
      expect(sizes).toEqual([1000, 1000, 1000, 1000, 1000]);
      expect(last).toBe(5000);
      // The transaction is over: the session is back to its default isolation.
      expect(await driver.query('SHOW transaction_isolation')).toEqual([
        { transaction_isolation: 'read committed' },
      ]);
    } finally {
      await driver.close();
      await pgAdmin(`DELETE FROM "${schema}".numbers WHERE n > 5000`);
    }
  });

  it('rolls back when the reader stops early, and the connection stays usable', async () => {
    const driver = await PostgresDriver.connect(parsePostgresUrl(pgUrl()));
    try {
      const sql = snapshotSql({ schema, name: 'numbers' }, [{ name: 'n', asJson: false }]);
      for await (const batch of driver.snapshot(sql, { batchRows: 10 })) {
        expect(batch).toHaveLength(10);
        break;
      }
      expect(await driver.query('SELECT count(*) AS n FROM pg_cursors')).toEqual([{ n: '0' }]);
      expect(await driver.query('SELECT $1::int + 1 AS n', [41])).toEqual([{ n: '42' }]);
    } finally {
      await driver.close();
    }
  });

  it('cancels a running snapshot on the server when the signal aborts', async () => {
    const driver = await PostgresDriver.connect(parsePostgresUrl(pgUrl()));
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const started = performance.now();
      const error = await caught(
        collect(driver.snapshot('SELECT pg_sleep(20) AS z', { signal: controller.signal })),
      );
      expect(error.code).toBe('ENGINE_ERROR');
      expect(error.details).toEqual({ cancelled: true });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(await driver.query('SELECT 1 AS one')).toEqual([{ one: '1' }]);
    } finally {
      await driver.close();
    }
  });

  it('names a missing table NOT_FOUND, an unknown role a sign-in failure, a missing password variable', async () => {
    const driver = await PostgresDriver.connect(parsePostgresUrl(pgUrl()));
    try {
      const missing = await caught(collect(driver.snapshot(`SELECT * FROM "${schema}".gone`)));
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.message).toBe(
        `postgres ${PG.host}:${PG.port}/${PG.database}: relation "${schema}.gone" does not exist`,
      );
    } finally {
      await driver.close();
    }
    const role = await caught(
      PostgresDriver.connect(
        parsePostgresUrl(pgUrl().replace(`${PG.user}@`, 'meshplane_no_such_role:pw-123@')),
      ),
    );
    expect(role.code).toBe('UNAVAILABLE');
    expect(role.message).toMatch(/cannot sign in: .*meshplane_no_such_role/);
    expect(role.message).not.toContain('pw-123');
    const server = { host: PG.host, port: PG.port, database: PG.database, schema };
    const unset = await caught(
      PostgresDriver.connect(
        postgresConfigFromServer(server, { password: { env: 'MESHPLANE_TEST_UNSET_PW' } }),
        {
          env: {},
        },
      ),
    );
    expect(unset.code).toBe('INVALID_INPUT');
    expect(unset.message).toContain(
      'the environment variable MESHPLANE_TEST_UNSET_PW (the password) is not set',
    );
  });
});
