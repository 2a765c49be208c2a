import type { SqlDialect, SqlDialectName } from './sql-dialect.js';
import { duckdbDialect } from './sql-dialect-duckdb.js';
import { postgresDialect } from './sql-dialect-postgres.js';

/** Every dialect the DDL exporter knows, by name: the one place dialects are wired in. */
export const SQL_DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = {
  duckdb: duckdbDialect,
  postgres: postgresDialect,
};

/** The names of {@link SQL_DIALECTS}, for a CLI's choices. */
export const SQL_DIALECT_NAMES = Object.keys(SQL_DIALECTS) as readonly SqlDialectName[];
