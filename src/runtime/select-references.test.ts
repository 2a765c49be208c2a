import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineColumn, selectFacts } from './select-references.js';

let instance: DuckDBInstance;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
});

afterAll(() => instance.closeSync());

/** DuckDB's own parse tree of one statement (the input selectFacts is made for). */
async function tree(sql: string): Promise<unknown> {
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS j', [sql]);
  connection.closeSync();
  const parsed = JSON.parse(String(reader.getRowObjectsJson()[0]?.j)) as { statements: unknown[] };
  return parsed.statements[0];
}

async function tables(sql: string): Promise<string[]> {
  return selectFacts(await tree(sql)).tables.map((t) =>
    [t.catalog, t.schema, t.table].filter((p) => p !== '').join('.'),
  );
}

describe('selectFacts', () => {
  it('finds every table, in joins, subqueries, set operations and expressions', async () => {
    expect(
      await tables(`select * from a.b join c.d.e using (k)
        where k in (select k from f.g) union all select * from (select * from h.i) x
        where exists (select 1 from j.k)`),
    ).toEqual(['a.b', 'c.d.e', 'f.g', 'h.i', 'j.k']);
  });

  it('leaves out CTE names where DuckDB binds them, and only there', async () => {
    expect(await tables('with x as (select * from a.b) select * from x')).toEqual(['a.b']);
    expect(await tables('with x as (select 1), y as (select * from x) select * from y')).toEqual([]);
    expect(await tables('with y as (select * from x), x as (select 1) select * from y')).toEqual(['x']);
    expect(await tables('select * from (with x as (select 1) select * from x), x')).toEqual(['x']);
    expect(
      await tables('with recursive r(n) as (select 1 union all select n + 1 from r) select * from r'),
    ).toEqual([]);
    expect(await tables('with X as (select 1) select * from x')).toEqual([]);
  });

  it('reports table functions, functions and SHOW references with their offsets', async () => {
    const facts = selectFacts(await tree("select upper(x) from read_csv('f.csv')"));
    expect(facts.tableFunctions).toEqual([{ name: 'read_csv', location: 21 }]);
    expect(facts.functions.map((f) => f.name)).toContain('upper');
    expect(selectFacts(await tree('describe a.b')).shows.map((s) => s.name)).toEqual(['DESCRIBE']);
  });

  it('turns DuckDB byte offsets into lines and columns', () => {
    expect(lineColumn('select 1\nfrom x', 14)).toEqual({ line: 2, column: 6 });
    expect(lineColumn("select 'é'\nfrom x", 17)).toEqual({ line: 2, column: 6 });
  });
});
