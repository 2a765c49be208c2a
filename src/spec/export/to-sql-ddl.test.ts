import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DataContract } from '../model/data-contract.js';
import { normalizeContract } from '../model/normalize-contract.js';
import { contractToSqlDdl, contractToSqlStatements } from './to-sql-ddl.js';

const EXAMPLES = fileURLToPath(new URL('../../../test/fixtures/standards/odcs/examples', import.meta.url));
const example = (file: string): DataContract =>
  normalizeContract(parse(readFileSync(join(EXAMPLES, file), 'utf8')));
const inline = (yaml: string): DataContract => normalizeContract(parse(yaml));

/** The column lines of the first CREATE TABLE, as `name type [NOT NULL]`. */
const columnLines = (ddl: string) =>
  (ddl.split('\n);')[0] ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().replace(/,$/, ''));

describe('contractToSqlDdl on full-example.odcs.yaml', () => {
  const contract = example('full-example.odcs.yaml');

  it('writes DuckDB tables, keys and comments', () => {
    expect(contractToSqlDdl(contract, { dialect: 'duckdb' })).toBe(`CREATE TABLE tbl_1 (
  txn_ref_dt DATE,
  rcvr_id VARCHAR(18) NOT NULL,
  rcvr_cntry_code VARCHAR(2),
  PRIMARY KEY (rcvr_id)
);
COMMENT ON TABLE tbl_1 IS 'Provides core payment metrics';
COMMENT ON COLUMN tbl_1.txn_ref_dt IS 'Reference date for transaction';
COMMENT ON COLUMN tbl_1.rcvr_id IS 'A description for column rcvr_id.';
COMMENT ON COLUMN tbl_1.rcvr_cntry_code IS 'Country code';

CREATE TABLE receivers_master (
  id VARCHAR(18) NOT NULL,
  country_code VARCHAR(2) NOT NULL,
  receiver_name VARCHAR(255) NOT NULL,
  receiver_type VARCHAR(20),
  PRIMARY KEY (id, country_code)
);
COMMENT ON TABLE receivers_master IS 'Master data for all receivers';
COMMENT ON COLUMN receivers_master.id IS 'Unique identifier for receiver';
COMMENT ON COLUMN receivers_master.country_code IS 'Country code of the receiver';
COMMENT ON COLUMN receivers_master.receiver_name IS 'Name of the receiver';
COMMENT ON COLUMN receivers_master.receiver_type IS 'Type of receiver (individual, business, etc.)';
`);
  });

  it('splits into statements that each end with a semicolon', () => {
    const statements = contractToSqlStatements(contract, { dialect: 'postgres' });
    expect(statements).toHaveLength(11);
    for (const statement of statements) expect(statement).toMatch(/;$/);
  });
});

describe('contractToSqlDdl on all-data-types.odcs.yaml', () => {
  const contract = example('all-data-types.odcs.yaml');

  it('maps every logical type for DuckDB', () => {
    expect(columnLines(contractToSqlDdl(contract, { dialect: 'duckdb' }))).toEqual([
      'account_id STRING',
      'txn_ref_date DATE',
      'txn_timestamp TIMESTAMP',
      // physicalType "timestamp" would drop the time zone that logicalTypeOptions keeps.
      'txn_timestamp_tz TIMESTAMPTZ',
      'txn_time TIME',
      'amount DOUBLE',
      'age INT',
      'is_open BOOL',
      // "list" is no SQL type, and the array has no items to type it by.
      'latest_txns JSON',
      'customer_details JSON',
    ]);
  });

  it('maps every logical type for PostgreSQL', () => {
    expect(columnLines(contractToSqlDdl(contract, { dialect: 'postgres' }))).toEqual([
      'account_id TEXT',
      'txn_ref_date DATE',
      'txn_timestamp TIMESTAMP',
      'txn_timestamp_tz TIMESTAMPTZ',
      'txn_time TIME',
      'amount DOUBLE PRECISION',
      'age INT',
      'is_open BOOL',
      'latest_txns JSONB',
      'customer_details JSON',
    ]);
  });
});

describe('contractToSqlDdl on all-schema-types.odcs.yaml', () => {
  const contract = example('all-schema-types.odcs.yaml');

  it('writes arrays and structs in DuckDB, quoting mixed-case names', () => {
    const ddl = contractToSqlDdl(contract, { dialect: 'duckdb' });
    expect(ddl).toContain('CREATE TABLE "AnObject" (\n  street_lines STRING[]\n);');
    expect(ddl).toContain(
      'CREATE TABLE "AnotherObject" (\n  x STRUCT(id VARCHAR(40), zip VARCHAR(15))[]\n);',
    );
  });

  it('writes scalar arrays as T[] and arrays of objects as jsonb in PostgreSQL', () => {
    const ddl = contractToSqlDdl(contract, { dialect: 'postgres' });
    expect(ddl).toContain('CREATE TABLE "AnObject" (\n  street_lines TEXT[]\n);');
    expect(ddl).toContain('CREATE TABLE "AnotherObject" (\n  x JSONB\n);');
  });
});

