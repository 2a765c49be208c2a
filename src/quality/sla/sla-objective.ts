/**
 * A contract's `slaProperties` read as typed objectives Meshplane can evaluate, lifecycle dates it
 * can show, and entries it cannot evaluate with the reason. Produced by `parseSla`.
 */
import type { JsonPath } from '../../spec/diagnostic.js';
import type { SlaProperty } from '../../spec/model/data-contract.js';

/**
 * An SLA entry as `parseSla` reads it: the normalized `SlaProperty`, plus the ODCS v3.1 fields the
 * normalized model may carry (`id`, `description`, `valueExt`, `scheduler`, `schedule`).
 */
export type SlaPropertyInput = SlaProperty & {
  readonly id?: string;
  readonly description?: string;
  readonly valueExt?: unknown;
  readonly scheduler?: string;
  readonly schedule?: string;
};

/** What every objective carries from its entry. */
export interface SlaObjectiveBase {
  /** Stable within the contract: the ODCS `id`, else kind, element and driver (`latency[tab1.ts]`). */
  readonly id: string;
  /** The property as written (`ly`, `freshness`, `latency`). */
  readonly property: string;
  readonly element?: string;
  readonly driver?: string;
  readonly description?: string;
  /** ODCS `scheduler`/`schedule` on a measured objective: when its owner wants it checked. */
  readonly checkSchedule?: { readonly scheduler: string; readonly schedule: string };
  readonly path: JsonPath;
}

/** Data is at most `maxAgeSeconds` old: now minus the last successful update (ODCS `latency`, `freshness`). */
export interface LatencyObjective extends SlaObjectiveBase {
  readonly kind: 'latency';
  readonly maxAgeSeconds: number;
}

/** Rows are kept at most `maxAgeSeconds` (`Infinity` when `unlimited`): the oldest row's age. */
export interface RetentionObjective extends SlaObjectiveBase {
  readonly kind: 'retention';
  readonly maxAgeSeconds: number;
}

/** How often the data must be updated: at most every `seconds`, or after each run of a cron. */
export type UpdateCadence =
  | { readonly type: 'interval'; readonly seconds: number }
  | { readonly type: 'cron'; readonly expression: string; readonly timezone: string };

/** ODCS `frequency`: the data is updated at the promised cadence. */
export interface FrequencyObjective extends SlaObjectiveBase {
  readonly kind: 'frequency';
  readonly cadence: UpdateCadence;
}

/** ODCS `timeOfAvailability`: each day's data is there by a time of day in a time zone. */
export interface TimeOfAvailabilityObjective extends SlaObjectiveBase {
  readonly kind: 'timeOfAvailability';
  /** `HH:MM:SS`, 24-hour. */
  readonly time: string;
  /** An IANA zone (`Europe/Paris`) or a fixed offset written `UTC+05:30`; `UTC` when none is given. */
  readonly timezone: string;
}

/** ODCS `availability`: the port answers at least `minPercent` of the time. */
export interface AvailabilityObjective extends SlaObjectiveBase {
  readonly kind: 'availability';
  readonly minPercent: number;
}

export type SlaObjective =
  | LatencyObjective
  | RetentionObjective
  | FrequencyObjective
  | TimeOfAvailabilityObjective
  | AvailabilityObjective;

export type SlaObjectiveKind = SlaObjective['kind'];

/** ODCS `generalAvailability`, `endOfSupport`, `endOfLife`: dates to show, nothing to measure. */
export interface SlaLifecycleDate {
  readonly kind: 'generalAvailability' | 'endOfSupport' | 'endOfLife';
  readonly property: string;
  /** The value as written. */
  readonly value: string;
  /** The instant it names (midnight UTC for a bare date). */
  readonly at: string;
  readonly path: JsonPath;
}

/** An entry that is not evaluated, and why: unknown property, unmeasured property, malformed value. */
export interface SlaNotEvaluated {
  readonly property: string;
  readonly reason: string;
  readonly path: JsonPath;
}

/** Everything `parseSla` read from a contract's `slaProperties`. */
export interface ParsedSla {
  readonly objectives: readonly SlaObjective[];
  readonly lifecycle: readonly SlaLifecycleDate[];
  readonly notEvaluated: readonly SlaNotEvaluated[];
}
