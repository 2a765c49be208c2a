/** The PostgreSQL engine: config, dialect (pure SQL), driver, introspector and capabilities. See CONTEXT.md. */
export {
  POSTGRES_DEFAULT_PORT,
  type PostgresConfig,
  type PostgresPassword,
  type PostgresSslMode,
  parsePostgresUrl,
  postgresConfigFromServer,
  postgresTarget,
  redactPostgresUrl,
  resolvePostgresPassword,
} from './postgres-config.js';
export {
  declareCursorSql,
  fetchSql,
  qualifiedName,
  quoteIdentifier,
  SESSION_SETTINGS_SQL,
  SNAPSHOT_BEGIN_SQL,
  type SnapshotColumn,
  snapshotSql,
  type TableName,
} from './postgres-dialect.js';
export {
  type PostgresConnectOptions,
  PostgresDriver,
  type PostgresSnapshotOptions,
  withPostgres,
} from './postgres-driver.js';
export { createPostgresEngine, POSTGRES_CAPABILITIES, type PostgresEngine } from './postgres-engine.js';
export { toPostgresError } from './postgres-errors.js';
export {
  introspectPostgres,
  introspectPostgresSchema,
  type PostgresIntrospectOptions,
} from './postgres-introspector.js';
