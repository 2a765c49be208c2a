import type { Client, ClientConfig } from 'pg';
import { MeshplaneError } from '../../errors/index.js';
import type { Row, StatementOptions } from '../engine.js';
import { type PostgresConfig, postgresTarget, resolvePostgresPassword } from './postgres-config.js';
import { declareCursorSql, fetchSql, SESSION_SETTINGS_SQL, SNAPSHOT_BEGIN_SQL } from './postgres-dialect.js';
import { toPostgresError } from './postgres-errors.js';

const BOOL = 16;
const BYTEA = 17;
const JSON_TYPES = new Set([114, 3802]);
const CURSOR = 'meshplane_snapshot';
const DEFAULT_BATCH_ROWS = 10_000;

/** `\x6869` (PostgreSQL's bytea text) as `\x68\x69`: one escape per byte, as DuckDB's BLOB reads it. */
function byteaText(value: string): string {
  const hex = value.startsWith('\\x') ? value.slice(2) : value;
  return hex.replace(/(..)/g, '\\x$1');
}

/**
 * The values of this driver's own client (never pg's global parsers): PostgreSQL's exact text for
 * every type (numeric, bigint, dates, timestamps, intervals), booleans as booleans, json and jsonb
 * parsed, bytea as per-byte `\xNN` escapes. No value passes through a JavaScript Date.
 */
function textParser(oid: number): (value: string) => unknown {
  if (oid === BOOL) return (value) => value === 't';
  if (oid === BYTEA) return byteaText;
  if (JSON_TYPES.has(oid)) return (value) => JSON.parse(value);
  return (value) => value;
}

const TEXT_TYPES = { getTypeParser: textParser } as unknown as NonNullable<ClientConfig['types']>;

export interface PostgresConnectOptions {
  readonly signal?: AbortSignal;
  /** Where `password: { env: NAME }` is looked up (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface PostgresSnapshotOptions extends StatementOptions {
  /** Rows per batch (one FETCH each); the driver holds at most one batch. Default 10,000. */
  readonly batchRows?: number;
}

function cancelledError(target: string): MeshplaneError {
  return new MeshplaneError('ENGINE_ERROR', `postgres ${target}: cancelled`, {
    details: { cancelled: true },
  });
}

/**
 * One connection to a PostgreSQL server (`pg`, loaded on first use so the embedded runtime never
 * loads it). Errors leave as MeshplaneErrors naming `host:port/database`, never the password.
 * Aborting a statement's signal cancels it on the server (`pg_cancel_backend` from a second
 * connection); it then fails with ENGINE_ERROR `details.cancelled`.
 */
export class PostgresDriver {
  readonly config: PostgresConfig;
  /** `host:port/database`. */
  readonly target: string;
  readonly #client: Client;
  readonly #clientConfig: ClientConfig;
  readonly #secrets: readonly string[];
  readonly #pid: number;
  #closed = false;

  private constructor(config: PostgresConfig, client: Client, clientConfig: ClientConfig, pid: number) {
    this.config = config;
    this.target = postgresTarget(config);
    this.#client = client;
    this.#clientConfig = clientConfig;
    this.#secrets = typeof clientConfig.password === 'string' ? [clientConfig.password] : [];
    this.#pid = pid;
  }

  /** Connects, signs in and sets the session up (UTC, ISO dates). UNAVAILABLE when it cannot. */
  static async connect(
    config: PostgresConfig,
    options: PostgresConnectOptions = {},
  ): Promise<PostgresDriver> {
    const target = postgresTarget(config);
    if (options.signal?.aborted) throw cancelledError(target);
    const password = resolvePostgresPassword(config, options.env);
    const clientConfig: ClientConfig = {
      host: config.host,
      port: config.port,
      database: config.database,
      user: config.user,
      password,
      ssl: config.ssl === 'disable' ? false : { rejectUnauthorized: config.ssl === 'verify-full' },
      connectionTimeoutMillis: config.connectTimeoutMs,
      application_name: 'meshplane',
    };
    const { Client } = await import('pg');
    const client = new Client({ ...clientConfig, types: TEXT_TYPES });
    // A connection lost while idle must not crash the process; the next statement reports it.
    client.on('error', () => {});
    try {
      await client.connect();
      for (const sql of SESSION_SETTINGS_SQL) await client.query(sql);
      const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
      return new PostgresDriver(config, client, clientConfig, Number(rows[0]?.pid));
    } catch (error) {
      await client.end().catch(() => undefined);
      throw toPostgresError(error, target, password === undefined ? [] : [password]);
    }
  }

  /** Cancels whatever this connection runs, from a connection of its own; failures are ignored. */
  async #cancelRunning(): Promise<void> {
    const { Client } = await import('pg');
    const canceller = new Client(this.#clientConfig);
    canceller.on('error', () => {});
    try {
      await canceller.connect();
      await canceller.query('SELECT pg_cancel_backend($1)', [this.#pid]);
    } catch {
      // The statement then runs to its end; the caller still sees it as cancelled.
    } finally {
      await canceller.end().catch(() => undefined);
    }
  }

  async #guard<T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
    if (this.#closed)
      throw new MeshplaneError('ENGINE_ERROR', `postgres ${this.target}: the connection is closed`);
    if (signal?.aborted) throw cancelledError(this.target);
    const onAbort = () => void this.#cancelRunning();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const value = await fn();
      if (signal?.aborted) throw cancelledError(this.target);
      return value;
    } catch (error) {
      throw toPostgresError(error, this.target, this.#secrets, signal?.aborted === true);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Runs one statement with `$1`-style parameters and returns its rows (values as text, see above). */
  query(sql: string, params: readonly unknown[] = [], options: StatementOptions = {}): Promise<Row[]> {
    return this.#guard(options.signal, async () => {
      const result = await this.#client.query(sql, [...params]);
      return result.rows as Row[];
    });
  }

  /**
   * Streams the rows of `select` in batches from ONE consistent snapshot: a read-only REPEATABLE
   * READ transaction and a cursor fetched `batchRows` at a time. Stopping early, failing or
   * aborting rolls the transaction back.
   */
  async *snapshot(select: string, options: PostgresSnapshotOptions = {}): AsyncGenerator<readonly Row[]> {
    const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
    const statement = options.signal === undefined ? {} : { signal: options.signal };
    await this.query(SNAPSHOT_BEGIN_SQL, [], statement);
    let open = true;
    try {
      await this.query(declareCursorSql(CURSOR, select), [], statement);
      for (;;) {
        const rows = await this.query(fetchSql(CURSOR, batchRows), [], statement);
        if (rows.length > 0) yield rows;
        if (rows.length < batchRows) break;
      }
      await this.query('COMMIT', [], statement);
      open = false;
    } finally {
      if (open && !this.#closed) await this.#client.query('ROLLBACK').catch(() => undefined);
    }
  }

  /** Closes the connection; safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#client.end().catch(() => undefined);
  }
}

/** Connects, runs `fn`, and closes whatever happens. */
export async function withPostgres<T>(
  config: PostgresConfig,
  fn: (driver: PostgresDriver) => Promise<T>,
  options: PostgresConnectOptions = {},
): Promise<T> {
  const driver = await PostgresDriver.connect(config, options);
  try {
    return await fn(driver);
  } finally {
    await driver.close();
  }
}
