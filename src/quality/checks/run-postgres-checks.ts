/**
 * Runs a schema object's quality rules on a PostgreSQL connection: one REPEATABLE READ READ ONLY
 * transaction (one snapshot for the table's constraints, the scan, the SQL rules and the samples),
 * each statement behind a savepoint so a failing one leaves the transaction usable for the others.
 */
import type { Row } from '../../engines/engine.js';
import { type PostgresDriver, quoteIdentifier } from '../../engines/postgres/index.js';
import type { SchemaObject } from '../../spec/model/data-contract.js';
import type { CheckReport } from './check-result.js';
import { type CheckExecutor, executePlan } from './execute-plan.js';
import { planChecks } from './plan-checks.js';
import { readTableConstraints } from './read-table-constraints.js';
import type { RunChecksOptions } from './run-options.js';
import { sampleLimit } from './sample-sql.js';

const SAVEPOINT = quoteIdentifier('meshplane_check');

/**
 * Runs the quality rules of `object` on `driver` (a connection with no open transaction) and
 * returns every rule's result and samples of failing rows. Throws INVALID_INPUT for bad options
 * and ENGINE_ERROR when cancelled; a rule that cannot be measured is an `error` result.
 */
export async function runPostgresChecks(
  driver: PostgresDriver,
  object: SchemaObject,
  options: RunChecksOptions = {},
): Promise<CheckReport> {
  // Planned first without constraints: bad options fail before any statement, and the plan says
  // whether the catalog is worth a query.
  const draft = planChecks(object, {
    dialect: 'postgres',
    ...(options.table === undefined ? {} : { table: options.table }),
  });
  const limit = sampleLimit(options.sampleLimit);
  const statement = options.signal === undefined ? {} : { signal: options.signal };
  const guarded = async (sql: string, params: readonly unknown[]): Promise<Row[]> => {
    await driver.query(`SAVEPOINT ${SAVEPOINT}`, [], statement);
    try {
      const rows = await driver.query(sql, params, statement);
      await driver.query(`RELEASE SAVEPOINT ${SAVEPOINT}`, [], statement);
      return rows;
    } catch (error) {
      await driver.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`).catch(() => undefined);
      throw error;
    }
  };
  // The wrapped rule query carries a parameter, so it goes through the extended protocol, which
  // refuses a text of several statements (see check-dialect.ts).
  const executor: CheckExecutor = {
    query: (sql) => guarded(sql, []),
    ruleQuery: (sql, params) => guarded(sql, params),
  };
  await driver.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', [], statement);
  try {
    const schema = draft.tableParts.at(-2);
    if (schema !== undefined && draft.checks.some((c) => c.kind === 'sql'))
      await driver.query(`SET LOCAL search_path TO ${quoteIdentifier(schema)}`, [], statement);
    // After the search path is set: the catalog resolves the table's name as the scan will.
    const read = await readTableConstraints(draft, (query) => guarded(query.sql, query.params));
    const plan =
      read.constraints.length === 0
        ? draft
        : planChecks(object, { dialect: 'postgres', table: draft.tableParts, constraints: read.constraints });
    const report = await executePlan(executor, plan, limit);
    return { ...report, statements: report.statements + read.statements };
  } finally {
    // Nothing was written: ending the transaction either way only releases its snapshot.
    await driver.query('ROLLBACK').catch(() => undefined);
  }
}
