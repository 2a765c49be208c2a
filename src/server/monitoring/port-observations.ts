/**
 * What an output port's SLA objectives are evaluated against, gathered from the control store's
 * run history and probes and from the port's table in the runtime's DuckDB hub. Every query is
 * bounded; what cannot be read is left out, and the objective that needs it is `unknown`.
 */
import { type DuckDBDriver, qualifiedName, quoteIdentifier } from '../../engines/duckdb/index.js';
import type { RunObservation, SlaObservations } from '../../quality/sla/index.js';
import { productAlias } from '../../runtime/index.js';
import { OUTPUT_SCHEMA } from '../../runtime/storage-layout.js';
import type { ControlStore, Run } from '../../store/index.js';
import type { PlannedPort } from './port-plan.js';

/** What observations read of the store. */
export type ObservationStore = Pick<ControlStore, 'listPortRuns' | 'lastPortUpdate' | 'listProbes'>;

/** How far back runs are read: enough for a weekly cron and a day's deadline. */
export const RUN_HISTORY_MS = 8 * 86_400_000;
/** Most runs read per port and evaluation. */
export const MAX_RUNS = 1_000;
/** Availability is measured over 30 days. */
export const AVAILABILITY_WINDOW_MS = 30 * 86_400_000;
/** Longest a query on a port's table may take before it counts as not answering. */
export const PORT_QUERY_TIMEOUT_MS = 10_000;

/** The port's table in the hub. */
export function portTable(productId: string, port: PlannedPort): string {
  return qualifiedName(productAlias(productId), OUTPUT_SCHEMA, port.key);
}

/**
 * A run as evidence. A run the runtime skipped is stored as succeeded with its reason as error;
 * it did not update anything, so it is reported as `skipped`.
 */
export function runObservation(run: Run): RunObservation {
  const status = run.status === 'succeeded' && run.error !== undefined ? 'skipped' : run.status;
  return {
    status,
    startedAt: run.startedAt,
    ...(run.finishedAt === undefined ? {} : { finishedAt: run.finishedAt }),
  };
}

/** The oldest value of `column` (as a timestamp), `null` for an empty table, undefined when unreadable. */
async function oldestRow(
  hub: DuckDBDriver,
  productId: string,
  port: PlannedPort,
  column: string,
): Promise<string | null | undefined> {
  const sql = `SELECT CAST(epoch_ms(min(TRY_CAST(${quoteIdentifier(column)} AS TIMESTAMP))) AS DOUBLE) AS oldest, count(*) AS n FROM ${portTable(productId, port)}`;
  try {
    const [row] = await hub.query(sql, { signal: AbortSignal.timeout(PORT_QUERY_TIMEOUT_MS) });
    if (row === undefined) return undefined;
    if (Number(row.n) === 0) return null;
    const ms = row.oldest === null || row.oldest === undefined ? Number.NaN : Number(row.oldest);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
  } catch {
    return undefined;
  }
}

/** Everything the port's objectives need, read at `now` without writing anything. */
export async function observePort(
  deps: { readonly store: ObservationStore; readonly hub: DuckDBDriver },
  productId: string,
  port: PlannedPort,
  now: Date,
): Promise<SlaObservations> {
  const kinds = new Set(port.sla.objectives.map((o) => o.kind));
  const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const runs = await deps.store.listPortRuns({
    productId,
    port: port.key,
    since: at(RUN_HISTORY_MS),
    limit: MAX_RUNS,
  });
  const lastUpdatedAt = await deps.store.lastPortUpdate(productId, port.key);
  const probes = kinds.has('availability')
    ? await deps.store.listProbes({ productId, port: port.key, since: at(AVAILABILITY_WINDOW_MS) })
    : undefined;
  const oldestRowAt =
    kinds.has('retention') && port.retentionColumn !== undefined
      ? await oldestRow(deps.hub, productId, port, port.retentionColumn)
      : undefined;
  return {
    now: now.toISOString(),
    ...(port.deployedAt === undefined ? {} : { deployedAt: port.deployedAt }),
    ...(lastUpdatedAt === undefined ? {} : { lastUpdatedAt }),
    ...(oldestRowAt === undefined ? {} : { oldestRowAt }),
    runs: runs.map(runObservation),
    ...(probes === undefined ? {} : { probes: probes.map((p) => ({ at: p.at, up: p.up })) }),
  };
}

/** Whether the port answers a query now; the error when it does not. */
export async function probePort(
  hub: DuckDBDriver,
  productId: string,
  port: PlannedPort,
): Promise<{ up: boolean; error?: string }> {
  try {
    await hub.query(`SELECT count(*) AS n FROM ${portTable(productId, port)}`, {
      signal: AbortSignal.timeout(PORT_QUERY_TIMEOUT_MS),
    });
    return { up: true };
  } catch (error) {
    return { up: false, error: error instanceof Error ? error.message : String(error) };
  }
}
