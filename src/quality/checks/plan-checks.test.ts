import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MeshplaneError } from '../../errors/index.js';
import type { SchemaObject } from '../../spec/model/data-contract.js';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import type { LibraryCheck, PlannedCheck, SettledCheck, SqlCheck } from './check-plan.js';
import { planChecks } from './plan-checks.js';

/** The first schema object of a v3.1.0 contract; `body` is that object's YAML. */
function object(body: string): SchemaObject {
  const yaml = `apiVersion: v3.1.0\nkind: DataContract\nid: t\nversion: 1.0.0\nstatus: active\nschema:\n${body}`;
  const [first] = normalizeContract(parse(yaml)).schema;
  if (first === undefined) throw new Error('no schema object');
  return first;
}

const ORDERS = object(`
  - name: orders
    physicalName: Orders
    quality:
      - metric: rowCount
        mustBeBetween: [1, 1000]
      - metric: duplicateValues
        mustBe: 0
        arguments: { properties: [tenant, order_id] }
    properties:
      - name: order_id
        quality:
          - metric: nullValues
            mustBe: 0
          - metric: duplicateValues
            mustBeLessThan: 1
            unit: percent
      - name: tenant
        physicalName: Tenant Id
        quality:
          - metric: missingValues
            arguments: { missingValues: [null, 'N/A', "it's"] }
            mustBeLessThan: 5
      - name: status
        quality:
          - metric: invalidValues
            arguments: { validValues: [placed, shipped, null] }
            mustBeLessOrEqualTo: 2
            unit: percent
          - metric: invalidValues
            arguments: { pattern: '^[a-z]+$' }
          - metric: nullValues
            mustBe: 0
      - name: amount
        logicalType: number
        quality:
          - metric: invalidValues
            arguments: { validValues: [1, 2.5] }
`);

function byId<T extends PlannedCheck['kind']>(
  checks: readonly PlannedCheck[],
  id: string,
  kind: T,
): Extract<PlannedCheck, { kind: T }> {
  const found = checks.find((c) => c.id === id);
  expect(found?.kind, id).toBe(kind);
  return found as Extract<PlannedCheck, { kind: T }>;
}

