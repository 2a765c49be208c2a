import { Counter, Histogram, type Registry } from 'prom-client';
import { type LabelGuard, oneOf } from './label-guard.js';
import { count, seconds } from './metric-values.js';

export const RUN_KINDS = ['ingest', 'transform'] as const;
export const RUN_OUTCOMES = ['succeeded', 'failed', 'skipped'] as const;

/** One finished pipeline step: an ingest of an input port or a transform of an output port. */
export interface FinishedRun {
  readonly product: string;
  readonly port: string;
  readonly kind: (typeof RUN_KINDS)[number];
  readonly outcome: (typeof RUN_OUTCOMES)[number];
  readonly durationMs: number;
  /** Transform: rows written to the output; ingest: rows accepted into the input. */
  readonly rowsWritten: number;
}

/** Seconds; a pipeline step takes from milliseconds (nothing new) to an hour (a large rebuild). */
const RUN_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 1800, 3600];

/** What pipeline runs record. */
export interface RunMetrics {
  finished(run: FinishedRun): void;
}

/** Registers the pipeline run families in `registry`. */
export function createRunMetrics(registry: Registry, guard: LabelGuard): RunMetrics {
  const runs = new Counter({
    name: 'meshplane_pipeline_runs_total',
    help: 'Pipeline steps finished, by product, port, kind (ingest, transform) and outcome (succeeded, failed, skipped).',
    labelNames: ['product', 'port', 'kind', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'meshplane_pipeline_run_duration_seconds',
    help: 'Time a pipeline step took, by product and kind (skipped steps are not observed).',
    labelNames: ['product', 'kind'] as const,
    buckets: RUN_BUCKETS,
    registers: [registry],
  });
  const rows = new Counter({
    name: 'meshplane_pipeline_rows_written_total',
    help: 'Rows written by pipeline steps (transform: output rows; ingest: rows accepted), by product, port and kind.',
    labelNames: ['product', 'port', 'kind'] as const,
    registers: [registry],
  });
  return {
    finished(run) {
      const product = guard.value('product', run.product);
      const port = guard.value('port', run.port);
      const kind = oneOf(run.kind, RUN_KINDS, 'transform');
      const outcome = oneOf(run.outcome, RUN_OUTCOMES, 'failed');
      runs.inc({ product, port, kind, outcome });
      rows.inc({ product, port, kind }, count(run.rowsWritten));
      if (outcome !== 'skipped') duration.observe({ product, kind }, seconds(run.durationMs));
    },
  };
}
