import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import { MeshplaneError } from '../../errors/index.js';
import type { ResultColumn, Row, RowStream } from '../engine.js';
import { toEngineError } from './duckdb-errors.js';

export interface StreamOptions {
  readonly chunkRows: number;
  readonly signal: AbortSignal | undefined;
  /** Called once when the stream ends, fails or is closed (e.g. to close its own connection). */
  readonly onClose?: () => void;
}

async function* chunks(
  result: DuckDBResult,
  connection: DuckDBConnection,
  options: StreamOptions,
  isClosed: () => boolean,
): AsyncGenerator<readonly Row[]> {
  const onAbort = () => connection.interrupt();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  // An interrupted result may just end: a cancelled stream must never look complete.
  const checkAborted = () => {
    if (options.signal?.aborted) {
      throw new MeshplaneError('ENGINE_ERROR', 'duckdb: cancelled', { details: { cancelled: true } });
    }
  };
  let buffer: Row[] = [];
  try {
    for await (const rows of result.yieldRowObjectJson()) {
      if (isClosed()) return;
      checkAborted();
      buffer.push(...rows);
      while (buffer.length >= options.chunkRows) {
        yield buffer.slice(0, options.chunkRows);
        buffer = buffer.slice(options.chunkRows);
      }
    }
    checkAborted();
    if (buffer.length > 0) yield buffer;
  } catch (error) {
    throw toEngineError(error, 'duckdb');
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Wraps a streaming DuckDB result as a RowStream of JSON-safe rows. */
export function streamRows(
  result: DuckDBResult,
  connection: DuckDBConnection,
  options: StreamOptions,
): RowStream {
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    options.onClose?.();
  };
  const columns: ResultColumn[] = result
    .columnNames()
    .map((name, i) => ({ name, type: result.columnType(i).toString() }));
  const iterate = async function* () {
    try {
      yield* chunks(result, connection, options, () => closed);
    } finally {
      await close();
    }
  };
  let started = false;
  return {
    columns,
    close,
    [Symbol.asyncIterator]() {
      if (started) throw new MeshplaneError('INTERNAL', 'a row stream can be iterated once');
      started = true;
      return iterate();
    },
  };
}
