import { Counter, Histogram, type Registry } from 'prom-client';
import { MeshplaneError } from '../errors/index.js';
import { oneOf } from './label-guard.js';
import { count, seconds } from './metric-values.js';

/**
 * How a query ended: `succeeded`; `rejected` (the caller's fault: not one SELECT, an unknown
 * name, not allowed); `cancelled` (the client went away or a limit stopped it); `failed` (ours or
 * an engine's).
 */
export const QUERY_OUTCOMES = ['succeeded', 'rejected', 'cancelled', 'failed'] as const;

export type QueryOutcome = (typeof QUERY_OUTCOMES)[number];

const REJECTED_CODES = new Set(['INVALID_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * The outcome a query that threw `error` is counted under. An engine marks a cancelled statement
 * with `details.cancelled`; `signal` is the query's own, aborted when its client went away.
 */
export function queryOutcomeOf(error: unknown, signal?: AbortSignal): QueryOutcome {
  if (signal?.aborted === true) return 'cancelled';
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  if (!(error instanceof MeshplaneError)) return 'failed';
  if (error.details?.cancelled === true) return 'cancelled';
  return REJECTED_CODES.has(error.code) ? 'rejected' : 'failed';
}

/** Seconds; the gateway's overhead is milliseconds, a federated scan can take minutes. */
const QUERY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** What the query gateway records. */
export interface QueryMetrics {
  /** One query ended, after `durationMs`, having returned `rows` rows (0 when it failed). */
  finished(outcome: QueryOutcome, durationMs: number, rows: number): void;
}

/** Registers the query families in `registry`. */
export function createQueryMetrics(registry: Registry): QueryMetrics {
  const queries = new Counter({
    name: 'meshplane_queries_total',
    help: 'SQL queries over the mesh, by outcome (succeeded, rejected, cancelled, failed).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'meshplane_query_duration_seconds',
    help: 'Time from receiving a query to its last row, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: QUERY_BUCKETS,
    registers: [registry],
  });
  const rows = new Counter({
    name: 'meshplane_query_rows_returned_total',
    help: 'Rows returned to query clients.',
    registers: [registry],
  });
  return {
    finished(outcome, durationMs, returned) {
      const label = { outcome: oneOf(outcome, QUERY_OUTCOMES, 'failed') };
      queries.inc(label);
      duration.observe(label, seconds(durationMs));
      rows.inc(count(returned));
    },
  };
}
