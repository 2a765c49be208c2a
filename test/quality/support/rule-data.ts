/**
 * Test data derived from a schema object's quality rules: a table built so that every rule passes,
 * or so that one chosen rule fails and the others still pass, with the verdict and the measured
 * value each rule must then get. The operators are read here on their own (not through the code
 * under test), so a wrong reading there cannot hide behind the data.
 */
import type { QualityRule, SchemaObject } from '../../../src/spec/model/data-contract.js';

export type Dialect = 'duckdb' | 'postgres';

/**
 * `sql` rules cannot be read generically: for each official example's query, the property it
 * inspects and a value it accepts and one it counts. The queries count the rows holding a bad
 * value, so the rule's measure is the number of such rows.
 */
export const SQL_RULE_VALUES: Readonly<Record<string, { good: number | string; bad: number | string }>> = {
  'select count(*) from Air_Quality where DataValue <= 0 or DataValue >= 500': { good: 250, bad: 0 },
};

/** ODCS operators: both bounds of the between operators are included. */
export function holds(measured: number, rule: QualityRule): boolean {
  const t = rule.threshold;
  if (rule.operator === undefined) return measured === 0;
  if (Array.isArray(t)) {
    const inside = measured >= (t[0] as number) && measured <= (t[1] as number);
    return rule.operator === 'mustNotBeBetween' ? !inside : inside;
  }
  const n = t as number;
  return {
    mustBe: measured === n,
    mustNotBe: measured !== n,
    mustBeGreaterThan: measured > n,
    mustBeGreaterOrEqualTo: measured >= n,
    mustBeLessThan: measured < n,
    mustBeLessOrEqualTo: measured <= n,
    mustBeBetween: false,
    mustNotBeBetween: false,
  }[rule.operator];
}

/** Values worth trying for a measure: 0, 1 and each side of every bound. */
function candidates(rule: QualityRule, scale: (x: number) => number, max: number): number[] {
  const t = rule.threshold;
  const bounds = Array.isArray(t) ? [...t] : typeof t === 'number' ? [t] : [];
  const near = bounds.flatMap((b) => {
    const x = scale(b);
    return [Math.floor(x) - 1, Math.floor(x), Math.ceil(x), Math.ceil(x) + 1];
  });
  return [...new Set([0, 1, ...near])].filter((k) => k >= 0 && k <= max).sort((a, b) => a - b);
}

export interface Expected {
  readonly status: 'passed' | 'failed' | 'not_run';
  readonly measured?: number;
}

export interface Scenario {
  readonly rows: number;
  /** Per rule: how many rows break it (library and sql rules only). */
  readonly bad: ReadonlyMap<QualityRule, number>;
  readonly expected: ReadonlyMap<QualityRule, Expected>;
}

const DEFAULT_ROWS = 200;

/** Every rule of the object: schema-level first, then each property's (the plan's order). */
export function rulesOf(object: SchemaObject): QualityRule[] {
  return [...object.quality, ...object.properties.flatMap((p) => p.quality)];
}

const isRun = (rule: QualityRule) => rule.type === 'library' || rule.type === 'sql';

/** The table size: rowCount rules decide it; otherwise a small table. */
function rowsFor(rules: readonly QualityRule[], failing: QualityRule | undefined): number {
  const counts = rules.filter((r) => r.type === 'library' && r.metric === 'rowCount');
  const tries = [
    DEFAULT_ROWS,
    ...counts.flatMap((r) => candidates(r, (x) => x, Number.MAX_SAFE_INTEGER)),
  ].filter((n) => n >= 1);
  const wanted = (n: number) => counts.every((r) => holds(n, r) !== (r === failing));
  const found = wanted(DEFAULT_ROWS) ? DEFAULT_ROWS : tries.sort((a, b) => a - b).find(wanted);
  if (found === undefined) throw new Error('no table size meets the rowCount rules');
  return found;
}

/** The measure of `rule` when `k` rows break it in a table of `rows` rows. */
function measureOf(rule: QualityRule, k: number, rows: number): number {
  if (rule.metric === 'rowCount') return rows;
  return rule.unit === 'percent' ? (k * 100) / rows : k;
}

/** Data under which every rule passes, or (with `failing`) that one rule fails and the rest pass. */
export function scenario(object: SchemaObject, failing?: QualityRule): Scenario {
  const rules = rulesOf(object);
  const rows = rowsFor(rules, failing);
  const bad = new Map<QualityRule, number>();
  const expected = new Map<QualityRule, Expected>();
  for (const rule of rules) {
    if (!isRun(rule)) {
      expected.set(rule, { status: 'not_run' });
      continue;
    }
    const wantPass = rule !== failing;
    if (rule.metric === 'rowCount') {
      expected.set(rule, { status: wantPass ? 'passed' : 'failed', measured: rows });
      continue;
    }
    const percent = rule.unit === 'percent';
    const max = rule.metric === 'duplicateValues' ? rows - 1 : rows;
    const k = candidates(rule, (x) => (percent ? (x * rows) / 100 : x), max).find(
      (n) => holds(measureOf(rule, n, rows), rule) === wantPass,
    );
    if (k === undefined)
      throw new Error(
        `no bad-row count makes rule ${JSON.stringify(rule.path)} ${wantPass ? 'pass' : 'fail'}`,
      );
    bad.set(rule, k);
    expected.set(rule, { status: wantPass ? 'passed' : 'failed', measured: measureOf(rule, k, rows) });
  }
  return { rows, bad, expected };
}

