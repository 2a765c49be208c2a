/**
 * The validation SQL, asserted as text and then run by DuckDB (in memory) over sample values,
 * so both what is generated and what it means are pinned.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../column-spec.js';
import { castSql, columnReasonSql, rejectReasonSql, stagedColumn } from './duckdb-validation-sql.js';

let instance: DuckDBInstance;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run("SET GLOBAL TimeZone = 'UTC'");
  connection.closeSync();
});

afterAll(() => instance.closeSync());

/** The reason for each value (as text) of one column; null when accepted. */
async function reasons(column: ColumnSpec, values: readonly (string | null)[]): Promise<(string | null)[]> {
  const connection = await instance.connect();
  try {
    const rows = values.map((v) => `(${v === null ? 'NULL' : `'${v.replaceAll("'", "''")}'`})`).join(', ');
    const reason = rejectReasonSql([column], stagedColumn('s'));
    const reader = await connection.runAndReadAll(
      `SELECT ${reason} AS reason FROM (VALUES ${rows}) AS s("${column.name}")`,
    );
    return reader.getRowObjectsJson().map((r) => r.reason as string | null);
  } finally {
    connection.closeSync();
  }
}

const base = { required: false } as const;

describe('castSql', () => {
  it('casts without ever raising, JSON first for composite columns', () => {
    expect(castSql({ ...base, name: 'q', sqlType: 'INTEGER', kind: 'integer' }, '"s"."q"')).toBe(
      'TRY_CAST("s"."q" AS INTEGER)',
    );
    expect(castSql({ ...base, name: 't', sqlType: 'VARCHAR[]', kind: 'composite' }, '"s"."t"')).toBe(
      'TRY_CAST(TRY_CAST("s"."t" AS JSON) AS VARCHAR[])',
    );
    expect(castSql({ ...base, name: 'x', sqlType: 'DATE', kind: 'temporal' }, undefined)).toBe(
      'CAST(NULL AS DATE)',
    );
  });
});

describe('timestamps', () => {
  it('apply a UTC offset instead of dropping it', async () => {
    const column: ColumnSpec = { ...base, name: 't', sqlType: 'TIMESTAMP', kind: 'temporal' };
    expect(castSql(column, '"s"."t"')).toBe('make_timestamp(epoch_us(TRY_CAST("s"."t" AS TIMESTAMPTZ)))');
    expect(castSql({ ...column, sqlType: 'TIMESTAMP_MS' }, '"s"."t"')).toBe(
      'CAST(make_timestamp(epoch_us(TRY_CAST("s"."t" AS TIMESTAMPTZ))) AS TIMESTAMP_MS)',
    );
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `SELECT CAST(${castSql(column, 's.t')} AS VARCHAR) AS v FROM (VALUES ('2024-12-02T09:14:00+02:00'), ('2024-12-02 09:14'), ('2024-12-02T09:14:00Z'), ('nope')) s(t)`,
    );
    connection.closeSync();
    expect(reader.getRowObjectsJson().map((r) => r.v)).toEqual([
      '2024-12-02 07:14:00',
      '2024-12-02 09:14:00',
      '2024-12-02 09:14:00',
      null,
    ]);
  });
});

