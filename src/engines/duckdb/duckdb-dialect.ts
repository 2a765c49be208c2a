/**
 * DuckDB SQL text: quoting and the column type of an ODCS property. Pure: no I/O.
 * Generated SQL always quotes identifiers, so any name a contract allows reads back unchanged.
 */
import { sqlColumnType } from '../../spec/export/sql-column-type.js';
import { duckdbDialect as ddlDialect } from '../../spec/export/sql-dialect-duckdb.js';
import { parsePhysicalType } from '../../spec/export/sql-physical-type.js';
import type { Property } from '../../spec/model/data-contract.js';
import type { ColumnKind } from '../column-spec.js';

const NUL = '\u0000';

/** `"name"` with inner double quotes doubled; NUL, which DuckDB cannot hold, is dropped. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll(NUL, '').replaceAll('"', '""')}"`;
}

/** A dotted name, each part quoted: `"p_orders"."main"."orders"`. */
export function qualifiedName(...parts: readonly string[]): string {
  return parts.map(quoteIdentifier).join('.');
}

/** A string literal: inner single quotes doubled (backslashes are literal in DuckDB). */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll(NUL, '').replaceAll("'", "''")}'`;
}

/** A literal for a value from a contract: numbers and booleans bare, everything else as text. */
export function valueLiteral(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return quoteLiteral(String(value));
}

/**
 * The DuckDB column type of a property: its `physicalType` when that is a DuckDB type able to hold
 * the logical type, else the type of the logical type (the same mapping `meshplane export
 * --format sql-ddl --dialect duckdb` writes; see spec/export/CONTEXT.md).
 */
export function columnType(property: Property): string {
  return sqlColumnType(property, ddlDialect);
}

const KIND_OF_FAMILY: Readonly<Record<string, ColumnKind>> = {
  text: 'text',
  integer: 'integer',
  decimal: 'number',
  float: 'number',
  boolean: 'boolean',
  date: 'temporal',
  time: 'temporal',
  timestamp: 'temporal',
  timestamptz: 'temporal',
  interval: 'temporal',
  json: 'composite',
};

/** What a DuckDB column type holds, for the checks that depend on it. */
export function columnKind(sqlType: string): ColumnKind {
  if (/^STRUCT\(|\[\]$|^MAP\(/i.test(sqlType)) return 'composite';
  const parsed = parsePhysicalType(sqlType, ddlDialect);
  return parsed === undefined ? 'other' : (KIND_OF_FAMILY[parsed.spec.family] ?? 'other');
}