describe('planChecks: one scan per table', () => {
  it('measures every library rule of the table in ONE aggregate query with FILTER aggregates', () => {
    const plan = planChecks(ORDERS, { dialect: 'duckdb', table: ['p_sales', 'main', 'Orders'] });
    expect(plan.table).toBe('"p_sales"."main"."Orders"');
    const sql = plan.aggregate?.sql ?? '';
    expect(sql.match(/\bFROM\b/g)).toHaveLength(1);
    expect(sql.match(/\bSELECT\b/g)).toHaveLength(1);
    expect(sql).toBe(
      [
        'SELECT count(*) AS "row_count",',
        '  count(*) FILTER (WHERE "Tenant Id" IS NOT NULL AND "order_id" IS NOT NULL) - count(DISTINCT ROW("Tenant Id", "order_id")) FILTER (WHERE "Tenant Id" IS NOT NULL AND "order_id" IS NOT NULL) AS "m1",',
        '  count(*) FILTER (WHERE "order_id" IS NULL) AS "m2",',
        '  count("order_id") - count(DISTINCT "order_id") AS "m3",',
        `  count(*) FILTER (WHERE "Tenant Id" IS NULL OR CAST("Tenant Id" AS VARCHAR) IN ('', 'N/A', 'it''s')) AS "m4",`,
        `  count(*) FILTER (WHERE "status" IS NOT NULL AND NOT (CAST("status" AS VARCHAR) IN ('placed', 'shipped'))) AS "m5",`,
        `  count(*) FILTER (WHERE "status" IS NOT NULL AND NOT (regexp_full_match(CAST("status" AS VARCHAR), '^[a-z]+$'))) AS "m6",`,
        '  count(*) FILTER (WHERE "status" IS NULL) AS "m7",',
        '  count(*) FILTER (WHERE "amount" IS NOT NULL AND NOT ("amount" IN (1, 2.5))) AS "m8"',
        'FROM "p_sales"."main"."Orders"',
      ].join('\n'),
    );
  });

  it('maps each rule to its column of the scan, with its unit and expectation', () => {
    const plan = planChecks(ORDERS, { dialect: 'duckdb' });
    expect(plan.table).toBe('"Orders"');
    const rowCount = byId(plan.checks, 'orders.rowCount', 'library');
    expect(rowCount).toMatchObject({ alias: 'row_count', unit: 'rows' });
    expect(rowCount.expectation).toEqual({
      operator: 'mustBeBetween',
      threshold: [1, 1000],
      defaulted: false,
    });
    expect(rowCount.failing).toBeUndefined();
    const percent = byId(plan.checks, 'orders.order_id.duplicateValues', 'library');
    expect(percent).toMatchObject({ alias: 'm3', unit: 'percent', metric: 'duplicateValues' });
    expect(percent.failing).toEqual({ kind: 'duplicates', columns: ['"order_id"'] });
    // No operator on a counting metric: it must be 0.
    const pattern = byId(plan.checks, 'orders.status.invalidValues#2', 'library');
    expect(pattern.expectation).toEqual({ operator: 'mustBe', threshold: 0, defaulted: true });
  });

  it('shares one aggregate column between rules measuring the same thing', () => {
    const plan = planChecks(
      object(`
  - name: t
    properties:
      - name: a
        quality:
          - { metric: nullValues, mustBe: 0 }
          - { metric: nullValues, mustBeLessThan: 10, unit: percent }
`),
      { dialect: 'duckdb' },
    );
    expect(plan.aggregate?.metrics).toHaveLength(1);
    const aliases = plan.checks.map((c) => (c as LibraryCheck).alias);
    expect(aliases).toEqual(['m1', 'm1']);
    expect(plan.checks.map((c) => c.id)).toEqual(['t.a.nullValues', 't.a.nullValues#2']);
  });

  it('writes PostgreSQL text casts, E-literals for backslashes and an anchored ~ for patterns', () => {
    const plan = planChecks(
      object(`
  - name: t
    properties:
      - name: code
        quality:
          - metric: invalidValues
            arguments: { pattern: '\\d{2}-[A-Z]+', validValues: ['a\\b'] }
            mustBe: 0
`),
      { dialect: 'postgres', table: ['s', 't'] },
    );
    expect(plan.aggregate?.sql).toContain(
      `count(*) FILTER (WHERE "code" IS NOT NULL AND NOT (CAST("code" AS text) IN (E'a\\\\b') AND (CAST("code" AS text) ~ E'^(?:\\\\d{2}-[A-Z]+)$'))) AS "m1"`,
    );
    expect(plan.table).toBe('"s"."t"');
  });

  it('plans no scan when the object has no library rule', () => {
    const plan = planChecks(
      object(`
  - name: t
    quality:
      - { type: text, description: fine }
`),
      { dialect: 'duckdb' },
    );
    expect(plan.aggregate).toBeUndefined();
  });

  it('quotes every name from the contract, whatever it holds', () => {
    const plan = planChecks(
      object(`
  - name: t
    physicalName: 'we"ird; DROP TABLE x'
    properties:
      - name: c
        physicalName: 'col"umn'
        quality:
          - { metric: missingValues, arguments: { missingValues: ["'; DROP TABLE x; --"] }, mustBe: 0 }
`),
      { dialect: 'postgres' },
    );
    expect(plan.aggregate?.sql).toBe(
      'SELECT count(*) AS "row_count",\n' +
        `  count(*) FILTER (WHERE "col""umn" IS NULL OR CAST("col""umn" AS text) IN ('', '''; DROP TABLE x; --')) AS "m1"\n` +
        'FROM "we""ird; DROP TABLE x"',
    );
  });

  it('refuses an empty table name with INVALID_INPUT', () => {
    expect(() => planChecks(ORDERS, { dialect: 'duckdb', table: ['p', ''] })).toThrow(MeshplaneError);
    expect(() => planChecks(ORDERS, { dialect: 'duckdb', table: [] })).toThrow(/non-empty parts/);
  });
});

