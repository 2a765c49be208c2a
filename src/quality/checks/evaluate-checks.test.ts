import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SchemaObject } from '../../spec/model/data-contract.js';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import { type CheckMeasurements, evaluateChecks, metricsFromRow, numericValue } from './evaluate-checks.js';
import { planChecks } from './plan-checks.js';

/** The first schema object of a v3.1.0 contract; `body` is that object's YAML. */
function object(body: string): SchemaObject {
  const yaml = `apiVersion: v3.1.0\nkind: DataContract\nid: t\nversion: 1.0.0\nstatus: active\nschema:\n${body}`;
  const [first] = normalizeContract(parse(yaml)).schema;
  if (first === undefined) throw new Error('no schema object');
  return first;
}

const T = object(`
  - name: t
    quality:
      - { metric: rowCount, mustBeGreaterThan: 100, severity: warning, dimension: completeness }
      - { metric: duplicateValues, arguments: { properties: [a, b] }, mustBe: 0 }
      - { type: sql, name: big_amounts, query: 'select count(*) from {object}', mustBeLessOrEqualTo: 2 }
      - { type: custom, engine: soda, implementation: x }
    properties:
      - name: a
        quality:
          - { metric: nullValues, mustBe: 0 }
          - { metric: nullValues, mustBeLessThan: 5, unit: percent }
          - { metric: missingValues, mustBeLessOrEqualTo: 5, unit: Percent }
      - name: b
`);
const plan = planChecks(T, { dialect: 'duckdb' });
const metricCount = plan.aggregate?.metrics.length ?? 0;

/** Measurements as DuckDB returns them: BIGINT counts as strings. */
function measured(
  rows: number,
  counts: readonly number[],
  sql: CheckMeasurements['sql'] = {},
): CheckMeasurements {
  const row: Record<string, string> = { row_count: String(rows) };
  counts.forEach((c, i) => {
    row[`m${i + 1}`] = String(c);
  });
  return { metrics: metricsFromRow(plan, row), sql };
}

const statuses = (m: CheckMeasurements) => evaluateChecks(plan, m).map((r) => [r.rule, r.status, r.measured]);

describe('evaluateChecks', () => {
  it('plans three metric columns for this object', () => {
    expect(metricCount).toBe(3);
  });

  it('counts rows by default and a percent of the table rows with unit percent', () => {
    const results = evaluateChecks(
      plan,
      measured(200, [3, 10, 10], { big_amounts: { rows: [{ 'count_star()': '2' }] } }),
    );
    expect(results.map((r) => [r.rule, r.status, r.measured, r.unit])).toEqual([
      ['t.rowCount', 'passed', 200, 'rows'],
      ['t.duplicateValues', 'failed', 3, 'rows'],
      ['big_amounts', 'passed', 2, undefined],
      ['t.custom', 'not_run', undefined, undefined],
      ['t.a.nullValues', 'failed', 10, 'rows'],
      // 10 of 200 rows is 5 percent: not less than 5.
      ['t.a.nullValues#2', 'failed', 5, 'percent'],
      // ... and at most 5 (the unit's case does not matter).
      ['t.a.missingValues', 'passed', 5, 'percent'],
    ]);
  });

  it('reads percent boundaries exactly', () => {
    // 9 of 200 = 4.5% < 5; 11 of 200 = 5.5% > 5.
    expect(statuses(measured(200, [0, 9, 11]))).toContainEqual(['t.a.nullValues#2', 'passed', 4.5]);
    expect(statuses(measured(200, [0, 9, 11]))).toContainEqual(['t.a.missingValues', 'failed', 5.5]);
  });

  it('takes a percent of an empty table as 0', () => {
    expect(statuses(measured(0, [0, 0, 0]))).toContainEqual(['t.a.nullValues#2', 'passed', 0]);
    expect(statuses(measured(0, [0, 0, 0]))).toContainEqual(['t.rowCount', 'failed', 0]);
  });

  it('keeps the declared severity and dimension, defaults severity to error', () => {
    const results = evaluateChecks(plan, measured(200, [0, 0, 0]));
    expect(results[0]).toMatchObject({ severity: 'warning', dimension: 'completeness' });
    expect(results[1]?.severity).toBe('error');
  });

  it('writes a message with the measure, its unit and the expectation', () => {
    const results = evaluateChecks(plan, measured(200, [0, 1, 3]));
    expect(results.map((r) => r.message)).toEqual([
      'rowCount of t: 200 rows; must be greater than 100',
      'duplicateValues of (a, b): 0 rows; must be 0',
      'the query was not run',
      "a custom rule for engine 'soda' is run by that engine, not by Meshplane",
      'nullValues of a: 1 row; must be 0',
      'nullValues of a: 0.5% (1 of 200 rows); must be less than 5',
      'missingValues of a: 1.5% (3 of 200 rows); must be at most 5',
    ]);
    expect(results[2]).toMatchObject({ status: 'error', operator: 'mustBeLessOrEqualTo', threshold: 2 });
    expect(results[4]).toMatchObject({
      path: ['schema', 0, 'properties', 0, 'quality', 0],
      object: 't',
      property: 'a',
      metric: 'nullValues',
      operator: 'mustBe',
      threshold: 0,
    });
  });

  it('turns a scan error into an error result for the rules it measured, never a pass', () => {
    const m: CheckMeasurements = {
      metrics: {
        ...measured(200, [0, 0, 0]).metrics,
        m3: { error: 'duckdb: Invalid Input Error: missing ]' },
      },
      sql: {},
    };
    const results = evaluateChecks(plan, m);
    expect(results.find((r) => r.rule === 't.a.nullValues')?.status).toBe('passed');
    expect(results.find((r) => r.rule === 't.a.nullValues#2')?.status).toBe('passed');
    const broken = results.filter((r) => r.status === 'error').map((r) => [r.rule, r.message]);
    expect(broken).toEqual([
      ['big_amounts', 'the query was not run'],
      ['t.a.missingValues', 'duckdb: Invalid Input Error: missing ]'],
    ]);
  });

  it('errors every library rule when the row count is missing', () => {
    const results = evaluateChecks(plan, { metrics: {}, sql: {} });
    expect(results.filter((r) => r.type === 'library').every((r) => r.status === 'error')).toBe(true);
  });

  it('compares a sql rule single value: number, numeric text or boolean', () => {
    const run = (rows: readonly Record<string, unknown>[]) =>
      evaluateChecks(plan, measured(200, [0, 0, 0], { big_amounts: { rows: rows as never } }))[2];
    expect(run([{ n: 3 }])).toMatchObject({
      status: 'failed',
      measured: 3,
      message: 'the query returned 3; must be at most 2',
    });
    expect(run([{ n: '2.00' }])).toMatchObject({ status: 'passed', measured: 2 });
    expect(run([{ ok: true }])).toMatchObject({ status: 'passed', measured: 1 });
    expect(run([])).toMatchObject({ status: 'error', message: expect.stringMatching(/returned 0 row\(s\)/) });
    expect(run([{ n: 1 }, { n: 2 }])).toMatchObject({ status: 'error' });
    expect(run([{ n: 1, m: 2 }])).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/of 2 column/),
    });
    expect(run([{ n: null }])).toMatchObject({
      status: 'error',
      message: 'the query returned null, not a number or boolean',
    });
    expect(run([{ n: 'lots' }])).toMatchObject({ status: 'error' });
  });

  it('reports a sql rule the engine refused as an error', () => {
    const result = evaluateChecks(
      plan,
      measured(200, [0, 0, 0], { big_amounts: { error: 'no such table' } }),
    )[2];
    expect(result).toMatchObject({ status: 'error', message: 'no such table' });
  });
});

