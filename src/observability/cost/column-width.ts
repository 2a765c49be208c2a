/**
 * An estimate of the bytes a scan of a table reads: its rows times the width DuckDB gives each
 * value of its columns' types in memory. Fixed-width types count their width; variable-width ones
 * (VARCHAR, BLOB, JSON, lists, structs) count DuckDB's 16-byte value header, which holds short
 * strings (up to 12 bytes) whole, so longer values are under-counted. Pure.
 */

const FIXED: Readonly<Record<string, number>> = {
  BOOLEAN: 1,
  TINYINT: 1,
  UTINYINT: 1,
  SMALLINT: 2,
  USMALLINT: 2,
  INTEGER: 4,
  UINTEGER: 4,
  FLOAT: 4,
  REAL: 4,
  DATE: 4,
  BIGINT: 8,
  UBIGINT: 8,
  DOUBLE: 8,
  TIME: 8,
  TIMETZ: 8,
  TIMESTAMP: 8,
  TIMESTAMPTZ: 8,
  TIMESTAMP_S: 8,
  TIMESTAMP_MS: 8,
  TIMESTAMP_NS: 8,
  'TIMESTAMP WITH TIME ZONE': 8,
  'TIME WITH TIME ZONE': 8,
  HUGEINT: 16,
  UHUGEINT: 16,
  UUID: 16,
  INTERVAL: 16,
};

/** DuckDB's value header of variable-width types. */
const VARIABLE_WIDTH = 16;

/** DECIMAL(p, s) is stored in 2, 4, 8 or 16 bytes by its precision. */
function decimalWidth(precision: number): number {
  if (precision <= 4) return 2;
  if (precision <= 9) return 4;
  if (precision <= 18) return 8;
  return 16;
}

/** Bytes per value of a DuckDB column type such as `BIGINT`, `DECIMAL(10,2)` or `VARCHAR`. */
export function columnWidth(sqlType: string): number {
  const type = sqlType.trim().toUpperCase();
  const decimal = /^(?:DECIMAL|NUMERIC)\s*(?:\(\s*(\d+)\s*(?:,\s*\d+\s*)?\))?$/.exec(type);
  if (decimal !== null) return decimalWidth(decimal[1] === undefined ? 18 : Number(decimal[1]));
  return FIXED[type] ?? VARIABLE_WIDTH;
}

/** Estimated bytes a full scan of `rows` rows of columns of these types reads. */
export function tableBytes(rows: number, sqlTypes: readonly string[]): number {
  const width = sqlTypes.reduce((sum, type) => sum + columnWidth(type), 0);
  return Math.max(0, Math.round(rows)) * width;
}
