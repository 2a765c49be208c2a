/** Pipeline runs: one row per run of a product's output port. */

/** What started a run. */
export const RUN_TRIGGERS = ['deploy', 'input', 'schedule', 'manual'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** How a run writes its output. */
export const RUN_MODES = ['full', 'append', 'merge'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** How a run ended. */
export const RUN_OUTCOMES = ['succeeded', 'failed'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/** A run's status: `running` until it is finished. */
export type RunStatus = 'running' | RunOutcome;

/** The error a run left `running` by a crash is failed with when the store opens. */
export const INTERRUPTED_RUN_ERROR = 'interrupted';

/** What `startRun` takes. */
export interface StartRunInput {
  readonly productId: string;
  readonly port: string;
  readonly trigger: RunTrigger;
  readonly mode: RunMode;
}

/** What `finishRun` takes. */
export interface FinishRunInput {
  readonly status: RunOutcome;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly error?: string;
}

/** A pipeline run. */
export interface Run {
  readonly id: string;
  readonly productId: string;
  readonly port: string;
  readonly trigger: RunTrigger;
  readonly mode: RunMode;
  readonly status: RunStatus;
  readonly rowsIn?: number;
  readonly rowsOut?: number;
  readonly error?: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
}
