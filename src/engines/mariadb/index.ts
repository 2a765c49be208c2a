/** The MariaDB / MySQL engine: config, dialect (pure SQL), driver, introspector and capabilities. See CONTEXT.md. */
export {
  MARIADB_DEFAULT_PORT,
  type MariadbConfig,
  type MariadbPassword,
  type MariadbSslMode,
  mariadbConfigFromServer,
  mariadbTarget,
  parseMariadbUrl,
  redactMariadbUrl,
  resolveMariadbPassword,
} from './mariadb-config.js';
export {
  parseEnumValues,
  qualifiedName,
  quoteIdentifier,
  SESSION_SETTINGS_SQL,
  SNAPSHOT_BEGIN_SQL,
  snapshotSql,
  type TableName,
} from './mariadb-dialect.js';
export {
  type MariadbConnectOptions,
  MariadbDriver,
  type MariadbSnapshotOptions,
  withMariadb,
} from './mariadb-driver.js';
export { createMariadbEngine, MARIADB_CAPABILITIES, type MariadbEngine } from './mariadb-engine.js';
export { toMariadbError } from './mariadb-errors.js';
export {
  introspectMariadb,
  introspectMariadbDatabase,
  type MariadbIntrospectOptions,
} from './mariadb-introspector.js';
export { bitText, blobText } from './mariadb-values.js';
