/**
 * What running a schema object's ODCS quality rules yields: one result per rule, and bounded
 * samples of the rows that made a rule fail.
 */
import type { Row } from '../../engines/engine.js';
import type { JsonPath } from '../../spec/diagnostic.js';
import type { QualityMetric, QualityOperator, QualityRule } from '../../spec/model/data-contract.js';

/**
 * `passed` and `failed` are verdicts on measured data. `not_run`: Meshplane does not run this kind
 * of rule (custom engines, text). `error`: the rule could not be measured (a bad argument, a
 * placeholder that cannot be resolved, a query the engine refused). Only `passed` is a pass.
 */
export type CheckStatus = 'passed' | 'failed' | 'not_run' | 'error';

export interface CheckResult {
  /** The rule's `name`, else an id made from the object, property, metric and position. */
  readonly rule: string;
  readonly type: QualityRule['type'];
  /** Where the rule is in the contract (`['schema', 0, 'properties', 2, 'quality', 0]`). */
  readonly path: JsonPath;
  /** The schema object's name. */
  readonly object: string;
  /** The property (its `name`) the rule is attached to; undefined for a schema-level rule. */
  readonly property?: string;
  readonly metric?: QualityMetric;
  /** `rows` or `percent` for library rules; as declared for SQL rules. */
  readonly unit?: string;
  /** The value compared: a count, a percent of the table's rows, or the SQL rule's value. */
  readonly measured?: number;
  readonly operator?: QualityOperator;
  readonly threshold?: number | readonly [number, number];
  readonly status: CheckStatus;
  /** The declared severity, else `error`. */
  readonly severity: string;
  readonly dimension?: string;
  /** One sentence saying what was measured against what, or why the rule was not run. */
  readonly message: string;
}

/** Up to `limit` rows that break a failed rule; columns whose property is protected read `***`. */
export interface FailingSample {
  readonly rule: string;
  readonly rows: readonly Row[];
  /** Physical names of the columns shown as `***`. */
  readonly masked: readonly string[];
  /** Set when the sample query failed; the rule's verdict stands. */
  readonly error?: string;
}

export interface CheckReport {
  readonly object: string;
  /** The quoted, qualified table the rules ran on. */
  readonly table: string;
  readonly results: readonly CheckResult[];
  readonly samples: readonly FailingSample[];
  /**
   * Queries sent to the engine: at most one catalog read of the table's constraints, one scan for
   * every library rule of the table they do not decide, the sql rules, the samples.
   */
  readonly statements: number;
}
