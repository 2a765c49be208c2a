import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/engines/engine.js';
import {
  MariadbDriver,
  mariadbConfigFromServer,
  parseMariadbUrl,
  snapshotSql,
} from '../../src/engines/mariadb/index.js';
import { MeshplaneError } from '../../src/errors/index.js';
import {
  MARIADB,
  mariadbAdmin,
  mariadbUnavailable,
  mariadbUrl,
  serviceReady,
  uniqueName,
} from './support/sql-servers.js';

const ready = serviceReady('MariaDB driver', await mariadbUnavailable());
const database = uniqueName('meshplane_my_driver');

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

describe.skipIf(!ready)('MariadbDriver', () => {
  beforeAll(async () => {
    const d = `\`${database}\``;
    await mariadbAdmin(
      `CREATE DATABASE ${d}`,
      `CREATE TABLE ${d}.kinds (
        id INT PRIMARY KEY, big BIGINT UNSIGNED, amount DECIMAL(30,2), ratio DOUBLE, ok TINYINT(1),
        day DATE, at DATETIME(6), stamp TIMESTAMP NULL, doc JSON, raw VARBINARY(8), flags BIT(4),
        mood ENUM('sad','ok')
      ) ENGINE=InnoDB`,
      // Written at +02:00: the driver's UTC session reads 12:00 back as 10:00.
      `SET time_zone = '+02:00'`,
      `INSERT INTO ${d}.kinds VALUES
        (1, 18446744073709551615, 1234567890123456789012345678.91, 0.1, 1, '2025-01-02',
         '2025-01-02 10:00:00.123456', '2025-01-02 12:00:00', '{"a": [1, 2]}', x'6869', b'0101', 'ok'),
        (2, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
      `CREATE TABLE ${d}.numbers (n INT PRIMARY KEY) ENGINE=InnoDB`,
      `INSERT INTO ${d}.numbers SELECT seq FROM seq_1_to_20000`,
    );
  });

  afterAll(async () => {
    await mariadbAdmin(`DROP DATABASE IF EXISTS \`${database}\``);
  });

  it('reads every value exactly: numbers as printed, dates as text, TIMESTAMP in UTC, bits and bytes', async () => {
    const driver = await MariadbDriver.connect(parseMariadbUrl(mariadbUrl(database)));
    try {
      const columns = [
        'id',
        'big',
        'amount',
        'ratio',
        'ok',
        'day',
        'at',
        'stamp',
        'doc',
        'raw',
        'flags',
        'mood',
      ];
      const [batch] = await collect(
        driver.snapshot(snapshotSql({ database, name: 'kinds' }, columns, ['id'])),
      );
      expect(batch?.[0]).toEqual({
        id: '1',
        big: '18446744073709551615',
        amount: '1234567890123456789012345678.91',
        ratio: '0.1',
        ok: '1',
        day: '2025-01-02',
        at: '2025-01-02 10:00:00.123456',
        stamp: '2025-01-02 10:00:00',
        doc: { a: [1, 2] },
        raw: '\\x68\\x69',
        flags: '5',
        mood: 'ok',
      });
      expect(Object.values(batch?.[1] ?? {}).filter((v) => v !== null)).toEqual(['2', '0']);
    } finally {
      await driver.close();
    }
  });

  it('streams a consistent snapshot in batches; later writes are not in it', async () => {
    const driver = await MariadbDriver.connect(parseMariadbUrl(mariadbUrl(database)));
    try {
      const sql = snapshotSql({ database, name: 'numbers' }, ['n'], ['n']);
      const sizes: number[] = [];
      let last = 0;
      for await (const batch of driver.snapshot(sql, { batchRows: 4000 })) {
        sizes.push(batch.length);
        last = Number(batch.at(-1)?.n);
        if (sizes.length === 1) {
          await mariadbAdmin(
            `INSERT INTO \`${database}\`.numbers VALUES (20001)`,
            `DELETE FROM \`${database}\`.numbers WHERE n = 20000`,
          );
        }
      }
      expect(sizes).toEqual([4000, 4000, 4000, 4000, 4000]);
      expect(last).toBe(20000);
      expect(await driver.query('SELECT @@in_transaction AS t')).toEqual([{ t: '0' }]);
    } finally {
      await driver.close();
      await mariadbAdmin(
        `DELETE FROM \`${database}\`.numbers WHERE n > 20000`,
        `INSERT IGNORE INTO \`${database}\`.numbers VALUES (20000)`,
      );
    }
  });

  it('cancels a running snapshot when the signal aborts', async () => {
    const driver = await MariadbDriver.connect(parseMariadbUrl(mariadbUrl(database)));
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const started = performance.now();
      const error = await caught(
        collect(driver.snapshot('SELECT SLEEP(20) AS z', { signal: controller.signal })),
      );
      expect(error.code).toBe('ENGINE_ERROR');
      expect(error.details).toEqual({ cancelled: true });
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await driver.close();
    }
  });

  it('closes the connection when the reader stops early', async () => {
    const driver = await MariadbDriver.connect(parseMariadbUrl(mariadbUrl(database)));
    const sql = snapshotSql({ database, name: 'numbers' }, ['n']);
    for await (const batch of driver.snapshot(sql, { batchRows: 10 })) {
      expect(batch).toHaveLength(10);
      break;
    }
    const after = await caught(driver.query('SELECT 1'));
    expect(after.message).toContain('the connection is closed');
    await driver.close();
  });

  it('names a missing table NOT_FOUND, a refused sign-in, a missing password variable', async () => {
    const driver = await MariadbDriver.connect(parseMariadbUrl(mariadbUrl(database)));
    try {
      const missing = await caught(collect(driver.snapshot(`SELECT * FROM \`${database}\`.gone`)));
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.message).toBe(
        `mariadb ${MARIADB.host}:${MARIADB.port}/${database}: Table '${database}.gone' doesn't exist`,
      );
    } finally {
      await driver.close();
    }
    const refused = await caught(
      MariadbDriver.connect(
        parseMariadbUrl(mariadbUrl(database).replace(`${MARIADB.user}@`, 'meshplane_nobody:pw-123@')),
      ),
    );
    expect(refused.code).toBe('UNAVAILABLE');
    expect(refused.message).toMatch(/cannot sign in: .*meshplane_nobody/);
    expect(refused.message).not.toContain('pw-123');
    const server = { host: MARIADB.host, port: MARIADB.port, database };
    const unset = await caught(
      MariadbDriver.connect(
        mariadbConfigFromServer(server, { password: { env: 'MESHPLANE_TEST_UNSET_PW' } }),
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
