import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SchemaObject } from '../../spec/model/data-contract.js';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import { constraintQuery, constraintsFromRows } from './constraint-catalog-sql.js';
import { planChecks } from './plan-checks.js';

function object(body: string): SchemaObject {
  const yaml = `apiVersion: v3.1.0\nkind: DataContract\nid: t\nversion: 1.0.0\nstatus: active\nschema:\n${body}`;
  const [first] = normalizeContract(parse(yaml)).schema;
  if (first === undefined) throw new Error('no schema object');
  return first;
}

const DECIDABLE = object(`
  - name: orders
    properties:
      - name: id
        quality:
          - { metric: duplicateValues, mustBe: 0 }
`);
const UNDECIDABLE = object(`
  - name: orders
    quality:
      - { metric: rowCount, mustBeGreaterThan: 0 }
    properties:
      - name: id
        quality:
          - { metric: missingValues, mustBe: 0 }
          - { type: sql, query: 'select 0', mustBe: 0 }
`);

describe('constraintQuery', () => {
  it('asks DuckDB for the constraints of a fully named table, by its three name parts', () => {
    const query = constraintQuery(
      planChecks(DECIDABLE, { dialect: 'duckdb', table: ['p_x', 'main', 'Orders'] }),
    );
    expect(query?.sql).toContain('FROM duckdb_constraints()');
    expect(query?.params).toEqual(['p_x', 'main', 'Orders']);
  });

  it('asks DuckDB nothing for a name the search path resolves', () => {
    expect(
      constraintQuery(planChecks(DECIDABLE, { dialect: 'duckdb', table: ['main', 'Orders'] })),
    ).toBeUndefined();
    expect(constraintQuery(planChecks(DECIDABLE, { dialect: 'duckdb' }))).toBeUndefined();
  });

  it('asks PostgreSQL by the quoted name the scan uses, resolved by to_regclass', () => {
    const query = constraintQuery(planChecks(DECIDABLE, { dialect: 'postgres', table: ['s', 'Orders'] }));
    expect(query?.sql).toContain('pg_catalog.to_regclass($1::text)');
    expect(query?.sql).toContain('pg_catalog.pg_inherits');
    expect(query?.params).toEqual(['"s"."Orders"']);
  });

  it('asks nothing when no rule of the plan is one a constraint decides', () => {
    for (const dialect of ['duckdb', 'postgres'] as const)
      expect(
        constraintQuery(planChecks(UNDECIDABLE, { dialect, table: ['p', 'main', 't'] })),
      ).toBeUndefined();
  });
});

describe('constraintsFromRows', () => {
  const row = (over: Record<string, unknown>) => ({
    database_name: 'p_x',
    schema_name: 'main',
    table_name: 'Orders',
    kind: 'PRIMARY KEY',
    name: 'Orders_id_pkey',
    columns: ['id'],
    ...over,
  });

  it('keeps the DuckDB rows of the named table only, its name compared as DuckDB does', () => {
    const rows = [
      row({}),
      row({ table_name: 'ORDERS', kind: 'NOT NULL', name: 'Orders_a_not_null', columns: ['a'] }),
      // Other tables, in case the query's filter let them through.
      row({ table_name: 'Orders_old' }),
      row({ schema_name: 'other' }),
    ];
    expect(constraintsFromRows('duckdb', ['p_x', 'main', 'orders'], rows)).toEqual([
      { kind: 'PRIMARY KEY', name: 'Orders_id_pkey', columns: ['id'] },
      { kind: 'NOT NULL', name: 'Orders_a_not_null', columns: ['a'] },
    ]);
    expect(constraintsFromRows('duckdb', ['p_x', 'main', 'Örders'], [row({ table_name: 'örders' })])).toEqual(
      [],
    );
  });

  it('reads PostgreSQL rows (columns as parsed JSON) and leaves out any row of another shape', () => {
    const rows = [
      { kind: 'UNIQUE', name: 'k', columns: ['a', 'Tenant Id'] },
      { kind: 'NOT NULL', name: null, columns: ['a'] },
      { kind: 'CHECK', name: 'c', columns: ['a'] },
      { kind: 'UNIQUE', name: 'x', columns: '{a}' },
      { kind: 'UNIQUE', name: 'y', columns: [] },
      { kind: 'UNIQUE', name: 'z', columns: [1] },
    ];
    expect(constraintsFromRows('postgres', ['s', 't'], rows)).toEqual([
      { kind: 'UNIQUE', name: 'k', columns: ['a', 'Tenant Id'] },
      { kind: 'NOT NULL', columns: ['a'] },
    ]);
  });
});
