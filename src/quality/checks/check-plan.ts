/** The compiled form of a schema object's quality rules: what to run, and how to read it back. */
import type { QualityMetric, QualityRule } from '../../spec/model/data-contract.js';
import type { CheckDialectName } from './check-dialect.js';
import type { FailingRows } from './library-metric-sql.js';
import type { Expectation } from './rule-expectation.js';
import type { SampleColumn } from './sample-sql.js';
import type { TableConstraint } from './table-constraints.js';

interface PlannedBase {
  /** The rule's name, else a generated id (unique within the plan). */
  readonly id: string;
  readonly rule: QualityRule;
}

/** A library rule, measured by the plan's aggregate query. */
export interface LibraryCheck extends PlannedBase {
  readonly kind: 'library';
  readonly metric: QualityMetric;
  readonly unit: 'rows' | 'percent';
  /** The aggregate's output column holding this rule's count (the row count for rowCount). */
  readonly alias: string;
  readonly expectation: Expectation;
  /** How to find the failing rows again; undefined for rowCount. */
  readonly failing?: FailingRows;
}

/**
 * A library rule the table's own constraint decides (table-constraints.ts): it measures 0 without
 * a column in the scan, and is compared with its expectation like any measured rule.
 */
export interface ProvenCheck extends PlannedBase {
  readonly kind: 'proven';
  readonly metric: QualityMetric;
  readonly unit: 'rows' | 'percent';
  readonly expectation: Expectation;
  /** The catalog's constraint that refuses every row the rule would count. */
  readonly constraint: TableConstraint;
}

/** A `sql` rule: its own query, whose single value is compared. */
export interface SqlCheck extends PlannedBase {
  readonly kind: 'sql';
  readonly sql: string;
  readonly params: readonly boolean[];
  readonly expectation: Expectation;
}

/** A rule decided without running anything: not run (custom, text, nested) or in error. */
export interface SettledCheck extends PlannedBase {
  readonly kind: 'settled';
  readonly status: 'not_run' | 'error';
  readonly message: string;
}

export type PlannedCheck = LibraryCheck | ProvenCheck | SqlCheck | SettledCheck;

/** One aggregate over the table: the row count and one column per distinct metric expression. */
export interface AggregateQuery {
  readonly sql: string;
  readonly metrics: readonly { readonly alias: string; readonly expression: string }[];
}

export interface CheckPlan {
  readonly dialect: CheckDialectName;
  /** The schema object's name. */
  readonly object: string;
  /** The quoted, qualified table. */
  readonly table: string;
  /** The unquoted parts of `table` (catalog, schema, name as given). */
  readonly tableParts: readonly string[];
  /** Undefined when the object has no library rule left to measure (none, or all proven). */
  readonly aggregate?: AggregateQuery;
  /** The aggregate's row-count column. */
  readonly rowCountAlias: string;
  /** One entry per rule, in contract order (schema-level rules first, then each property's). */
  readonly checks: readonly PlannedCheck[];
  /** The columns samples show, with the protected ones marked. */
  readonly sampleColumns: readonly SampleColumn[];
}
