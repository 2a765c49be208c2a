/**
 * Runs a plan through an engine-neutral executor: the aggregate scan, each SQL rule's query, then
 * one bounded sample query per failed rule that can name its rows. The engine runners
 * (run-duckdb-checks.ts, run-postgres-checks.ts) only provide the executor and the transaction.
 */
import type { Row } from '../../engines/engine.js';
import { MeshplaneError } from '../../errors/index.js';
import { checkDialect } from './check-dialect.js';
import type { CheckPlan, LibraryCheck } from './check-plan.js';
import type { CheckReport, FailingSample } from './check-result.js';
import { type CheckMeasurements, evaluateChecks, type Measured, metricsFromRow } from './evaluate-checks.js';
import { sampleSql } from './sample-sql.js';

export interface CheckExecutor {
  /** Runs SQL that Meshplane generated. */
  query(sql: string): Promise<Row[]>;
  /** Runs a contract's own query (a `sql` rule); the executor makes sure it is one SELECT. */
  ruleQuery(sql: string, params: readonly boolean[]): Promise<Row[]>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A cancelled statement stops the whole run instead of becoming one rule's error. */
export function rethrowIfCancelled(error: unknown): void {
  if (error instanceof MeshplaneError && error.details?.cancelled === true) throw error;
}

class Counter {
  statements = 0;
  constructor(readonly executor: CheckExecutor) {}

  async attempt<T>(run: (e: CheckExecutor) => Promise<T>): Promise<T | { error: string }> {
    this.statements++;
    try {
      return await run(this.executor);
    } catch (error) {
      rethrowIfCancelled(error);
      return { error: message(error) };
    }
  }
}

const isError = (value: unknown): value is { error: string } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value;

/**
 * The scan failed as a whole (a column the table lacks, a pattern the engine refuses): measure
 * each metric on its own so one bad rule cannot hide the verdicts of the others.
 */
async function measureSeparately(run: Counter, plan: CheckPlan): Promise<Record<string, Measured>> {
  const dialect = checkDialect(plan.dialect);
  const rowCount = dialect.quoteIdentifier(plan.rowCountAlias);
  const counted = await run.attempt((e) => e.query(`SELECT count(*) AS ${rowCount} FROM ${plan.table}`));
  const out: Record<string, Measured> = {};
  if (isError(counted)) {
    out[plan.rowCountAlias] = { error: counted.error };
    for (const { alias } of plan.aggregate?.metrics ?? []) out[alias] = { error: counted.error };
    return out;
  }
  out[plan.rowCountAlias] = { value: counted[0]?.[plan.rowCountAlias] };
  for (const { alias, expression } of plan.aggregate?.metrics ?? []) {
    const quoted = dialect.quoteIdentifier(alias);
    const rows = await run.attempt((e) => e.query(`SELECT ${expression} AS ${quoted} FROM ${plan.table}`));
    out[alias] = isError(rows) ? { error: rows.error } : { value: rows[0]?.[alias] };
  }
  return out;
}

async function measureMetrics(run: Counter, plan: CheckPlan): Promise<Record<string, Measured>> {
  if (plan.aggregate === undefined) return {};
  const aggregate = plan.aggregate;
  const rows = await run.attempt((e) => e.query(aggregate.sql));
  const row = isError(rows) ? undefined : rows[0];
  return row === undefined ? measureSeparately(run, plan) : metricsFromRow(plan, row);
}

async function samplesOf(
  run: Counter,
  plan: CheckPlan,
  failed: readonly LibraryCheck[],
  limit: number,
): Promise<FailingSample[]> {
  const dialect = checkDialect(plan.dialect);
  const masked = plan.sampleColumns.filter((c) => c.masked).map((c) => c.name);
  const samples: FailingSample[] = [];
  if (limit === 0 || plan.sampleColumns.length === 0) return samples;
  for (const check of failed) {
    if (check.failing === undefined) continue;
    const sql = sampleSql(dialect, plan.table, plan.sampleColumns, check.failing, limit);
    const rows = await run.attempt((e) => e.query(sql));
    samples.push(
      isError(rows)
        ? { rule: check.id, rows: [], masked, error: rows.error }
        : { rule: check.id, rows, masked },
    );
  }
  return samples;
}

/** Runs `plan` on `executor` and evaluates it; `sampleLimit` is already validated (0-100). */
export async function executePlan(
  executor: CheckExecutor,
  plan: CheckPlan,
  sampleLimit: number,
): Promise<CheckReport> {
  const run = new Counter(executor);
  const metrics = await measureMetrics(run, plan);
  const sql: Record<string, { rows: readonly Row[] } | { error: string }> = {};
  for (const check of plan.checks) {
    if (check.kind !== 'sql') continue;
    const rows = await run.attempt((e) => e.ruleQuery(check.sql, check.params));
    sql[check.id] = isError(rows) ? rows : { rows };
  }
  const measurements: CheckMeasurements = { metrics, sql };
  const results = evaluateChecks(plan, measurements);
  const failedIds = new Set(results.filter((r) => r.status === 'failed').map((r) => r.rule));
  const failed = plan.checks.filter((c): c is LibraryCheck => c.kind === 'library' && failedIds.has(c.id));
  const samples = await samplesOf(run, plan, failed, sampleLimit);
  return { object: plan.object, table: plan.table, results, samples, statements: run.statements };
}
