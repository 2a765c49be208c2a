/**
 * The one catalog query that reads the checked table's PRIMARY KEY, UNIQUE and NOT NULL
 * constraints, and its rows read back as `TableConstraint`s. Pure. Anything the catalog does not
 * state plainly yields no constraint, so a rule is then measured as usual: a missing proof costs
 * time, a wrong one would pass a rule that fails.
 */
import { type CheckDialectName, checkDialect } from './check-dialect.js';
import type { CheckPlan } from './check-plan.js';
import type { ConstraintKind, TableConstraint } from './table-constraints.js';

export interface ConstraintQuery {
  readonly sql: string;
  readonly params: readonly string[];
}

/**
 * DuckDB folds identifiers' ASCII letters only (`"É"` and `"é"` are two columns), so rows are
 * prefiltered with `lower()` and matched exactly in `constraintsFromRows`.
 */
const DUCKDB_SQL = `SELECT database_name, schema_name, table_name, constraint_type AS kind,
  constraint_name AS name, constraint_column_names AS columns
FROM duckdb_constraints()
WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'NOT NULL')
  AND lower(database_name) = lower($1) AND lower(schema_name) = lower($2) AND lower(table_name) = lower($3)`;

/**
 * PostgreSQL resolves the name as the scan does (`to_regclass`, search path included). Only a
 * plain table without inheritance children, or a partitioned table (whose keys hold across its
 * partitions), counts: a parent's UNIQUE constraint does not cover the rows of its children, which
 * a scan of the parent reads. NOT NULL columns are `pg_attribute.attnotnull` (PostgreSQL before 18
 * keeps no constraint row for them).
 */
const POSTGRES_SQL = `WITH t AS (
  SELECT c.oid FROM pg_catalog.pg_class c
  WHERE c.oid = pg_catalog.to_regclass($1::text)
    AND (c.relkind = 'p' OR (c.relkind = 'r'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhparent = c.oid)))
)
SELECT CASE k.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END AS kind, k.conname AS name,
  to_json(ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, n)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
    ORDER BY u.n)) AS columns
FROM t JOIN pg_catalog.pg_constraint k ON k.conrelid = t.oid AND k.contype IN ('p', 'u')
UNION ALL
SELECT 'NOT NULL', NULL, to_json(ARRAY[a.attname])
FROM t JOIN pg_catalog.pg_attribute a
  ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull`;

/**
 * The catalog query for the plan's table, or undefined when none is worth sending: no library
 * rule of the plan is one a constraint can decide (nullValues, duplicateValues). DuckDB: only a
 * full `[catalog, schema, table]` name, the form product tables have, is looked up; a shorter one
 * resolves through the search path, which the catalog cannot follow, so every rule is measured.
 */
export function constraintQuery(plan: CheckPlan): ConstraintQuery | undefined {
  const decidable = plan.checks.some(
    (c) => c.kind === 'library' && (c.metric === 'nullValues' || c.metric === 'duplicateValues'),
  );
  if (!decidable) return undefined;
  if (plan.dialect === 'postgres') return { sql: POSTGRES_SQL, params: [plan.table] };
  return plan.tableParts.length === 3 ? { sql: DUCKDB_SQL, params: plan.tableParts } : undefined;
}

const KINDS: readonly ConstraintKind[] = ['PRIMARY KEY', 'UNIQUE', 'NOT NULL'];

function stringList(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

/** The query's rows as constraints; a row of any other shape is left out. */
export function constraintsFromRows(
  dialect: CheckDialectName,
  parts: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
): TableConstraint[] {
  const { sameIdentifier } = checkDialect(dialect);
  const out: TableConstraint[] = [];
  for (const row of rows) {
    if (dialect === 'duckdb') {
      const names = [row.database_name, row.schema_name, row.table_name];
      if (names.some((n, i) => typeof n !== 'string' || !sameIdentifier(n, parts[i] ?? ''))) continue;
    }
    const kind = KINDS.find((k) => k === row.kind);
    const columns = stringList(row.columns);
    if (kind === undefined || columns === undefined || columns.length === 0) continue;
    out.push({ kind, ...(typeof row.name === 'string' ? { name: row.name } : {}), columns });
  }
  return out;
}
