/**
 * The local PostgreSQL (127.0.0.1:5432, user `postgres`, database `test`, trust auth) and MariaDB
 * (127.0.0.1:3306, user `root`, no password) servers of the engine suites, with a uniquely named
 * schema / database per run so runs never collide. An unreachable server makes a suite say
 * SKIPPED loudly, or fail when MESHPLANE_REQUIRE_SERVICES=1.
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { it } from 'vitest';

export const PG = {
  host: process.env.MESHPLANE_TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.MESHPLANE_TEST_PG_PORT ?? '5432'),
  database: process.env.MESHPLANE_TEST_PG_DATABASE ?? 'test',
  user: process.env.MESHPLANE_TEST_PG_USER ?? 'postgres',
};

export const MARIADB = {
  host: process.env.MESHPLANE_TEST_MARIADB_HOST ?? '127.0.0.1',
  port: Number(process.env.MESHPLANE_TEST_MARIADB_PORT ?? '3306'),
  database: process.env.MESHPLANE_TEST_MARIADB_DATABASE ?? 'test',
  user: process.env.MESHPLANE_TEST_MARIADB_USER ?? 'root',
};

export const pgUrl = (database = PG.database) =>
  `postgres://${encodeURIComponent(PG.user)}@${PG.host}:${PG.port}/${encodeURIComponent(database)}`;
export const mariadbUrl = (database = MARIADB.database) =>
  `mysql://${encodeURIComponent(MARIADB.user)}@${MARIADB.host}:${MARIADB.port}/${encodeURIComponent(database)}`;

/** A name no other run uses: `<prefix>_<pid>_<random>`. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
}

/** Runs SQL statements on the PostgreSQL test server as its admin user. */
export async function pgAdmin(...statements: readonly string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ ...PG, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const sql of statements) results.push(await client.query(sql));
    return results;
  } finally {
    await client.end();
  }
}

/** Runs SQL statements on the MariaDB test server as its admin user. */
export async function mariadbAdmin(...statements: readonly string[]): Promise<unknown[]> {
  const connection = await mysql.createConnection({ ...MARIADB, connectTimeout: 3_000 });
  try {
    const results: unknown[] = [];
    for (const sql of statements) results.push((await connection.query(sql))[0]);
    return results;
  } finally {
    await connection.end();
  }
}

async function reason(probe: () => Promise<unknown>, what: string): Promise<string | undefined> {
  try {
    await probe();
    return undefined;
  } catch (error) {
    return `${what} is unreachable (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Why PostgreSQL cannot be used, or undefined when it can. */
export const postgresUnavailable = () =>
  reason(() => pgAdmin('select 1'), `PostgreSQL at ${PG.host}:${PG.port}/${PG.database}`);

/** Why MariaDB cannot be used, or undefined when it can. */
export const mariadbUnavailable = () =>
  reason(() => mariadbAdmin('select 1'), `MariaDB at ${MARIADB.host}:${MARIADB.port}`);

/**
 * Says SKIPPED loudly when `why` is set, and registers a failing test instead when services are
 * required (MESHPLANE_REQUIRE_SERVICES=1). Returns whether the suite can run.
 */
export function serviceReady(suite: string, why: string | undefined): boolean {
  if (why === undefined) return true;
  if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') {
    it(`${suite}: reaches its server (MESHPLANE_REQUIRE_SERVICES=1)`, () => {
      throw new Error(why);
    });
  } else {
    console.warn(`\n*** SKIPPED: ${suite}: ${why} ***\n`);
  }
  return false;
}
