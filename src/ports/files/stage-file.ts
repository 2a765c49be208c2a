import {
  type DuckDBSession,
  describeReaderSql,
  quoteIdentifier,
  readFileSql,
} from '../../engines/duckdb/index.js';
import { MeshplaneError } from '../../errors/index.js';
import { type FilePortSpec, readOptionsFor } from './file-port-spec.js';
import { type IngestTarget, missingRequiredColumns, STAGE_TABLE, stageSql } from './ingest-statements.js';

/**
 * DuckDB's errors about the file's content. Anything else (I/O, memory, cancellation) is not the
 * file's fault: it propagates and the file is tried again on the next run.
 */
const CONTENT_ERROR = /^duckdb: (Invalid Input|Conversion|Binder) Error/;

function firstLines(message: string): string {
  return message
    .replace(/^duckdb: /, '')
    .split('\n')
    .slice(0, 2)
    .join(' ')
    .slice(0, 500);
}

/** The file's columns by lower-case name, as DuckDB's reader sees them. */
async function fileColumns(session: DuckDBSession, reader: string, signal?: AbortSignal) {
  const rows = await session.query(describeReaderSql(reader), signal === undefined ? {} : { signal });
  return new Map(rows.map((r) => [String(r.column_name).toLowerCase(), String(r.column_name)]));
}

export type Staged = { readonly rows: number; readonly target: IngestTarget } | { readonly problem: string };

/**
 * Reads the file into the session's stage table, reasons included. A file DuckDB cannot parse,
 * in an unknown format or without a required column yields the problem instead.
 */
export async function stageFile(
  session: DuckDBSession,
  alias: string,
  spec: FilePortSpec,
  path: string,
  signal?: AbortSignal,
): Promise<Staged> {
  const options = readOptionsFor(spec, path);
  if (options === undefined) return { problem: 'unknown file format (declare `format` in the server entry)' };
  const reader = readFileSql(path, options, spec.columns);
  try {
    const staged = await fileColumns(session, reader, signal);
    const target: IngestTarget = { alias, port: spec.port, columns: spec.columns, staged };
    const missing = missingRequiredColumns(target);
    if (missing.length > 0)
      return { problem: `the file has no column ${missing.join(', ')} (required by the contract)` };
    await session.run(stageSql(target, reader), signal === undefined ? {} : { signal });
    const [count] = await session.query(
      `SELECT CAST(count(*) AS DOUBLE) AS n FROM ${quoteIdentifier(STAGE_TABLE)}`,
    );
    return { rows: Number(count?.n), target };
  } catch (error) {
    if (!(error instanceof MeshplaneError) || !CONTENT_ERROR.test(error.message)) throw error;
    return { problem: firstLines(error.message) };
  }
}

/** Drops the session's stage table. */
export async function dropStage(session: DuckDBSession): Promise<void> {
  await session.run(`DROP TABLE IF EXISTS temp.main.${quoteIdentifier(STAGE_TABLE)}`).catch(() => undefined);
}
