/**
 * The catalog queries an import runs, over `pg_catalog` (exact types via `format_type`, comments,
 * enum labels, key column order). Each takes the schema as `$1`. Pure text.
 */

/** relkind: ordinary and partitioned tables; views and materialized views when asked. */
export function relationKinds(views: boolean): string {
  return views ? `('r', 'p', 'v', 'm')` : `('r', 'p')`;
}

const SCOPE = (views: boolean) =>
  `n.nspname = $1 AND c.relkind IN ${relationKinds(views)} AND NOT c.relispartition`;

/** Tables: name, comment, and the planner's row estimate (negative when never analyzed). */
export function tablesSql(views: boolean): string {
  return `SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS comment,
  CASE WHEN c.relkind IN ('r', 'm') AND c.reltuples >= 0 THEN c.reltuples::int8 END AS estimated_rows
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ${SCOPE(views)}
ORDER BY c.relname`;
}

/** Columns in ordinal order, with type text, nullability, default, identity, generation, comment, enum labels. */
export function columnsSql(views: boolean): string {
  return `SELECT c.relname AS table_name, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS data_type,
  a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_value,
  a.attidentity AS identity, a.attgenerated AS generated, col_description(c.oid, a.attnum) AS comment,
  (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e
    WHERE e.enumtypid = a.atttypid) AS enum_values
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE ${SCOPE(views)} AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum`;
}

/** Primary and foreign keys, columns in key order, referenced table and columns. */
export const KEYS_SQL = `SELECT c.relname AS table_name, con.contype AS type, con.conname AS name,
  (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
  rn.nspname AS referenced_schema, rc.relname AS referenced_table,
  (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS referenced_columns
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE n.nspname = $1 AND con.contype IN ('p', 'f')
ORDER BY c.relname, con.conname`;

/**
 * Unique keys: every unique index on plain columns that is not the primary key (unique
 * constraints have one too), key columns only (not INCLUDE ones). Partial and expression
 * indexes are not keys of the whole table and are left out.
 */
export const UNIQUE_SQL = `SELECT c.relname AS table_name, ic.relname AS name,
  (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE k.ord <= i.indnkeyatts) AS columns
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL AND i.indexprs IS NULL
ORDER BY c.relname, ic.relname`;

/** Whether the schema exists. */
export const SCHEMA_EXISTS_SQL = 'SELECT 1 AS found FROM pg_catalog.pg_namespace WHERE nspname = $1';
