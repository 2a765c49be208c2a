/** The `sql-table` input port: a PostgreSQL or MariaDB table, read as a consistent snapshot on each run. */
export {
  type IngestSqlTableOptions,
  ingestSqlTable,
  type SqlTableIngestResult,
} from './ingest-sql-table.js';
export { type SnapshotFile, writeSnapshotFile } from './snapshot-file.js';
export { snapshotRecord } from './snapshot-record.js';
export { clearSnapshotSql } from './snapshot-statements.js';
export { DEFAULT_BATCH_ROWS, type SqlTablePortSpec, sqlTablePortSpec } from './sql-table-port-spec.js';
export { openSqlTableSource, type SqlTableSource, type SqlTableSourceOptions } from './sql-table-source.js';
