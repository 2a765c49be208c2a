/**
 * Quality history: one record per run of an output port version's quality rules. The results and
 * failing-row samples are kept as the quality layer hands them (JSON), so the store does not
 * depend on the checks' types; the store only bounds their size.
 */

/** What ran the checks: after a pipeline run, on demand, or on sample data. */
export const QUALITY_TRIGGERS = ['run', 'manual', 'test'] as const;
export type QualityTrigger = (typeof QUALITY_TRIGGERS)[number];

/**
 * A check run's outcome: `failed` when a rule of severity error failed or could not be measured,
 * `warning` when only rules of a lower severity did, `passed` when at least one rule passed and
 * none failed, `not_run` when no rule could be run by Meshplane, `error` when the check run as a
 * whole could not run (the table could not be read, cancelled).
 */
export const QUALITY_STATES = ['passed', 'warning', 'failed', 'not_run', 'error'] as const;
export type QualityState = (typeof QUALITY_STATES)[number];

/** Check runs kept per (product, port, major) when the caller does not say. */
export const DEFAULT_QUALITY_HISTORY = 500;

/** Largest JSON text of a record's results, and of its samples (characters). */
export const MAX_QUALITY_JSON_CHARS = 1024 * 1024;

/** Rules of one check run, counted by verdict. */
export interface QualityCounts {
  readonly passed: number;
  readonly failed: number;
  readonly notRun: number;
  readonly error: number;
}

/** What `recordQualityRun` takes. */
export interface QualityRunInput {
  readonly productId: string;
  /** The output port's name (shared by its versions). */
  readonly port: string;
  readonly major: number;
  /** The port version checked (semver). */
  readonly version: string;
  /** The pipeline run the checks followed, when they followed one. */
  readonly runId?: string;
  readonly trigger: QualityTrigger;
  readonly state: QualityState;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly counts: QualityCounts;
  /** One JSON object per rule. */
  readonly results: readonly unknown[];
  /** Failing-row samples, already masked and bounded by the caller. */
  readonly samples: readonly unknown[];
  /** Why the check run as a whole did not run (state `error`). */
  readonly error?: string;
}

/** A stored check run. */
export interface QualityRun {
  readonly id: string;
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  readonly version: string;
  readonly runId?: string;
  readonly trigger: QualityTrigger;
  readonly state: QualityState;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly counts: QualityCounts;
  readonly results: readonly unknown[];
  readonly samples: readonly unknown[];
  readonly error?: string;
}

/** Narrows `listQualityRuns`: a product, optionally one port, major or pipeline run. */
export interface QualityRunFilter {
  readonly productId: string;
  readonly port?: string;
  readonly major?: number;
  readonly runId?: string;
  /** At most this many, newest first. */
  readonly limit: number;
}
