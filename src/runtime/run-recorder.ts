/**
 * How pipeline runs are reported. The runtime calls `start` before and `finish` after each ingest
 * of an input port and each transform of an output port; the control store implements it (and
 * keeps history, SLAs, metrics). Calls are awaited, so a recorder may write to a database.
 */

/** Why a run happened. */
export type RunTrigger = 'manual' | 'schedule' | 'new-input' | 'deploy' | 'test';

export type RunKind = 'ingest' | 'transform';

export interface RunStart {
  readonly productId: string;
  readonly port: string;
  readonly kind: RunKind;
  readonly trigger: RunTrigger;
  readonly startedAt: Date;
}

export type RunStatus = 'succeeded' | 'failed' | 'skipped';

export interface RunFinish {
  readonly status: RunStatus;
  readonly finishedAt: Date;
  readonly durationMs: number;
  /** Transform: rows of its inputs; ingest: rows read from new files. */
  readonly rowsIn: number;
  /** Transform: rows written; ingest: rows accepted. */
  readonly rowsOut: number;
  readonly rowsQuarantined?: number;
  readonly filesIngested?: number;
  readonly filesFailed?: number;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface RunRecorder {
  /** Returns an id that `finish` receives. */
  start(run: RunStart): Promise<string> | string;
  finish(runId: string, outcome: RunFinish): Promise<void> | void;
}

/** Records nothing. */
export const NO_RUN_RECORDER: RunRecorder = Object.freeze({
  start: () => '',
  finish: () => undefined,
});

/** Keeps runs in memory, newest last: for tests and the one-shot CLI. */
export class MemoryRunRecorder implements RunRecorder {
  readonly runs: (RunStart & { id: string; outcome?: RunFinish })[] = [];

  start(run: RunStart): string {
    const id = String(this.runs.length + 1);
    this.runs.push({ ...run, id });
    return id;
  }

  finish(runId: string, outcome: RunFinish): void {
    const run = this.runs.find((r) => r.id === runId);
    if (run !== undefined) run.outcome = outcome;
  }
}
