import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { MeshplaneError } from '../../errors/index.js';
import type { Row, RowStream, StatementOptions } from '../engine.js';
import { toEngineError } from './duckdb-errors.js';
import { streamRows } from './duckdb-row-stream.js';

export type SqlParam = string | number | boolean | bigint | null;

export interface DuckDBStatementOptions extends StatementOptions {
  /** Values for `$1`, `$2`, ... in the SQL. */
  readonly params?: readonly SqlParam[];
}

function cancelled(): MeshplaneError {
  return new MeshplaneError('ENGINE_ERROR', 'duckdb: cancelled', { details: { cancelled: true } });
}

/**
 * One DuckDB connection. Temporary tables and views, settings and the open transaction belong to
 * it, so work that needs them (an ingest, a transform) runs on one session from start to end.
 * Statements on one session run one after the other.
 */
export class DuckDBSession {
  readonly #connection: DuckDBConnection;
  readonly #chunkRows: number;
  readonly #onClose: (() => void) | undefined;
  #closed = false;

  constructor(connection: DuckDBConnection, chunkRows: number, onClose?: () => void) {
    this.#connection = connection;
    this.#chunkRows = chunkRows;
    this.#onClose = onClose;
  }

  /** Runs `fn` with `signal` wired to `interrupt()`; errors become ENGINE_ERROR. */
  async #guard<T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new MeshplaneError('ENGINE_ERROR', 'duckdb: the session is closed');
    if (signal?.aborted) throw cancelled();
    const onAbort = () => this.#connection.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await fn();
    } catch (error) {
      throw toEngineError(error, 'duckdb');
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Runs one or more statements; returns the rows the last one changed. */
  run(sql: string, options: DuckDBStatementOptions = {}): Promise<number> {
    return this.#guard(options.signal, async () => {
      const result = await this.#connection.run(sql, options.params as DuckDBValue[] | undefined);
      return result.rowsChanged;
    });
  }

  /** Runs a query and reads every row (JSON-safe values). */
  query(sql: string, options: DuckDBStatementOptions = {}): Promise<Row[]> {
    return this.#guard(options.signal, async () => {
      const reader = await this.#connection.runAndReadAll(sql, options.params as DuckDBValue[] | undefined);
      return reader.getRowObjectsJson();
    });
  }

  /** Runs a query and yields its rows chunk by chunk; aborting `signal` interrupts it. */
  stream(sql: string, options: DuckDBStatementOptions = {}): Promise<RowStream> {
    return this.#guard(options.signal, async () => {
      const result = await this.#connection.stream(sql, options.params as DuckDBValue[] | undefined);
      return streamRows(result, this.#connection, { chunkRows: this.#chunkRows, signal: options.signal });
    });
  }

  /**
   * Runs `fn` between BEGIN and COMMIT; any error rolls back and is rethrown. A DuckDB
   * transaction may write to one attached database only.
   */
  async transaction<T>(
    fn: (session: DuckDBSession) => Promise<T>,
    options: StatementOptions = {},
  ): Promise<T> {
    await this.run('BEGIN TRANSACTION', options);
    try {
      const value = await fn(this);
      await this.run('COMMIT', options);
      return value;
    } catch (error) {
      await this.#connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Stops the statement running on this session, if any. */
  interrupt(): void {
    this.#connection.interrupt();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#connection.closeSync();
    this.#onClose?.();
  }
}
