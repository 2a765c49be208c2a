import type { Metrics } from './metrics.js';

/** What the decorator reads of a run's start (the runtime's `RunStart` has this shape). */
export interface MeteredRunStart {
  readonly productId: string;
  readonly port: string;
  readonly kind: 'ingest' | 'transform';
}

/** What the decorator reads of a run's end (the runtime's `RunFinish` has this shape). */
export interface MeteredRunFinish {
  readonly status: 'succeeded' | 'failed' | 'skipped';
  readonly durationMs: number;
  /** Transform: rows written; ingest: rows accepted. */
  readonly rowsOut: number;
  readonly rowsQuarantined?: number;
}

/** A run recorder, typed by its own start and finish shapes (the runtime's `RunRecorder`). */
export interface RunRecorderLike<S, F> {
  start(run: S): Promise<string> | string;
  finish(runId: string, outcome: F): Promise<void> | void;
}

/**
 * Wraps a run recorder so every pipeline step it records is also counted: runs, durations, rows
 * written, and for an ingest step (a file port, a sql-table snapshot) the records it accepted and
 * quarantined. The inner recorder sees exactly the calls it saw before. Typed structurally so the
 * infrastructure plane does not import the runtime.
 */
export function meteredRunRecorder<S extends MeteredRunStart, F extends MeteredRunFinish>(
  inner: RunRecorderLike<S, F>,
  metrics: Pick<Metrics, 'runs' | 'ingestion'>,
): RunRecorderLike<S, F> {
  const open = new Map<string, { readonly innerId: string; readonly run: S }>();
  let next = 0;
  return {
    async start(run) {
      const innerId = await inner.start(run);
      next += 1;
      const token = `metered-${next}`;
      open.set(token, { innerId, run });
      return token;
    },
    async finish(runId, outcome) {
      const started = open.get(runId);
      if (started === undefined) return inner.finish(runId, outcome);
      open.delete(runId);
      const { run } = started;
      metrics.runs.finished({
        product: run.productId,
        port: run.port,
        kind: run.kind,
        outcome: outcome.status,
        durationMs: outcome.durationMs,
        rowsWritten: outcome.rowsOut,
      });
      if (run.kind === 'ingest' && outcome.status === 'succeeded') {
        metrics.ingestion.ingested(run.productId, run.port, {
          accepted: outcome.rowsOut,
          duplicates: 0,
          quarantined: outcome.rowsQuarantined ?? 0,
        });
      }
      await inner.finish(started.innerId, outcome);
    },
  };
}
