/**
 * MariaDB / MySQL SQL text for what Meshplane reads from a server: quoting, the session settings
 * that make values print exactly, the snapshot of a table, and reading `enum(...)` type text.
 * Pure: no I/O.
 */

/** `` `name` `` with inner backticks doubled (NUL, which MariaDB cannot hold, dropped). */
export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll('\u0000', '').replaceAll('`', '``')}\``;
}

/** A dotted name, each part quoted: `` `legacy`.`customers` ``. */
export function qualifiedName(...parts: readonly string[]): string {
  return parts.map(quoteIdentifier).join('.');
}

/** A table in a database. */
export interface TableName {
  readonly database: string;
  readonly name: string;
}

/**
 * Settings for every session: TIMESTAMP values print in UTC (DATETIME has no zone and prints as
 * stored), so no value depends on the server's or the machine's zone.
 */
export const SESSION_SETTINGS_SQL: readonly string[] = ["SET time_zone = '+00:00'"];

/** Opens the transaction a snapshot reads in: one consistent InnoDB view, no writes. */
export const SNAPSHOT_BEGIN_SQL: readonly string[] = [
  'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ',
  'START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY',
];

/** ``SELECT `a`, `b` FROM `db`.`t` ORDER BY `id` ``: the columns of a table, in order. */
export function snapshotSql(
  table: TableName,
  columns: readonly string[],
  orderBy: readonly string[] = [],
): string {
  const order = orderBy.length === 0 ? '' : ` ORDER BY ${orderBy.map(quoteIdentifier).join(', ')}`;
  return `SELECT ${columns.map(quoteIdentifier).join(', ')} FROM ${qualifiedName(table.database, table.name)}${order}`;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\u0000', Z: '\u001a' };

/**
 * The values of `enum('a','b''c')` type text (`COLUMN_TYPE`), in declaration order; undefined for
 * any other type. MariaDB doubles quotes and backslash-escapes in that text.
 */
export function parseEnumValues(columnType: string): string[] | undefined {
  const match = /^enum\((.*)\)$/is.exec(columnType.trim());
  if (match === null) return undefined;
  const values: string[] = [];
  for (const [, body = ''] of (match[1] ?? '').matchAll(/'((?:[^'\\]|''|\\.)*)'/gs)) {
    values.push(
      body.replace(/''|\\(.)/gs, (_whole, escaped?: string) =>
        escaped === undefined ? "'" : (ESCAPES[escaped] ?? escaped),
      ),
    );
  }
  return values;
}
