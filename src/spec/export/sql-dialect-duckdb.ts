import type { SqlDialect, SqlTypeFamily, SqlTypeSpec } from './sql-dialect.js';
import { quoteIdentifier, stringLiteral } from './sql-identifier.js';
import { DUCKDB_KEYWORDS } from './sql-keywords.js';

const plain = (family: SqlTypeFamily): SqlTypeSpec => ({ family, maxParams: 0 });
// DuckDB accepts and ignores a length on its strings.
const text: SqlTypeSpec = { family: 'text', maxParams: 1, firstParam: [1, 2_147_483_647] };
const decimal: SqlTypeSpec = { family: 'decimal', maxParams: 2, firstParam: [1, 38] };

/** DuckDB's built-in types and their aliases (https://duckdb.org/docs/sql/data_types/overview). */
const TYPES: ReadonlyMap<string, SqlTypeSpec> = new Map([
  ['varchar', text],
  ['character varying', text],
  ['char', text],
  ['character', text],
  ['bpchar', text],
  ['text', text],
  ['string', text],
  ['uuid', plain('uuid')],
  ['blob', plain('binary')],
  ['bytea', plain('binary')],
  ['binary', plain('binary')],
  ['varbinary', plain('binary')],
  ['json', plain('json')],
  ['boolean', plain('boolean')],
  ['bool', plain('boolean')],
  ['logical', plain('boolean')],
  ...[
    'tinyint',
    'int1',
    'smallint',
    'int2',
    'short',
    'integer',
    'int',
    'int4',
    'signed',
    'bigint',
    'int8',
    'long',
  ]
    .concat(['hugeint', 'utinyint', 'usmallint', 'uinteger', 'ubigint', 'uhugeint'])
    .map((name) => [name, plain('integer')] as const),
  ['decimal', decimal],
  ['numeric', decimal],
  ...['real', 'float', 'float4', 'double', 'float8', 'double precision'].map(
    (name) => [name, plain('float')] as const,
  ),
  ['date', plain('date')],
  ['time', plain('time')],
  ['timestamp', plain('timestamp')],
  ['datetime', plain('timestamp')],
  ['timestamp without time zone', plain('timestamp')],
  ['timestamp_s', plain('timestamp')],
  ['timestamp_ms', plain('timestamp')],
  ['timestamp_ns', plain('timestamp')],
  ['timestamptz', plain('timestamptz')],
  ['timestamp with time zone', plain('timestamptz')],
  ['interval', plain('interval')],
]);

/** DuckDB: structs, nested lists, and COMMENT ON since 0.10. */
export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  supportsStructTypes: true,
  supportsArraysOfComposites: true,
  supportsComments: true,
  maxDecimalPrecision: 38,
  types: TYPES,
  logicalTypes: {
    string: 'VARCHAR',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
    timestamptz: 'TIMESTAMPTZ',
    time: 'TIME',
    integer: 'BIGINT',
    number: 'DOUBLE',
    boolean: 'BOOLEAN',
    json: 'JSON',
  },
  quoteIdentifier: (name) => quoteIdentifier(name, DUCKDB_KEYWORDS),
  stringLiteral,
  decimalType: (precision, scale) => `DECIMAL(${precision},${scale})`,
  arrayType: (elementType) => `${elementType}[]`,
  structType: (fields) =>
    `STRUCT(${fields.map((f) => `${quoteIdentifier(f.name, DUCKDB_KEYWORDS)} ${f.type}`).join(', ')})`,
};
