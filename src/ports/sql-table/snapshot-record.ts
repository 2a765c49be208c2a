import type { ColumnSpec } from '../../engines/column-spec.js';
import type { Row, SqlValue } from '../../engines/engine.js';

function value(raw: SqlValue | undefined, column: ColumnSpec): SqlValue {
  if (raw === undefined || raw === null) return null;
  if (column.kind === 'composite') {
    if (typeof raw !== 'string') return raw;
    // JSON kept as text by the source (MariaDB's JSON is LONGTEXT): its value, when it is JSON.
    try {
      return JSON.parse(raw) as SqlValue;
    } catch {
      return raw;
    }
  }
  // A JSON value in a scalar column is read as its JSON text, as a file port reads it.
  return typeof raw === 'object' ? JSON.stringify(raw) : raw;
}

/**
 * One source row as an NDJSON line (without the newline) holding exactly the contract's columns:
 * scalars as the source printed them (DuckDB reads them as text and validation casts them, as for
 * a CSV file), composite columns as JSON values, a missing value as null.
 */
export function snapshotRecord(row: Row, columns: readonly ColumnSpec[]): string {
  const record: Record<string, SqlValue> = {};
  for (const column of columns) record[column.name] = value(row[column.name], column);
  return JSON.stringify(record);
}
