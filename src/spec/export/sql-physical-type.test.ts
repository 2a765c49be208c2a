import { describe, expect, it } from 'vitest';
import { duckdbDialect } from './sql-dialect-duckdb.js';
import { postgresDialect } from './sql-dialect-postgres.js';
import { parsePhysicalType } from './sql-physical-type.js';

const pg = (text: string) => parsePhysicalType(text, postgresDialect)?.sql;
const duck = (text: string) => parsePhysicalType(text, duckdbDialect)?.sql;

describe('parsePhysicalType', () => {
  it.each([
    ['VARCHAR(50)', 'VARCHAR(50)', 'VARCHAR(50)'],
    ['varchar (50)', 'VARCHAR(50)', 'VARCHAR(50)'],
    ['DECIMAL( 10 , 2 )', 'DECIMAL(10,2)', 'DECIMAL(10,2)'],
    ['numeric', 'NUMERIC', 'NUMERIC'],
    ['double  precision', 'DOUBLE PRECISION', 'DOUBLE PRECISION'],
    ['int4', 'INT4', 'INT4'],
    ['timestamp with time zone', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITH TIME ZONE'],
    ['timestamp(3) with time zone', 'TIMESTAMP(3) WITH TIME ZONE', undefined],
    ['INTEGER[]', 'INTEGER[]', 'INTEGER[]'],
    ['serial', 'SERIAL', undefined],
    ['jsonb', 'JSONB', undefined],
    ['STRING', undefined, 'STRING'],
    ['HUGEINT', undefined, 'HUGEINT'],
  ])('%s reads as %s in PostgreSQL and %s in DuckDB', (text, postgres, duckdb) => {
    expect(pg(text)).toBe(postgres);
    expect(duck(text)).toBe(duckdb);
  });

  it.each([
    ['an unknown or user-defined type', 'Name'],
    ['a MySQL modifier', 'int unsigned'],
    ['PostgreSQL array syntax for a length', 'varchar[50]'],
    ['parameters the type does not take', 'double(3,2)'],
    ['a length of zero', 'varchar(0)'],
    ['a scale larger than the precision', 'numeric(5,6)'],
    ['a precision over the limit', 'numeric(1001,2)'],
    ['a statement separator', 'int; DROP TABLE users'],
    ['a line comment', 'int -- comment'],
    ['a block comment', 'int /* x */'],
    ['a closing parenthesis', 'varchar(10)) ; --'],
    ['a quoted collation', 'text COLLATE "C"'],
    ['a default expression', "text DEFAULT 'x'"],
    ['an empty string', ''],
  ])('rejects %s: %s', (_, text) => {
    expect(pg(text)).toBeUndefined();
    expect(duck(text)).toBeUndefined();
  });

  it('reports the family and parameters', () => {
    expect(parsePhysicalType('Numeric(12, 4)', postgresDialect)).toMatchObject({
      name: 'numeric',
      params: [12, 4],
      array: false,
      spec: { family: 'decimal' },
    });
    expect(parsePhysicalType('DECIMAL(39,2)', duckdbDialect)).toBeUndefined();
    // PostgreSQL caps a length where DuckDB ignores it.
    expect(pg('varchar(10485761)')).toBeUndefined();
    expect(duck('varchar(10485761)')).toBe('VARCHAR(10485761)');
  });
});
