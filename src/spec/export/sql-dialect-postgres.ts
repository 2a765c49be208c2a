import type { SqlDialect, SqlTypeFamily, SqlTypeSpec } from './sql-dialect.js';
import { quoteIdentifier, stringLiteral } from './sql-identifier.js';
import { POSTGRES_KEYWORDS } from './sql-keywords.js';

const plain = (family: SqlTypeFamily): SqlTypeSpec => ({ family, maxParams: 0 });
const sized = (family: SqlTypeFamily, max: number, min = 1): SqlTypeSpec => ({
  family,
  maxParams: 1,
  firstParam: [min, max],
});
// PostgreSQL caps character lengths at 10485760, numeric precision at 1000, and fractional
// seconds at 6 digits.
const text = sized('text', 10_485_760);
const decimal: SqlTypeSpec = { family: 'decimal', maxParams: 2, firstParam: [1, 1000] };

/** PostgreSQL's built-in types and their aliases (https://www.postgresql.org/docs/current/datatype.html). */
const TYPES: ReadonlyMap<string, SqlTypeSpec> = new Map([
  ['text', plain('text')],
  ['varchar', text],
  ['character varying', text],
  ['char', text],
  ['character', text],
  ['bpchar', text],
  ['citext', plain('text')],
  ['inet', plain('text')],
  ['cidr', plain('text')],
  ['macaddr', plain('text')],
  ['uuid', plain('uuid')],
  ['bytea', plain('binary')],
  ['xml', plain('xml')],
  ['json', plain('json')],
  ['jsonb', plain('json')],
  ['boolean', plain('boolean')],
  ['bool', plain('boolean')],
  ...['smallint', 'int2', 'integer', 'int', 'int4', 'bigint', 'int8']
    .concat(['smallserial', 'serial2', 'serial', 'serial4', 'bigserial', 'serial8'])
    .map((name) => [name, plain('integer')] as const),
  ['numeric', decimal],
  ['decimal', decimal],
  ['real', plain('float')],
  ['float4', plain('float')],
  ['double precision', plain('float')],
  ['float8', plain('float')],
  ['float', sized('float', 53)],
  ['date', plain('date')],
  ['time', sized('time', 6, 0)],
  ['time without time zone', sized('time', 6, 0)],
  ['time with time zone', sized('time', 6, 0)],
  ['timetz', sized('time', 6, 0)],
  ['timestamp', sized('timestamp', 6, 0)],
  ['timestamp without time zone', sized('timestamp', 6, 0)],
  ['timestamptz', sized('timestamptz', 6, 0)],
  ['timestamp with time zone', sized('timestamptz', 6, 0)],
  ['interval', sized('interval', 6, 0)],
]);

/** PostgreSQL: no struct type (objects are jsonb), one-dimensional arrays of scalars. */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  supportsStructTypes: false,
  // A PostgreSQL array of arrays is a rectangular matrix, not a list of lists; arrays of
  // objects or arrays are stored as jsonb instead.
  supportsArraysOfComposites: false,
  supportsComments: true,
  maxDecimalPrecision: 1000,
  types: TYPES,
  logicalTypes: {
    string: 'TEXT',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
    timestamptz: 'TIMESTAMPTZ',
    time: 'TIME',
    integer: 'BIGINT',
    number: 'DOUBLE PRECISION',
    boolean: 'BOOLEAN',
    json: 'JSONB',
  },
  quoteIdentifier: (name) => quoteIdentifier(name, POSTGRES_KEYWORDS),
  stringLiteral,
  decimalType: (precision, scale) => `NUMERIC(${precision},${scale})`,
  arrayType: (elementType) => `${elementType}[]`,
  // Unreachable while supportsStructTypes is false; JSONB keeps the contract total anyway.
  structType: () => 'JSONB',
};
