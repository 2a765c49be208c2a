/**
 * Pure evaluation: from what the engine returned (the aggregate's row, each SQL rule's rows) to
 * one result per rule. A rule passes only when its value was measured (or is 0 because the
 * table's constraint refuses every row it would count) and meets its expectation; anything missing
 * or unreadable is an `error`, never a pass.
 */
import type { Row } from '../../engines/engine.js';
import type { QualityRule } from '../../spec/model/data-contract.js';
import type { CheckPlan, LibraryCheck, PlannedCheck, ProvenCheck, SqlCheck } from './check-plan.js';
import type { CheckResult, CheckStatus } from './check-result.js';
import { describeExpectation, type Expectation, meetsExpectation } from './rule-expectation.js';
import { describeConstraint } from './table-constraints.js';

/** A value the engine returned, or why it could not. */
export type Measured = { readonly value: unknown } | { readonly error: string };

export interface CheckMeasurements {
  /** The aggregate's columns (row count and metric aliases). */
  readonly metrics: Readonly<Record<string, Measured>>;
  /** Per SQL check id: the rows its query returned, or its error. */
  readonly sql: Readonly<Record<string, { readonly rows: readonly Row[] } | { readonly error: string }>>;
}

/** The aggregate's row as measurements of every metric column. */
export function metricsFromRow(plan: CheckPlan, row: Row): Record<string, Measured> {
  const out: Record<string, Measured> = { [plan.rowCountAlias]: { value: row[plan.rowCountAlias] } };
  for (const { alias } of plan.aggregate?.metrics ?? []) out[alias] = { value: row[alias] };
  return out;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number from an engine value: numbers, numeric text (BIGINT, DECIMAL), booleans as 1 / 0. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value);
  return undefined;
}

function format(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

function base(plan: CheckPlan, check: PlannedCheck): Omit<CheckResult, 'status' | 'message'> {
  const { rule } = check;
  return {
    rule: check.id,
    type: rule.type,
    path: rule.path,
    object: plan.object,
    ...(rule.property === undefined ? {} : { property: rule.property }),
    ...(rule.metric === undefined ? {} : { metric: rule.metric }),
    ...(check.kind === 'library' || check.kind === 'proven'
      ? { unit: check.unit }
      : rule.unit === undefined
        ? {}
        : { unit: rule.unit }),
    ...expectationFields(check.kind === 'settled' ? declared(rule) : check.expectation),
    severity: rule.severity ?? 'error',
    ...(rule.dimension === undefined ? {} : { dimension: rule.dimension }),
  };
}

function declared(rule: QualityRule): Partial<Expectation> {
  return {
    ...(rule.operator === undefined ? {} : { operator: rule.operator }),
    ...(rule.threshold === undefined ? {} : { threshold: rule.threshold }),
  };
}

function expectationFields(e: Partial<Expectation>): Pick<CheckResult, 'operator' | 'threshold'> {
  return {
    ...(e.operator === undefined ? {} : { operator: e.operator }),
    ...(e.threshold === undefined ? {} : { threshold: e.threshold }),
  };
}

function verdict(measured: number, expectation: Expectation): CheckStatus {
  return meetsExpectation(measured, expectation) ? 'passed' : 'failed';
}

function readMetric(m: CheckMeasurements, alias: string): number | { error: string } {
  const found = m.metrics[alias];
  if (found === undefined) return { error: 'the scan returned no value for this rule' };
  if ('error' in found) return { error: found.error };
  const n = numericValue(found.value);
  return n === undefined ? { error: `the scan returned ${JSON.stringify(found.value)}, not a number` } : n;
}

/** What the metric measured: the property, the listed properties of a tuple, or the object. */
function subject(plan: CheckPlan, check: LibraryCheck | ProvenCheck): string {
  const listed = check.rule.arguments?.properties;
  if (check.metric === 'duplicateValues' && Array.isArray(listed)) return `(${listed.join(', ')})`;
  return check.rule.property ?? plan.object;
}

function libraryResult(plan: CheckPlan, check: LibraryCheck, m: CheckMeasurements): CheckResult {
  const head = base(plan, check);
  const count = readMetric(m, check.alias);
  const rows = readMetric(m, plan.rowCountAlias);
  const problem = typeof count === 'number' ? (typeof rows === 'number' ? undefined : rows) : count;
  if (problem !== undefined || typeof count !== 'number' || typeof rows !== 'number')
    return { ...head, status: 'error', message: problem?.error ?? 'not measured' };
  // A percent of an empty table is 0: no row breaks the rule.
  const measured = check.unit === 'percent' ? (rows === 0 ? 0 : (count * 100) / rows) : count;
  const shown =
    check.unit === 'percent'
      ? `${format(measured)}% (${count} of ${rows} rows)`
      : `${count} row${count === 1 ? '' : 's'}`;
  const defaulted = check.expectation.defaulted ? ' (no operator given)' : '';
  return {
    ...head,
    measured,
    status: verdict(measured, check.expectation),
    message: `${check.metric} of ${subject(plan, check)}: ${shown}; ${describeExpectation(check.expectation)}${defaulted}`,
  };
}

/** 0 rows (or 0%) without a scan: the table's constraint refuses every row the rule would count. */
function provenResult(plan: CheckPlan, check: ProvenCheck): CheckResult {
  const shown = check.unit === 'percent' ? '0%' : '0 rows';
  const defaulted = check.expectation.defaulted ? ' (no operator given)' : '';
  return {
    ...base(plan, check),
    measured: 0,
    status: verdict(0, check.expectation),
    message: `${check.metric} of ${subject(plan, check)}: ${shown}, guaranteed by the table's constraint ${describeConstraint(check.constraint)}; ${describeExpectation(check.expectation)}${defaulted}`,
  };
}

function sqlResult(plan: CheckPlan, check: SqlCheck, m: CheckMeasurements): CheckResult {
  const head = base(plan, check);
  const answer = m.sql[check.id];
  if (answer === undefined) return { ...head, status: 'error', message: 'the query was not run' };
  if ('error' in answer) return { ...head, status: 'error', message: answer.error };
  const [row, ...more] = answer.rows;
  const values = row === undefined ? [] : Object.values(row);
  if (row === undefined || more.length > 0 || values.length !== 1)
    return {
      ...head,
      status: 'error',
      message: `the query returned ${answer.rows.length} row(s) of ${values.length} column(s); a sql rule must return one value`,
    };
  const measured = numericValue(values[0]);
  if (measured === undefined)
    return {
      ...head,
      status: 'error',
      message: `the query returned ${JSON.stringify(values[0])}, not a number or boolean`,
    };
  return {
    ...head,
    measured,
    status: verdict(measured, check.expectation),
    message: `the query returned ${format(measured)}; ${describeExpectation(check.expectation)}`,
  };
}

/** One result per planned rule, in plan order. */
export function evaluateChecks(plan: CheckPlan, measurements: CheckMeasurements): CheckResult[] {
  return plan.checks.map((check) => {
    switch (check.kind) {
      case 'library':
        return libraryResult(plan, check, measurements);
      case 'proven':
        return provenResult(plan, check);
      case 'sql':
        return sqlResult(plan, check, measurements);
      default:
        return { ...base(plan, check), status: check.status, message: check.message };
    }
  });
}
