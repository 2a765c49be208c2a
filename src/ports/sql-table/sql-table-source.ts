/**
 * The one place a `sql-table` port meets an engine: it opens the engine's driver for the port's
 * server and reads the port's columns as a consistent snapshot, batch by batch. Everything above
 * sees only batches of JSON-safe rows.
 */
import type { Row } from '../../engines/engine.js';
import { MariadbDriver, snapshotSql as mariadbSnapshotSql } from '../../engines/mariadb/index.js';
import { PostgresDriver, snapshotSql as postgresSnapshotSql } from '../../engines/postgres/index.js';
import type { SqlTablePortSpec } from './sql-table-port-spec.js';

export interface SqlTableSourceOptions {
  readonly signal?: AbortSignal;
  /** Where `password: { env: NAME }` is looked up (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** An open connection to the port's table. Close it when done, also after a failure. */
export interface SqlTableSource {
  /** The SELECT the snapshot runs (for messages and tests). */
  readonly sql: string;
  /** One consistent snapshot of the port's columns, in primary key order, in batches. Iterate once. */
  snapshot(): AsyncIterable<readonly Row[]>;
  close(): Promise<void>;
}

/** Connects to the port's server (UNAVAILABLE when it cannot) and prepares the snapshot. */
export async function openSqlTableSource(
  spec: SqlTablePortSpec,
  options: SqlTableSourceOptions = {},
): Promise<SqlTableSource> {
  const read = {
    batchRows: spec.batchRows,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  if (spec.engine === 'postgres') {
    const driver = await PostgresDriver.connect(spec.connection, options);
    // Arrays, composite types and json arrive as JSON rather than PostgreSQL's array text.
    const columns = spec.columns.map((c) => ({ name: c.name, asJson: c.kind === 'composite' }));
    const sql = postgresSnapshotSql({ schema: spec.schema, name: spec.table }, columns, spec.orderBy);
    return { sql, snapshot: () => driver.snapshot(sql, read), close: () => driver.close() };
  }
  const driver = await MariadbDriver.connect(spec.connection, options);
  const sql = mariadbSnapshotSql(
    { database: spec.connection.database, name: spec.table },
    spec.columns.map((c) => c.name),
    spec.orderBy,
  );
  return { sql, snapshot: () => driver.snapshot(sql, read), close: () => driver.close() };
}