describe('planChecks: sql rules', () => {
  const plan = (query: string, dialect: 'duckdb' | 'postgres' = 'duckdb', property = true) =>
    planChecks(
      object(`
  - name: orders
    physicalName: Orders
    ${property ? 'properties:\n      - name: amount\n        physicalName: Amount\n        quality:' : 'quality:'}
          - type: sql
            query: ${JSON.stringify(query)}
            mustBe: 0
`),
      { dialect, table: ['sales', 'Orders'] },
    ).checks[0];

  it.each([
    [
      'SELECT count(*) FROM {object} WHERE {property} < 0',
      'SELECT count(*) FROM "sales"."Orders" WHERE "Amount" < 0',
    ],
    [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an ODCS placeholder, not a template
      'SELECT count(*) FROM ${object} WHERE ${property} < 0',
      'SELECT count(*) FROM "sales"."Orders" WHERE "Amount" < 0',
    ],
    [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an ODCS placeholder, not a template
      'SELECT count(*) FROM ${table} WHERE ${column} < 0;',
      'SELECT count(*) FROM "sales"."Orders" WHERE "Amount" < 0',
    ],
    [
      'SELECT count(*) FROM {table} WHERE { column } < 0 ;\n',
      'SELECT count(*) FROM "sales"."Orders" WHERE "Amount" < 0',
    ],
  ])('replaces the ODCS placeholders in %s', (query, expected) => {
    expect((plan(query) as SqlCheck).sql).toBe(expected);
  });

  it('wraps a PostgreSQL rule query with a parameter so several statements are refused', () => {
    const check = plan('select count(*) from {object}', 'postgres') as SqlCheck;
    expect(check.sql).toBe(
      'SELECT * FROM (\nselect count(*) from "sales"."Orders"\n) AS "meshplane_rule" WHERE $1::boolean',
    );
    expect(check.params).toEqual([true]);
  });

  it('gives an error result, not a crash, for placeholders it cannot resolve', () => {
    const schemaLevel = plan(
      'select count(*) from {object} where {property} is null',
      'duckdb',
      false,
    ) as SettledCheck;
    expect(schemaLevel).toMatchObject({ kind: 'settled', status: 'error' });
    expect(schemaLevel.message).toMatch(/uses \{property\}, but the rule is on the schema object/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an ODCS variable, not a template
    const variable = plan('select count(*) from ${TARGET_TABLE}') as SettledCheck;
    expect(variable).toMatchObject({ kind: 'settled', status: 'error' });
    expect(variable.message).toMatch(/\$\{TARGET_TABLE\}, which Meshplane cannot resolve/);
    expect(plan('  ;  ')).toMatchObject({
      kind: 'settled',
      status: 'error',
      message: 'a sql rule needs a query',
    });
  });

  it('leaves braces that are not placeholders alone', () => {
    const check = plan(`select count(*) from {object} where {property}::json = '{"a": 1}'`) as SqlCheck;
    expect(check.sql).toBe(`select count(*) from "sales"."Orders" where "Amount"::json = '{"a": 1}'`);
  });
});

describe('planChecks: rules it does not run, and rules in error', () => {
  const plan = planChecks(
    object(`
  - name: t
    quality:
      - { type: custom, engine: soda, implementation: 'type: duplicate_percent' }
      - { type: custom, engine: greatExpectations, implementation: {} }
      - { type: text, description: emails are verified }
      - { metric: nullValues, mustBe: 0 }
      - { metric: duplicateValues, mustBe: 0 }
      - { metric: duplicateValues, mustBe: 0, arguments: { properties: [a, nope] } }
      - { metric: rowCount }
      - { metric: rowCount, mustBeLessThan: 5, unit: percent }
      - { type: sql, query: 'select 1' }
    properties:
      - name: a
        quality:
          - { metric: invalidValues, mustBe: 0 }
          - { metric: invalidValues, mustBe: 0, arguments: { validValues: [{ x: 1 }] } }
          - { metric: invalidValues, mustBe: 0, arguments: { pattern: 7 } }
          - { metric: missingValues, mustBe: 0, arguments: { missingValues: 'N/A' } }
          - { metric: nullValues, mustBe: 0, unit: bytes }
          - { metric: nullValues, mustBeBetween: 3 }
          - { metric: nullValues, mustBeBetween: [5, 1] }
          - { metric: nullValues, mustBe: many }
      - name: address
        logicalType: object
        properties:
          - name: city
            quality:
              - { metric: nullValues, mustBe: 0 }
`),
    { dialect: 'duckdb' },
  );
  const settled = plan.checks.map((c) => {
    expect(c.kind).toBe('settled');
    const s = c as SettledCheck;
    return [s.status, s.message];
  });

  it('marks custom and text rules not_run, with the reason', () => {
    expect(settled.slice(0, 3)).toEqual([
      ['not_run', "a custom rule for engine 'soda' is run by that engine, not by Meshplane"],
      ['not_run', "a custom rule for engine 'greatExpectations' is run by that engine, not by Meshplane"],
      ['not_run', 'a text rule describes quality in words; there is nothing to run'],
    ]);
  });

  it('says what is wrong with each rule it cannot measure', () => {
    expect(settled.slice(3)).toEqual([
      ['error', 'nullValues applies to a property, not to a whole schema object'],
      ['error', 'duplicateValues on a schema object needs arguments.properties'],
      ['error', "arguments.properties names 'nope', which 't' does not have"],
      ['error', 'metric rowCount needs an operator such as mustBe or mustBeGreaterThan'],
      ['error', 'rowCount is counted in rows, not percent'],
      ['error', 'a sql rule needs an operator such as mustBe or mustBeGreaterThan'],
      ['error', 'invalidValues needs arguments.validValues or arguments.pattern'],
      ['error', 'arguments.validValues may hold only strings, numbers, booleans and null'],
      ['error', 'arguments.pattern must be a non-empty string'],
      ['error', 'arguments.missingValues must be a list'],
      ['error', "unit 'bytes' is not rows or percent"],
      ['error', 'mustBeBetween needs a list of two numbers [low, high]'],
      ['error', 'mustBeBetween needs the smaller number first, got [5, 1]'],
      ['error', 'mustBe needs a number'],
      [
        'not_run',
        "rules on nested property 'address.city' are not run; Meshplane measures top-level columns",
      ],
    ]);
  });
});

describe('planChecks: samples', () => {
  it('lists the object columns once each, protected ones (not public, or pii) masked', () => {
    const plan = planChecks(
      object(`
  - name: t
    properties:
      - { name: id, classification: public }
      - { name: email, classification: restricted }
      - { name: phone, classification: Confidential }
      - { name: note }
      - { name: ssn, customProperties: [{ property: pii, value: true }] }
      - { name: alias, physicalName: email, classification: public }
`),
      { dialect: 'duckdb' },
    );
    expect(plan.sampleColumns).toEqual([
      { name: 'id', masked: false },
      { name: 'email', masked: true },
      { name: 'phone', masked: true },
      { name: 'note', masked: false },
      { name: 'ssn', masked: true },
    ]);
  });
});

describe('planChecks: rules the table constraints decide', () => {
  const KEYED = object(`
  - name: orders
    physicalName: Orders
    quality:
      - { name: pair_unique, metric: duplicateValues, arguments: { properties: [tenant, order_id] }, mustBe: 0 }
      - { name: rows, metric: rowCount, mustBeGreaterThan: 0 }
    properties:
      - name: order_id
        quality:
          - { name: id_not_null, metric: nullValues, mustBe: 0 }
          - { name: id_unique, metric: duplicateValues, mustBeLessThan: 1, unit: percent }
          - { name: id_missing, metric: missingValues, mustBe: 0 }
      - name: tenant
        physicalName: Tenant
        quality:
          - { name: tenant_not_null, metric: nullValues, mustBe: 0 }
          - { name: tenant_unique, metric: duplicateValues, mustBe: 0 }
      - name: note
        quality:
          - { name: note_not_null, metric: nullValues, mustBe: 0 }
`);
  const PK = { kind: 'PRIMARY KEY', name: 'orders_pkey', columns: ['order_id'] } as const;

  it('answers nullValues and duplicateValues the primary key covers, and leaves them out of the scan', () => {
    const plain = planChecks(KEYED, { dialect: 'duckdb', table: ['p', 'main', 'Orders'] });
    const keyed = planChecks(KEYED, { dialect: 'duckdb', table: ['p', 'main', 'Orders'], constraints: [PK] });
    expect(plain.aggregate?.sql).toContain('count(*) FILTER (WHERE "order_id" IS NULL)');
    expect(plain.aggregate?.sql).toContain('count("order_id") - count(DISTINCT "order_id")');
    const sql = keyed.aggregate?.sql ?? '';
    expect(sql).not.toContain('"order_id" IS NULL)');
    expect(sql).not.toContain('count(DISTINCT "order_id")');
    // The tuple (tenant, order_id) holds the key: its duplicates are decided too.
    expect(sql).not.toContain('DISTINCT ROW');
    expect(keyed.aggregate?.metrics).toHaveLength((plain.aggregate?.metrics.length ?? 0) - 3);
    // Rules the key does not cover are still measured in the one scan.
    expect(sql).toContain(`CAST("order_id" AS VARCHAR) IN ('')`);
    expect(sql).toContain('count("Tenant") - count(DISTINCT "Tenant")');
    expect(sql).toContain('"note" IS NULL');
    expect(sql.match(/\bFROM\b/g)).toHaveLength(1);
    for (const id of ['id_not_null', 'id_unique', 'pair_unique'])
      expect(byId(keyed.checks, id, 'proven').constraint).toEqual(PK);
    expect(byId(keyed.checks, 'id_unique', 'proven')).toMatchObject({
      unit: 'percent',
      metric: 'duplicateValues',
    });
    for (const id of ['id_missing', 'tenant_not_null', 'tenant_unique', 'note_not_null', 'rows'])
      byId(keyed.checks, id, 'library');
  });

  it('uses NOT NULL for nullValues only, and UNIQUE for duplicateValues only', () => {
    const plan = planChecks(KEYED, {
      dialect: 'postgres',
      table: ['s', 'Orders'],
      constraints: [
        { kind: 'NOT NULL', columns: ['Tenant'] },
        { kind: 'UNIQUE', name: 'note_key', columns: ['note'] },
      ],
    });
    expect(byId(plan.checks, 'tenant_not_null', 'proven').constraint.kind).toBe('NOT NULL');
    byId(plan.checks, 'tenant_unique', 'library');
    byId(plan.checks, 'note_not_null', 'library');
    byId(plan.checks, 'id_not_null', 'library');
  });

  it('needs the constraint to cover every column of the key it names', () => {
    const plan = planChecks(KEYED, {
      dialect: 'postgres',
      constraints: [{ kind: 'UNIQUE', columns: ['order_id', 'note'] }],
    });
    // (order_id, note) unique says nothing of order_id alone, nor of (tenant, order_id).
    byId(plan.checks, 'id_unique', 'library');
    byId(plan.checks, 'pair_unique', 'library');
    // Nor does a UNIQUE constraint refuse NULLs.
    byId(plan.checks, 'id_not_null', 'library');
    const pair = planChecks(KEYED, {
      dialect: 'postgres',
      constraints: [{ kind: 'UNIQUE', columns: ['order_id', 'Tenant'] }],
    });
    expect(byId(pair.checks, 'pair_unique', 'proven').constraint.columns).toEqual(['order_id', 'Tenant']);
  });

  it('matches column names as the engine does: DuckDB folds ASCII case, PostgreSQL is exact', () => {
    const upper = [{ kind: 'PRIMARY KEY', columns: ['ORDER_ID'] }] as const;
    byId(planChecks(KEYED, { dialect: 'duckdb', constraints: upper }).checks, 'id_unique', 'proven');
    byId(planChecks(KEYED, { dialect: 'postgres', constraints: upper }).checks, 'id_unique', 'library');
    const accented = object(`
  - name: t
    properties:
      - name: é
        quality:
          - { name: e_not_null, metric: nullValues, mustBe: 0 }
`);
    const other = [{ kind: 'NOT NULL', columns: ['É'] }] as const;
    byId(planChecks(accented, { dialect: 'duckdb', constraints: other }).checks, 'e_not_null', 'library');
  });

  it('plans no scan when the constraints decide every library rule', () => {
    const plan = planChecks(
      object(`
  - name: t
    properties:
      - name: id
        quality:
          - { metric: nullValues, mustBe: 0 }
          - { metric: duplicateValues, mustBe: 0 }
`),
      { dialect: 'duckdb', constraints: [{ kind: 'PRIMARY KEY', columns: ['id'] }] },
    );
    expect(plan.aggregate).toBeUndefined();
    expect(plan.checks.map((c) => c.kind)).toEqual(['proven', 'proven']);
  });

  it('still settles a rule with a bad argument as an error, constraint or not', () => {
    const plan = planChecks(
      object(`
  - name: t
    properties:
      - name: id
        quality:
          - { name: bad_unit, metric: nullValues, mustBe: 0, unit: lines }
          - { name: no_such, metric: duplicateValues, arguments: { properties: [id, nope] }, mustBe: 0 }
`),
      { dialect: 'duckdb', constraints: [{ kind: 'PRIMARY KEY', columns: ['id'] }] },
    );
    expect(byId(plan.checks, 'bad_unit', 'settled').status).toBe('error');
    expect(byId(plan.checks, 'no_such', 'settled').status).toBe('error');
  });
});