const TYPES: Readonly<Record<Dialect, Readonly<Record<string, string>>>> = {
  duckdb: {
    string: 'VARCHAR',
    number: 'DOUBLE',
    integer: 'BIGINT',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
    boolean: 'BOOLEAN',
  },
  postgres: {
    string: 'text',
    number: 'double precision',
    integer: 'bigint',
    date: 'date',
    timestamp: 'timestamp',
    boolean: 'boolean',
  },
};

const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);

/** A value per row `i` that no rule counts: unique, or one of the listed valid values. */
function goodValue(logicalType: string, rules: readonly QualityRule[]): string {
  const sql = rules.find((r) => r.type === 'sql');
  if (sql !== undefined) {
    const values = SQL_RULE_VALUES[sql.query ?? ''];
    if (values === undefined) throw new Error(`no test values for the sql rule ${JSON.stringify(sql.query)}`);
    return literal(values.good);
  }
  const valid = rules.find((r) => r.metric === 'invalidValues');
  if (valid !== undefined) {
    if (valid.arguments?.pattern !== undefined)
      throw new Error('no generator for invalidValues with a pattern');
    const listed = (valid.arguments?.validValues ?? []) as readonly (string | number | null)[];
    const values = listed.filter((v): v is string | number => v !== null);
    return `CASE i % ${values.length} ${values.map((v, n) => `WHEN ${n} THEN ${literal(v)}`).join(' ')} END`;
  }
  switch (logicalType) {
    case 'date':
      return `DATE '2024-01-01' + CAST(i % 3650 AS INTEGER)`;
    case 'timestamp':
      return `TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL '1 minute'`;
    case 'boolean':
      return 'TRUE';
    case 'number':
    case 'integer':
      return 'i + 1';
    default:
      return `'v' || i`;
  }
}

/** The value a rule counts. */
function badValue(rule: QualityRule, logicalType: string): string {
  if (rule.type === 'sql') return literal(SQL_RULE_VALUES[rule.query ?? '']?.bad ?? 0);
  switch (rule.metric) {
    case 'invalidValues': {
      const values = (rule.arguments?.validValues ?? []) as unknown[];
      return values.every((v) => typeof v === 'number' || v === null)
        ? String(Math.max(0, ...(values as number[])) + 1)
        : `'not one of the valid values'`;
    }
    case 'duplicateValues':
      return logicalType === 'number' || logicalType === 'integer' ? '-1' : `'repeated'`;
    default:
      return 'NULL';
  }
}

/** Rows given to a rule: k bad rows, or k + 1 rows sharing one value for k duplicates. */
const blockSize = (rule: QualityRule, k: number) => (rule.metric === 'duplicateValues' && k > 0 ? k + 1 : k);

/**
 * `CREATE TABLE <table> AS SELECT ...` over a generated series `i`: each rule's bad rows in a block
 * of their own (so rules never share a row), every other row a good value.
 */
export function createTableSql(dialect: Dialect, table: string, object: SchemaObject, s: Scenario): string {
  let offset = 0;
  const columns = object.properties.map((property) => {
    const type = property.logicalType ?? 'string';
    const blocks = property.quality.flatMap((rule) => {
      const k = s.bad.get(rule) ?? 0;
      const size = blockSize(rule, k);
      const start = offset;
      offset += size;
      return size === 0 ? [] : [`WHEN i >= ${start} AND i < ${start + size} THEN ${badValue(rule, type)}`];
    });
    const good = goodValue(type, property.quality);
    const value = blocks.length === 0 ? good : `CASE ${blocks.join(' ')} ELSE ${good} END`;
    const sqlType = TYPES[dialect][type] ?? TYPES[dialect].string;
    return `CAST(${value} AS ${sqlType}) AS "${property.physicalName.replaceAll('"', '""')}"`;
  });
  if (offset > s.rows) throw new Error(`the bad rows (${offset}) do not fit in ${s.rows} rows`);
  const series =
    dialect === 'duckdb' ? `range(${s.rows}) AS r(i)` : `generate_series(0, ${s.rows - 1}) AS g(i)`;
  return `CREATE TABLE ${table} AS SELECT ${columns.join(', ')} FROM ${series}`;
}