describe('record checks, run by DuckDB', () => {
  it('required', async () => {
    const column: ColumnSpec = { name: 'id', sqlType: 'VARCHAR', kind: 'text', required: true };
    expect(columnReasonSql(column, '"s"."id"')).toBe(
      `CASE WHEN "s"."id" IS NULL THEN 'id: a value is required' WHEN "s"."id" IS NOT NULL AND TRY_CAST("s"."id" AS VARCHAR) IS NULL THEN 'id: ' || '''' || left(CAST("s"."id" AS VARCHAR), 80) || '''' || ' is not a valid VARCHAR' END`,
    );
    expect(await reasons(column, ['a', null])).toEqual([null, 'id: a value is required']);
  });

  it('types, whole numbers and bounds', async () => {
    const column: ColumnSpec = {
      ...base,
      name: 'n',
      sqlType: 'INTEGER',
      kind: 'integer',
      minimum: 1,
      maximum: 10,
    };
    expect(await reasons(column, ['5', '1.0', '1.5', '2e0', 'x', '0', '11', null])).toEqual([
      null,
      null,
      "n: '1.5' is not a whole number",
      null,
      "n: 'x' is not a valid INTEGER",
      "n: '0' is below the minimum 1",
      "n: '11' is above the maximum 10",
      null,
    ]);
  });

  it('exclusive bounds and decimals', async () => {
    const column: ColumnSpec = {
      ...base,
      name: 'p',
      sqlType: 'DECIMAL(10,2)',
      kind: 'number',
      minimum: 0,
      exclusiveMinimum: true,
      maximum: 2.5,
    };
    expect(await reasons(column, ['0', '0.01', '2.5', '2.51'])).toEqual([
      "p: '0' is not above the minimum 0",
      null,
      null,
      "p: '2.51' is above the maximum 2.5",
    ]);
  });

  it('dates with textual bounds', async () => {
    const column: ColumnSpec = {
      ...base,
      name: 'd',
      sqlType: 'DATE',
      kind: 'temporal',
      minimum: '2020-01-01',
    };
    expect(await reasons(column, ['2021-05-01', '2019-12-31', '31/12/2020'])).toEqual([
      null,
      "d: '2019-12-31' is below the minimum 2020-01-01",
      "d: '31/12/2020' is not a valid DATE",
    ]);
  });

  it('allowed values, pattern (unanchored, as in JSON Schema) and lengths', async () => {
    const column: ColumnSpec = {
      ...base,
      name: 's',
      sqlType: 'VARCHAR',
      kind: 'text',
      validValues: ['ab', "it's", 'abcdef'],
      pattern: '^[a-z]',
      minLength: 2,
      maxLength: 5,
    };
    expect(await reasons(column, ['ab', "it's", 'zz', 'abcdef'])).toEqual([
      null,
      null,
      "s: 'zz' is not one of ab, it's, abcdef",
      "s: 'abcdef' is longer than 5 characters",
    ]);
    const pattern: ColumnSpec = { ...base, name: 'c', sqlType: 'VARCHAR', kind: 'text', pattern: '[0-9]' };
    expect(await reasons(pattern, ['a1b', 'ab'])).toEqual([null, "c: 'ab' does not match the pattern [0-9]"]);
  });

  it('allowed numbers compare as numbers', async () => {
    const column: ColumnSpec = {
      ...base,
      name: 'k',
      sqlType: 'INTEGER',
      kind: 'integer',
      validValues: [1, 2],
    };
    expect(await reasons(column, ['1', '02', '3'])).toEqual([null, null, "k: '3' is not one of 1, 2"]);
  });

  it('joins every failing column of a row', async () => {
    const columns: ColumnSpec[] = [
      { name: 'a', sqlType: 'INTEGER', kind: 'integer', required: true },
      { name: 'b', sqlType: 'BOOLEAN', kind: 'boolean', required: false },
    ];
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `SELECT ${rejectReasonSql(columns, stagedColumn('s'))} AS r FROM (VALUES (NULL, 'maybe'), ('1', 'true')) AS s(a, b)`,
    );
    connection.closeSync();
    expect(reader.getRowObjectsJson().map((r) => r.r)).toEqual([
      "a: a value is required; b: 'maybe' is not a valid BOOLEAN",
      null,
    ]);
  });

  it('a missing optional column has no reason; a missing required one always has', () => {
    expect(
      columnReasonSql({ ...base, name: 'x', sqlType: 'VARCHAR', kind: 'text' }, undefined),
    ).toBeUndefined();
    expect(columnReasonSql({ name: 'x', sqlType: 'VARCHAR', kind: 'text', required: true }, undefined)).toBe(
      "'x: the column is missing'",
    );
    expect(rejectReasonSql([], stagedColumn())).toBe('CAST(NULL AS VARCHAR)');
  });
});
