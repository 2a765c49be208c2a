import type { Readable } from 'node:stream';
import type { Connection, ConnectionOptions } from 'mysql2';
import { MeshplaneError } from '../../errors/index.js';
import type { Row, StatementOptions } from '../engine.js';
import { type MariadbConfig, mariadbTarget, resolveMariadbPassword } from './mariadb-config.js';
import { SESSION_SETTINGS_SQL, SNAPSHOT_BEGIN_SQL } from './mariadb-dialect.js';
import { toMariadbError } from './mariadb-errors.js';
import { exactValues } from './mariadb-values.js';

const DEFAULT_BATCH_ROWS = 10_000;

export interface MariadbConnectOptions {
  readonly signal?: AbortSignal;
  /** Where `password: { env: NAME }` is looked up (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface MariadbSnapshotOptions extends StatementOptions {
  /** Rows per batch; the driver buffers at most about one batch (the stream pauses the socket). */
  readonly batchRows?: number;
}

function cancelledError(target: string): MeshplaneError {
  return new MeshplaneError('ENGINE_ERROR', `mariadb ${target}: cancelled`, { details: { cancelled: true } });
}

function connectionOf(options: ConnectionOptions): Promise<Connection> {
  return import('mysql2').then(
    (mysql) =>
      new Promise((resolve, reject) => {
        const connection = mysql.createConnection(options);
        // A connection lost while idle must not crash the process; the next statement reports it.
        connection.on('error', () => {});
        connection.connect((error) => {
          if (error === null) resolve(connection);
          else {
            connection.destroy();
            reject(error);
          }
        });
      }),
  );
}

function run(connection: Connection, sql: string, params: readonly unknown[]): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    connection.query({ sql, values: [...params] }, (error, rows) => {
      if (error !== null) reject(error);
      else resolve(Array.isArray(rows) ? (rows as unknown as Row[]) : []);
    });
  });
}

/**
 * One connection to a MariaDB / MySQL server (`mysql2`, loaded on first use). Values are exact
 * (see mariadb-values.ts). Errors leave as MeshplaneErrors naming `host:port/database`, never the
 * password. Aborting a statement's signal runs `KILL QUERY` from a second connection; the
 * statement then fails with ENGINE_ERROR `details.cancelled`.
 */
export class MariadbDriver {
  readonly config: MariadbConfig;
  /** `host:port/database`. */
  readonly target: string;
  readonly #connection: Connection;
  readonly #options: ConnectionOptions;
  readonly #secrets: readonly string[];
  #closed = false;

  private constructor(config: MariadbConfig, connection: Connection, options: ConnectionOptions) {
    this.config = config;
    this.target = mariadbTarget(config);
    this.#connection = connection;
    this.#options = options;
    this.#secrets = typeof options.password === 'string' ? [options.password] : [];
  }

  /** Connects, signs in and sets the session up (UTC). UNAVAILABLE when it cannot. */
  static async connect(config: MariadbConfig, options: MariadbConnectOptions = {}): Promise<MariadbDriver> {
    const target = mariadbTarget(config);
    if (options.signal?.aborted) throw cancelledError(target);
    const password = resolveMariadbPassword(config, options.env);
    const connectionOptions: ConnectionOptions = {
      host: config.host,
      port: config.port,
      ...(config.database === undefined ? {} : { database: config.database }),
      ...(config.user === undefined ? {} : { user: config.user }),
      ...(password === undefined ? {} : { password }),
      ...(config.ssl === 'disable' ? {} : { ssl: { rejectUnauthorized: config.ssl === 'verify-full' } }),
      connectTimeout: config.connectTimeoutMs,
      charset: 'utf8mb4',
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      typeCast: exactValues,
    };
    let connection: Connection | undefined;
    try {
      connection = await connectionOf(connectionOptions);
      for (const sql of SESSION_SETTINGS_SQL) await run(connection, sql, []);
      return new MariadbDriver(config, connection, connectionOptions);
    } catch (error) {
      connection?.destroy();
      throw toMariadbError(error, target, password === undefined ? [] : [password]);
    }
  }

  /** Stops whatever this connection runs, from a connection of its own; failures are ignored. */
  async #cancelRunning(): Promise<void> {
    try {
      const killer = await connectionOf({ ...this.#options, typeCast: true });
      await run(killer, `KILL QUERY ${Number(this.#connection.threadId)}`, []).catch(() => undefined);
      killer.destroy();
    } catch {
      // The statement then runs to its end; the caller still sees it as cancelled.
    }
  }

  async #guard<T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
    if (this.#closed)
      throw new MeshplaneError('ENGINE_ERROR', `mariadb ${this.target}: the connection is closed`);
    if (signal?.aborted) throw cancelledError(this.target);
    const onAbort = () => void this.#cancelRunning();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const value = await fn();
      if (signal?.aborted) throw cancelledError(this.target);
      return value;
    } catch (error) {
      throw toMariadbError(error, this.target, this.#secrets, signal?.aborted === true);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Runs one statement with `?` parameters and returns its rows (values exact, see above). */
  query(sql: string, params: readonly unknown[] = [], options: StatementOptions = {}): Promise<Row[]> {
    return this.#guard(options.signal, () => run(this.#connection, sql, params));
  }

  /**
   * Streams the rows of `select` in batches from ONE consistent snapshot (`START TRANSACTION WITH
   * CONSISTENT SNAPSHOT, READ ONLY` at REPEATABLE READ). The result streams with backpressure, so
   * memory holds about one batch. Stopping early closes the connection (the rest of a result
   * cannot be skipped otherwise); failing or aborting rolls back.
   */
  async *snapshot(select: string, options: MariadbSnapshotOptions = {}): AsyncGenerator<readonly Row[]> {
    const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
    const { signal } = options;
    const statement = signal === undefined ? {} : { signal };
    for (const sql of SNAPSHOT_BEGIN_SQL) await this.query(sql, [], statement);
    let streaming: Readable | undefined;
    let finished = false;
    const onAbort = () => {
      void this.#cancelRunning();
      streaming?.destroy(cancelledError(this.target));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (signal?.aborted) throw cancelledError(this.target);
      streaming = this.#connection.query(select).stream({ highWaterMark: batchRows });
      let batch: Row[] = [];
      try {
        for await (const row of streaming) {
          batch.push(row as Row);
          if (batch.length < batchRows) continue;
          yield batch;
          batch = [];
        }
      } catch (error) {
        throw toMariadbError(error, this.target, this.#secrets, signal?.aborted === true);
      }
      if (signal?.aborted) throw cancelledError(this.target);
      if (batch.length > 0) yield batch;
      finished = true;
      await this.query('COMMIT', [], statement);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (!finished) {
        if (streaming !== undefined && !streaming.readableEnded) this.#destroy();
        else if (!this.#closed) await run(this.#connection, 'ROLLBACK', []).catch(() => undefined);
      }
    }
  }

  #destroy(): void {
    this.#closed = true;
    this.#connection.destroy();
  }

  /** Closes the connection; safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await new Promise<void>((resolve) => this.#connection.end(() => resolve()));
  }
}

/** Connects, runs `fn`, and closes whatever happens. */
export async function withMariadb<T>(
  config: MariadbConfig,
  fn: (driver: MariadbDriver) => Promise<T>,
  options: MariadbConnectOptions = {},
): Promise<T> {
  const driver = await MariadbDriver.connect(config, options);
  try {
    return await fn(driver);
  } finally {
    await driver.close();
  }
}
