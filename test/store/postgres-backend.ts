/**
 * The PostgreSQL test server (127.0.0.1:5432, trust auth, database `test`, user `postgres` or
 * else `root`) and a fresh schema per case, so runs never collide. The store reaches its schema
 * through the URL's libpq `options` parameter (`-c search_path=...`), which pg hands to the pool.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FreshDatabase, StoreBackend } from './control-store.cases.js';

const HOST = process.env.MESHPLANE_TEST_PG_HOST ?? '127.0.0.1';
const PORT = Number(process.env.MESHPLANE_TEST_PG_PORT ?? '5432');
const DATABASE = process.env.MESHPLANE_TEST_PG_DATABASE ?? 'test';
const USERS = ['postgres', 'root'];

/** The server's base URL for a user. */
export function postgresUrl(user: string, database = DATABASE): string {
  return `postgres://${encodeURIComponent(user)}@${HOST}:${PORT}/${encodeURIComponent(database)}`;
}

/** Which user reaches the test server, or why none does. */
export async function probePostgres(): Promise<{ user: string } | { reason: string }> {
  const reasons: string[] = [];
  for (const user of USERS) {
    const client = new pg.Client({ connectionString: postgresUrl(user), connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return { user };
    } catch (error) {
      reasons.push(`${user}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { reason: `PostgreSQL at ${HOST}:${PORT}/${DATABASE} is unreachable (${reasons.join('; ')})` };
}

async function admin<T>(user: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl(user) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A backend whose every fresh database is a new schema, dropped on dispose. */
export function postgresBackend(user: string): StoreBackend {
  let counter = 0;
  const run = `${process.pid}_${randomBytes(3).toString('hex')}`;
  return {
    name: 'postgres',
    async fresh(): Promise<FreshDatabase> {
      counter += 1;
      const schema = `meshplane_test_${run}_${counter}`;
      await admin(user, (c) => c.query(`create schema "${schema}"`));
      const options = `-c search_path=${schema}`;
      return {
        options: {
          workspaceDir: '/nonexistent',
          url: `${postgresUrl(user)}?options=${encodeURIComponent(options)}`,
        },
        dispose: async () => {
          await admin(user, (c) => c.query(`drop schema "${schema}" cascade`));
        },
      };
    },
  };
}
