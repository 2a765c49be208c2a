/**
 * Reads the checked table's constraints with the runner's executor, in the run's transaction, so
 * the scan and the constraints see one snapshot. At most one catalog query per run.
 */
import type { Row } from '../../engines/engine.js';
import type { CheckPlan } from './check-plan.js';
import { type ConstraintQuery, constraintQuery, constraintsFromRows } from './constraint-catalog-sql.js';
import { rethrowIfCancelled } from './execute-plan.js';
import type { TableConstraint } from './table-constraints.js';

export interface ReadConstraints {
  readonly constraints: readonly TableConstraint[];
  /** Queries sent: 0 or 1. */
  readonly statements: number;
}

/**
 * The constraints of `plan`'s table, read with `run`; none when the plan has no rule they could
 * decide, or when the catalog query fails (the rules are then measured: nothing unread is
 * trusted). A cancelled query rejects the run.
 */
export async function readTableConstraints(
  plan: CheckPlan,
  run: (query: ConstraintQuery) => Promise<Row[]>,
): Promise<ReadConstraints> {
  const query = constraintQuery(plan);
  if (query === undefined) return { constraints: [], statements: 0 };
  try {
    const rows = await run(query);
    return { constraints: constraintsFromRows(plan.dialect, plan.tableParts, rows), statements: 1 };
  } catch (error) {
    rethrowIfCancelled(error);
    return { constraints: [], statements: 1 };
  }
}
