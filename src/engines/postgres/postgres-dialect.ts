/**
 * PostgreSQL SQL text for what Meshplane reads from a server: quoting, the session settings that
 * make values print exactly, and the snapshot of a table read through a cursor. Pure: no I/O.
 */

/** `"name"` with inner double quotes doubled (NUL, which PostgreSQL cannot hold, dropped). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('\u0000', '').replaceAll('"', '""')}"`;
}

/** A dotted name, each part quoted: `"legacy"."customers"`. */
export function qualifiedName(...parts: readonly string[]): string {
  return parts.map(quoteIdentifier).join('.');
}

/** A column of a snapshot and how it is read. */
export interface SnapshotColumn {
  readonly name: string;
  /**
   * Read as JSON (`to_jsonb`): arrays, composite types and json columns then arrive as JSON
   * values instead of PostgreSQL's own array text (`{1,2}`).
   */
  readonly asJson: boolean;
}

/** A table in a schema. */
export interface TableName {
  readonly schema: string;
  readonly name: string;
}

/**
 * Settings for every session: values print in UTC and ISO form, so timestamps and dates arrive as
 * exact text, never through a JavaScript Date and the machine's time zone.
 */
export const SESSION_SETTINGS_SQL: readonly string[] = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  'SET extra_float_digits = 1',
];

/** Opens the transaction a snapshot reads in: one consistent view of the table, no writes. */
export const SNAPSHOT_BEGIN_SQL = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** `SELECT "a", to_jsonb("b") AS "b" FROM "s"."t" ORDER BY "id"`: the columns of a table, in order. */
export function snapshotSql(
  table: TableName,
  columns: readonly SnapshotColumn[],
  orderBy: readonly string[] = [],
): string {
  const list = columns.map((c) =>
    c.asJson ? `to_jsonb(${quoteIdentifier(c.name)}) AS ${quoteIdentifier(c.name)}` : quoteIdentifier(c.name),
  );
  const order = orderBy.length === 0 ? '' : ` ORDER BY ${orderBy.map(quoteIdentifier).join(', ')}`;
  return `SELECT ${list.join(', ')} FROM ${qualifiedName(table.schema, table.name)}${order}`;
}

/** `DECLARE "c" NO SCROLL CURSOR FOR <select>`: rows are then fetched in batches. */
export function declareCursorSql(cursor: string, select: string): string {
  return `DECLARE ${quoteIdentifier(cursor)} NO SCROLL CURSOR FOR ${select}`;
}

/** `FETCH FORWARD n FROM "c"`. */
export function fetchSql(cursor: string, rows: number): string {
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError('rows must be a positive integer');
  return `FETCH FORWARD ${rows} FROM ${quoteIdentifier(cursor)}`;
}