describe('evaluateChecks: rules the table constraints decide', () => {
  const KEYED = object(`
  - name: t
    properties:
      - name: a
        quality:
          - { name: a_not_null, metric: nullValues, mustBe: 0 }
          - { name: a_few_nulls, metric: nullValues, mustBeLessThan: 5, unit: percent, severity: warning }
          - { name: a_some_nulls, metric: nullValues, mustBeGreaterThan: 0 }
          - { name: a_missing, metric: missingValues, mustBe: 0 }
`);
  const keyed = planChecks(KEYED, {
    dialect: 'postgres',
    constraints: [{ kind: 'PRIMARY KEY', name: 't_pkey', columns: ['a'] }],
  });

  it('measures 0 without the scan, says which constraint guarantees it, and compares as usual', () => {
    // The scan holds the row count and the one rule left (missingValues).
    expect(keyed.aggregate?.metrics).toHaveLength(1);
    const results = evaluateChecks(keyed, {
      metrics: { row_count: { value: '40' }, m1: { value: '2' } },
      sql: {},
    });
    expect(results.map((r) => [r.rule, r.status, r.measured, r.unit, r.severity])).toEqual([
      ['a_not_null', 'passed', 0, 'rows', 'error'],
      ['a_few_nulls', 'passed', 0, 'percent', 'warning'],
      // An expectation 0 does not meet fails: the constraint decides the count, not the verdict.
      ['a_some_nulls', 'failed', 0, 'rows', 'error'],
      ['a_missing', 'failed', 2, 'rows', 'error'],
    ]);
    expect(results.slice(0, 3).map((r) => r.message)).toEqual([
      "nullValues of a: 0 rows, guaranteed by the table's constraint PRIMARY KEY (a); must be 0",
      "nullValues of a: 0%, guaranteed by the table's constraint PRIMARY KEY (a); must be less than 5",
      "nullValues of a: 0 rows, guaranteed by the table's constraint PRIMARY KEY (a); must be greater than 0",
    ]);
  });

  it('does not depend on the scan: a failed scan errors only the rules it measured', () => {
    const results = evaluateChecks(keyed, { metrics: { row_count: { error: 'gone' } }, sql: {} });
    expect(results.map((r) => r.status)).toEqual(['passed', 'passed', 'failed', 'error']);
  });
});

describe('numericValue', () => {
  it('reads engine values', () => {
    expect([3, '42', '-1.5', '1e3', true, false].map(numericValue)).toEqual([3, 42, -1.5, 1000, 1, 0]);
    expect([null, 'x', '', '1,5', Number.NaN, {}].map(numericValue)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
