/**
 * Runs a schema object's quality rules on a DuckDB session: one READ ONLY transaction (one
 * snapshot for the table's constraints, the scan, the SQL rules and the samples), restarted after
 * a statement fails because DuckDB then aborts the transaction and has no savepoints.
 */

import { type DuckDBSession, qualifiedName, quoteLiteral } from '../../engines/duckdb/index.js';
import type { Row } from '../../engines/engine.js';
import { MeshplaneError } from '../../errors/index.js';
import type { SchemaObject } from '../../spec/model/data-contract.js';
import type { CheckReport } from './check-result.js';
import { type CheckExecutor, executePlan } from './execute-plan.js';
import { planChecks } from './plan-checks.js';
import { readTableConstraints } from './read-table-constraints.js';
import type { RunChecksOptions } from './run-options.js';
import { sampleLimit } from './sample-sql.js';

const BEGIN = 'BEGIN TRANSACTION READ ONLY';

interface Parsed {
  readonly error?: boolean;
  readonly error_message?: string;
  readonly statements?: readonly unknown[];
}

/**
 * Refuses a rule's query unless DuckDB's parser reads it as exactly one SELECT: a prepared DuckDB
 * text runs every statement before its last, so the check cannot be left to the prepare.
 */
async function assertOneSelect(session: DuckDBSession, sql: string, signal?: AbortSignal): Promise<void> {
  const [row] = await session.query(
    'SELECT CAST(json_serialize_sql(CAST($1 AS VARCHAR)) AS VARCHAR) AS tree',
    {
      params: [sql],
      ...(signal === undefined ? {} : { signal }),
    },
  );
  const parsed = JSON.parse(String(row?.tree)) as Parsed;
  if (parsed.error === true)
    throw new MeshplaneError(
      'INVALID_INPUT',
      `the query is not one SELECT statement: ${parsed.error_message}`,
    );
  if ((parsed.statements ?? []).length !== 1)
    throw new MeshplaneError('INVALID_INPUT', 'the query must be exactly one SELECT statement');
}

/** Points unqualified table names at the table's catalog and schema; returns how to undo it. */
async function useTableSchema(
  session: DuckDBSession,
  schema: readonly string[],
): Promise<() => Promise<void>> {
  const [row] = await session.query("SELECT current_setting('search_path') AS path");
  const previous = String(row?.path ?? '');
  await session.run(`SET search_path = ${quoteLiteral(qualifiedName(...schema))}`);
  return async () => {
    const restore = previous === '' ? 'RESET search_path' : `SET search_path = ${quoteLiteral(previous)}`;
    await session.run(restore).catch(() => session.run('RESET search_path'));
  };
}

/**
 * Runs the quality rules of `object` on `session` (a session with no open transaction) and
 * returns every rule's result and samples of failing rows. Throws INVALID_INPUT for bad options
 * and ENGINE_ERROR when cancelled; a rule that cannot be measured is an `error` result.
 */
export async function runDuckDBChecks(
  session: DuckDBSession,
  object: SchemaObject,
  options: RunChecksOptions = {},
): Promise<CheckReport> {
  // Planned first without constraints: bad options fail before any statement, and the plan says
  // whether the catalog is worth a query.
  const draft = planChecks(object, {
    dialect: 'duckdb',
    ...(options.table === undefined ? {} : { table: options.table }),
  });
  const limit = sampleLimit(options.sampleLimit);
  const signal = options.signal;
  const statement = signal === undefined ? {} : { signal };
  const guarded = async (run: () => Promise<Row[]>): Promise<Row[]> => {
    try {
      return await run();
    } catch (error) {
      await session.run('ROLLBACK').catch(() => undefined);
      await session.run(BEGIN);
      throw error;
    }
  };
  const executor: CheckExecutor = {
    query: (sql) => guarded(() => session.query(sql, statement)),
    ruleQuery: (sql) =>
      guarded(async () => {
        await assertOneSelect(session, sql, signal);
        return session.query(sql, statement);
      }),
  };
  const schema = draft.tableParts.slice(0, -1);
  const undo =
    schema.length > 0 && draft.checks.some((c) => c.kind === 'sql')
      ? await useTableSchema(session, schema)
      : undefined;
  try {
    await session.run(BEGIN, statement);
    try {
      const read = await readTableConstraints(draft, (query) =>
        guarded(() => session.query(query.sql, { ...statement, params: query.params })),
      );
      const plan =
        read.constraints.length === 0
          ? draft
          : planChecks(object, { dialect: 'duckdb', table: draft.tableParts, constraints: read.constraints });
      const report = await executePlan(executor, plan, limit);
      return { ...report, statements: report.statements + read.statements };
    } finally {
      // Nothing was written: ending the transaction either way only releases its snapshot.
      await session.run('ROLLBACK').catch(() => undefined);
    }
  } finally {
    await undo?.();
  }
}
