/**
 * The family of a column type, for telling a real type change at a source from two spellings of
 * one type: `int4`, `INTEGER` and the contract's logical `integer` are one family. Physical types
 * are read with the DDL exporter's catalogs (DuckDB, then PostgreSQL), plus the MariaDB/MySQL
 * names those lack.
 */

import type { SqlTypeFamily } from '../../spec/export/sql-dialect.js';
import { duckdbDialect } from '../../spec/export/sql-dialect-duckdb.js';
import { postgresDialect } from '../../spec/export/sql-dialect-postgres.js';
import { parsePhysicalType } from '../../spec/export/sql-physical-type.js';
import type { LogicalType } from '../../spec/model/data-contract.js';

/** A logical type, or a family ODCS has no logical type for. */
export type ColumnTypeFamily = LogicalType | 'binary' | 'interval';

const LOGICAL: ReadonlySet<string> = new Set([
  'string',
  'date',
  'timestamp',
  'time',
  'number',
  'integer',
  'object',
  'array',
  'boolean',
]);

const OF_SQL_FAMILY: Readonly<Record<SqlTypeFamily, ColumnTypeFamily>> = {
  text: 'string',
  uuid: 'string',
  xml: 'string',
  binary: 'binary',
  json: 'object',
  boolean: 'boolean',
  integer: 'integer',
  decimal: 'number',
  float: 'number',
  date: 'date',
  time: 'time',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
  interval: 'interval',
};

/** MariaDB / MySQL names the DuckDB and PostgreSQL catalogs do not have. */
const MYSQL: Readonly<Record<string, ColumnTypeFamily>> = {
  mediumint: 'integer',
  year: 'integer',
  tinytext: 'string',
  mediumtext: 'string',
  longtext: 'string',
  enum: 'string',
  set: 'string',
  tinyblob: 'binary',
  mediumblob: 'binary',
  longblob: 'binary',
  bit: 'integer',
};

/** Lower case, single spaces, no space inside parentheses: `VARCHAR ( 10 )` → `varchar(10)`. */
export function normalizeColumnType(type: string): string {
  return type
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, '$1')
    .replace(/,/g, ', ');
}

/** The family of `type`; undefined when it is no type Meshplane knows. */
export function columnTypeFamily(type: string): ColumnTypeFamily | undefined {
  const text = normalizeColumnType(type);
  if (LOGICAL.has(text)) return text as LogicalType;
  if (/\[\]$|^(array|list)\b/.test(text)) return 'array';
  if (/^(struct|map|record|row)\b/.test(text)) return 'object';
  const parsed = parsePhysicalType(text, duckdbDialect) ?? parsePhysicalType(text, postgresDialect);
  if (parsed !== undefined) return OF_SQL_FAMILY[parsed.spec.family];
  const base = /^[a-z]+/.exec(text)?.[0];
  return base === undefined ? undefined : MYSQL[base];
}
