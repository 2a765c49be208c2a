/**
 * The catalog queries an import runs, over `information_schema` (full `COLUMN_TYPE` text,
 * comments, key column order). Each takes the database as its one `?`. Pure text.
 */

/** Table types read: base and system-versioned tables; views when asked. */
export function tableTypes(views: boolean): string {
  return views ? `('BASE TABLE', 'SYSTEM VERSIONED', 'VIEW')` : `('BASE TABLE', 'SYSTEM VERSIONED')`;
}

/** Tables: name, comment, and the storage engine's row estimate. */
export function tablesSql(views: boolean): string {
  return `SELECT TABLE_NAME AS name, TABLE_COMMENT AS comment, TABLE_TYPE AS type, TABLE_ROWS AS estimated_rows
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ${tableTypes(views)}
ORDER BY TABLE_NAME`;
}

/** Columns in ordinal order with their full type text, nullability, default, generation and comment. */
export const COLUMNS_SQL = `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS name, COLUMN_TYPE AS data_type,
  IS_NULLABLE AS nullable, COLUMN_DEFAULT AS default_value, EXTRA AS extra,
  GENERATION_EXPRESSION AS generation, COLUMN_COMMENT AS comment
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME, ORDINAL_POSITION`;

/** Primary, unique and foreign keys, one row per key column, in key order. */
export const KEYS_SQL = `SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS name, t.CONSTRAINT_TYPE AS type,
  k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_SCHEMA AS referenced_schema,
  k.REFERENCED_TABLE_NAME AS referenced_table, k.REFERENCED_COLUMN_NAME AS referenced_column
FROM information_schema.TABLE_CONSTRAINTS t
JOIN information_schema.KEY_COLUMN_USAGE k
  ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME
  AND k.TABLE_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME
WHERE t.TABLE_SCHEMA = ? AND t.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;

/**
 * MariaDB's JSON is LONGTEXT with a `json_valid(col)` check; the check tells a JSON column from
 * text. (MySQL has a JSON type of its own and no TABLE_NAME here; the query then fails and is
 * skipped.)
 */
export const JSON_CHECKS_SQL = `SELECT TABLE_NAME AS table_name, CHECK_CLAUSE AS clause
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = ? AND CHECK_CLAUSE LIKE 'json_valid(%'`;

/** Whether the database exists. */
export const DATABASE_EXISTS_SQL = 'SELECT 1 AS found FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?';
