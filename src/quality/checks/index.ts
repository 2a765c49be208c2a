/**
 * Dataset quality checks: a schema object's ODCS `quality` rules compiled to one scan per table
 * (plus one query per `sql` rule), evaluated, with masked samples of failing rows. See CONTEXT.md.
 */
export { type CheckDialectName, checkDialect } from './check-dialect.js';
export type {
  AggregateQuery,
  CheckPlan,
  LibraryCheck,
  PlannedCheck,
  ProvenCheck,
  SettledCheck,
  SqlCheck,
} from './check-plan.js';
export type { CheckReport, CheckResult, CheckStatus, FailingSample } from './check-result.js';
export { type ConstraintQuery, constraintQuery, constraintsFromRows } from './constraint-catalog-sql.js';
export {
  type CheckMeasurements,
  evaluateChecks,
  type Measured,
  metricsFromRow,
  numericValue,
} from './evaluate-checks.js';
export { type CheckExecutor, executePlan } from './execute-plan.js';
export { type PlanOptions, planChecks } from './plan-checks.js';
export { type ReadConstraints, readTableConstraints } from './read-table-constraints.js';
export {
  describeExpectation,
  type Expectation,
  meetsExpectation,
  ruleExpectation,
} from './rule-expectation.js';
export { runDuckDBChecks } from './run-duckdb-checks.js';
export type { RunChecksOptions } from './run-options.js';
export { runPostgresChecks } from './run-postgres-checks.js';
export {
  DEFAULT_SAMPLE_LIMIT,
  isProtected,
  MASK,
  MAX_SAMPLE_LIMIT,
  sampleColumns,
  sampleLimit,
  sampleSql,
} from './sample-sql.js';
export {
  type ConstraintKind,
  describeConstraint,
  provingConstraint,
  type SameIdentifier,
  type TableConstraint,
} from './table-constraints.js';