describe('contractToSqlDdl on postgresql-adventureworks-contract.odcs.yaml', () => {
  const contract = example('postgresql-adventureworks-contract.odcs.yaml');
  const postgres = contractToSqlDdl(contract, { dialect: 'postgres' });
  const duckdb = contractToSqlDdl(contract, { dialect: 'duckdb' });

  it('creates one table per schema object', () => {
    expect(postgres.match(/^CREATE TABLE /gm)).toHaveLength(contract.schema.length);
  });

  it('passes built-in physical types through and falls back for the others', () => {
    const department = columnLines(postgres);
    // "Name" is a user-defined domain of AdventureWorks, unknown elsewhere: logical object → jsonb.
    expect(department).toEqual([
      'departmentid SERIAL NOT NULL',
      'name JSONB',
      'groupname JSONB',
      'modifieddate TIMESTAMP',
      'PRIMARY KEY (departmentid)',
    ]);
    // SERIAL is PostgreSQL's; DuckDB falls back to the logical type, number.
    expect(columnLines(duckdb)[0]).toBe('departmentid DOUBLE NOT NULL');
    // "varchar[15]" is an array type in PostgreSQL, which a logical string is not.
    expect(postgres).toContain('  nationalidnumber TEXT,\n');
    expect(postgres).toContain('  rowguid UUID,\n');
  });
});

describe('contractToSqlDdl: names, literals, keys and types', () => {
  const contract = inline(`
kind: DataContract
id: tricky
schema:
  - name: Order Lines
    physicalName: order"lines
    description: It's the "lines"; DROP TABLE x; --
    properties:
      - { name: b, logicalType: integer, primaryKey: true, primaryKeyPosition: 2 }
      - { name: a, logicalType: string, primaryKey: true, primaryKeyPosition: 1 }
      - { name: select, logicalType: string, required: true, description: "back\\\\slash 'quoted'" }
      - { name: Amount, logicalType: number, physicalType: 'DECIMAL(10,2)' }
      - { name: oracle, logicalType: number, physicalType: 'NUMBER(12,4)' }
      - { name: wide, logicalType: number, physicalType: 'DECIMAL(50,2)' }
      - { name: sneaky, logicalType: string, physicalType: "VARCHAR(10); DROP TABLE users; --" }
      - { name: sneaky2, logicalType: integer, physicalType: "INT -- comment" }
      - { name: mismatch, logicalType: boolean, physicalType: VARCHAR(5) }
      - { name: untyped }
      - { name: untyped_int, physicalType: int8 }
      - { name: at, logicalType: timestamp, logicalTypeOptions: { timezone: true } }
      - { name: tags, logicalType: array, items: { logicalType: string, physicalType: 'VARCHAR(20)' } }
      - { name: matrix, logicalType: array, items: { logicalType: array, items: { logicalType: integer } } }
      - name: address
        logicalType: object
        properties:
          - { name: street, logicalType: string }
          - { name: order, logicalType: integer }
      - { name: a, logicalType: string, description: duplicate physical name, ignored }
  - name: empty
`);

  it('quotes identifiers where needed, escapes literals, orders the primary key', () => {
    expect(contractToSqlDdl(contract, { dialect: 'postgres' })).toBe(`CREATE TABLE "order""lines" (
  b BIGINT NOT NULL,
  a TEXT NOT NULL,
  "select" TEXT NOT NULL,
  "Amount" DECIMAL(10,2),
  oracle NUMERIC(12,4),
  wide DECIMAL(50,2),
  sneaky TEXT,
  sneaky2 BIGINT,
  mismatch BOOLEAN,
  untyped TEXT,
  untyped_int INT8,
  at TIMESTAMPTZ,
  tags VARCHAR(20)[],
  matrix JSONB,
  address JSONB,
  PRIMARY KEY (a, b)
);
COMMENT ON TABLE "order""lines" IS 'It''s the "lines"; DROP TABLE x; --';
COMMENT ON COLUMN "order""lines"."select" IS 'back\\slash ''quoted''';

-- Schema object "empty" has no properties: no table.
`);
  });

  it('uses DuckDB types, structs and nested lists', () => {
    expect(columnLines(contractToSqlDdl(contract, { dialect: 'duckdb' }))).toEqual([
      'b BIGINT NOT NULL',
      'a VARCHAR NOT NULL',
      '"select" VARCHAR NOT NULL',
      '"Amount" DECIMAL(10,2)',
      'oracle DECIMAL(12,4)',
      // Wider than DuckDB's DECIMAL(38).
      'wide DOUBLE',
      'sneaky VARCHAR',
      'sneaky2 BIGINT',
      'mismatch BOOLEAN',
      'untyped VARCHAR',
      'untyped_int INT8',
      'at TIMESTAMPTZ',
      'tags VARCHAR(20)[]',
      'matrix BIGINT[][]',
      'address STRUCT(street VARCHAR, "order" BIGINT)',
      'PRIMARY KEY (a, b)',
    ]);
  });

  it('never lets a physical type that is not a plain type name into the DDL', () => {
    for (const dialect of ['duckdb', 'postgres'] as const) {
      const ddl = contractToSqlDdl(contract, { dialect });
      expect(ddl).not.toContain('DROP TABLE users');
      expect(ddl).not.toContain('-- comment');
    }
  });
});
