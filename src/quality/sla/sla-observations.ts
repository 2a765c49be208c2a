/**
 * What the runtime observes about one output port, as plain data (instants are ISO 8601 text with
 * a zone, as the control store keeps them). Every field but `now` may be missing: an objective
 * whose evidence is missing evaluates to `unknown`, never to `met`.
 */

/** A pipeline run of the port; the store's `Run` fits (`status` succeeded | failed | running | skipped). */
export interface RunObservation {
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
}

/** One availability check of the port (a query that answered, or not). */
export interface AvailabilityProbe {
  readonly at: string;
  readonly up: boolean;
}

export interface SlaObservations {
  /** The evaluation instant. */
  readonly now: string;
  /** When the port was first deployed: turns "never updated" into a breach once a limit has passed since. */
  readonly deployedAt?: string;
  /** The last successful data update of the port (a run or a streamed commit that wrote data). */
  readonly lastUpdatedAt?: string;
  /** The oldest row's timestamp (the retention element); `null` when the table is empty. */
  readonly oldestRowAt?: string | null;
  /**
   * Recent runs, in any order. Their successful finishes count as updates; the earliest start
   * says how far back the history is complete (needed to call a late delivery late).
   */
  readonly runs?: readonly RunObservation[];
  /** Availability probes, in any order, covering at least the availability window. */
  readonly probes?: readonly AvailabilityProbe[];
}

/** Tuning of the evaluation; every field has a default. */
export interface SlaEvaluationOptions {
  /** The window availability is measured over; default 30 days. */
  readonly availabilityWindowSeconds?: number;
  /** A probe's result stands for at most this long after it; default 1 hour. Beyond, time is unknown. */
  readonly probeStaleAfterSeconds?: number;
  /** Rows may outlive the retention by this much (the deletion job's period); default 0. */
  readonly retentionGraceSeconds?: number;
  /**
   * For a cron frequency, how long after a firing its update must have landed; by default until
   * the next firing (the previous firing's update is what is required).
   */
  readonly frequencyGraceSeconds?: number;
}
