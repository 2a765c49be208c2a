import { type Kysely, PostgresDialect, sql } from 'kysely';
import { parsePostgresUrl } from './parse-store-url.js';
import { errorCode, type StoreDialect, type StoreFailure } from './store-dialect.js';

const CONNECT_TIMEOUT_MS = 10_000;

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the database cannot be used now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '28000', // invalid authorization
  '28P01', // invalid password
  '3D000', // database does not exist
  '3F000', // schema does not exist
  '53300', // too many connections
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now
]);

/** pg reports some connection failures without a code. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connect ETIMEDOUT/i;

function classify(error: unknown): StoreFailure | undefined {
  const code = errorCode(error) ?? '';
  if (code === '23505' || code === '40001' || code === '40P01') return 'conflict';
  if (code === '23514' || code === '23502' || code === '22P02' || code === '22001') return 'invalid';
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return 'unavailable';
  if (error instanceof Error && UNAVAILABLE_MESSAGES.test(error.message)) return 'unavailable';
  return undefined;
}

/** The first schema of the search path that exists, or undefined when none does. */
async function currentSchema<DB>(db: Kysely<DB>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

/** The password of a postgres:// URL, decoded, or undefined when it has none. */
function passwordOf(url: string): string | undefined {
  const password = parsePostgresUrl(url)?.password ?? '';
  return password === '' ? undefined : decodeURIComponent(password);
}

/**
 * The server-mode control store: a `pg` pool on a postgres:// URL (libpq query parameters such as
 * `options=-c search_path=...` pass through). `pg` is imported here, on demand, so the embedded
 * mode never loads it. `target` names host, port and database only.
 */
export async function createPostgresDialect(url: string, target: string): Promise<StoreDialect> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client losing its connection must not crash the process; the next query that needs
  // the database reports UNAVAILABLE instead.
  pool.on('error', () => {});
  const password = passwordOf(url);
  return {
    dialect: new PostgresDialect({ pool }),
    target,
    classify,
    redact: (text) => (password === undefined ? text : text.split(password).join('***')),
    currentSchema,
  };
}
