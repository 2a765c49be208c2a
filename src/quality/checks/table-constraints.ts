/**
 * What a table's own constraints decide about quality rules. The engine refuses every write that
 * breaks a PRIMARY KEY, UNIQUE or NOT NULL constraint, so the table cannot hold a NULL in a key or
 * NOT NULL column, nor two rows with the same complete key: a `nullValues` or `duplicateValues`
 * rule such a constraint covers measures 0 without reading a row. Pure. The constraints come from
 * the engine's catalog, read in the run's own snapshot (constraint-catalog-sql.ts), never from
 * the contract, which only says what the table should have.
 */
import type { QualityMetric } from '../../spec/model/data-contract.js';

export type ConstraintKind = 'PRIMARY KEY' | 'UNIQUE' | 'NOT NULL';

/** One constraint of the checked table, as its engine's catalog states it. */
export interface TableConstraint {
  readonly kind: ConstraintKind;
  /** The constraint's name in the catalog, when it has one. */
  readonly name?: string;
  /** Physical column names, spelled as the catalog spells them. */
  readonly columns: readonly string[];
}

/** How a result's message names the constraint: `PRIMARY KEY (id)`, `NOT NULL (email)`. */
export function describeConstraint(constraint: TableConstraint): string {
  return `${constraint.kind} (${constraint.columns.join(', ')})`;
}

/** Compares two identifiers as the engine resolves them. */
export type SameIdentifier = (a: string, b: string) => boolean;

const PREFERENCE: Readonly<Record<ConstraintKind, number>> = { 'PRIMARY KEY': 0, UNIQUE: 1, 'NOT NULL': 2 };

/**
 * The constraint that makes `metric` over `columns` (physical names) 0, or undefined.
 * nullValues on one column: a PRIMARY KEY or NOT NULL constraint holding that column.
 * duplicateValues: a PRIMARY KEY or UNIQUE constraint whose every column is among `columns`: the
 * rule counts only tuples with no NULL, and within those the constraint's own columns already
 * differ from row to row (the rule's columns being exactly the key is the common case).
 */
export function provingConstraint(
  constraints: readonly TableConstraint[],
  metric: QualityMetric | undefined,
  columns: readonly string[],
  same: SameIdentifier,
): TableConstraint | undefined {
  const holds = (column: string) => columns.some((c) => same(c, column));
  const covers = (c: TableConstraint): boolean => {
    if (c.columns.length === 0) return false;
    if (metric === 'nullValues') {
      const [column] = columns;
      return (
        columns.length === 1 &&
        column !== undefined &&
        c.kind !== 'UNIQUE' &&
        c.columns.some((k) => same(k, column))
      );
    }
    if (metric === 'duplicateValues') return c.kind !== 'NOT NULL' && c.columns.every(holds);
    return false;
  };
  const found = constraints.filter(covers);
  return found.sort(
    (a, b) => PREFERENCE[a.kind] - PREFERENCE[b.kind] || a.columns.length - b.columns.length,
  )[0];
}
