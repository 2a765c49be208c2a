/** The DuckDB engine: config, dialect (pure SQL), driver (the hub) and capabilities. See CONTEXT.md. */
export {
  DEFAULT_DUCKDB_CONFIG,
  type DuckDBConfig,
  parseDuckDBConfig,
} from './duckdb-config.js';
export { createSchemaSql, createTableSql, type TableColumn } from './duckdb-ddl-sql.js';
export {
  columnKind,
  columnType,
  qualifiedName,
  quoteIdentifier,
  quoteLiteral,
  valueLiteral,
} from './duckdb-dialect.js';
export { type AttachOptions, DuckDBDriver } from './duckdb-driver.js';
export { createDuckDBEngine, DUCKDB_CAPABILITIES, type DuckDBEngine } from './duckdb-engine.js';
export {
  errorSummary,
  isInterrupt,
  type SqlPosition,
  sqlErrorPosition,
  toEngineError,
} from './duckdb-errors.js';
export {
  type CsvReadOptions,
  describeReaderSql,
  type FileFormat,
  type FileReadOptions,
  type JsonReadOptions,
  type ParquetReadOptions,
  readFileSql,
} from './duckdb-read-sql.js';
export { DuckDBSession, type DuckDBStatementOptions, type SqlParam } from './duckdb-session.js';
export {
  castSql,
  columnReasonSql,
  rejectReasonSql,
  type SourceOf,
  stagedColumn,
} from './duckdb-validation-sql.js';
