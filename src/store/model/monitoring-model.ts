/** What monitors keep: SLA state changes, row counts per run, availability probes. */

/** An SLA objective's state; `unknown` when the evidence was missing. */
export const SLA_OBJECTIVE_STATES = ['met', 'breached', 'unknown'] as const;
export type SlaObjectiveState = (typeof SLA_OBJECTIVE_STATES)[number];

/** A measured or promised figure, as an SLA evaluation gives it. */
export interface SlaFigure {
  readonly value: number;
  readonly unit: string;
}

/** From `at` on, an objective of an output port was in `state`. */
export interface SlaStateChangeInput {
  readonly productId: string;
  /** The output port version's key (its table). */
  readonly port: string;
  readonly objectiveId: string;
  /** `latency`, `retention`, `frequency`, `timeOfAvailability`, `availability`. */
  readonly kind: string;
  readonly state: SlaObjectiveState;
  /** ISO 8601 with a zone; stored as `toISOString` writes it. */
  readonly at: string;
  readonly message: string;
  readonly measured?: SlaFigure;
  readonly limit?: SlaFigure;
  readonly due?: string;
}

/** A stored change. */
export interface SlaStateChangeRecord extends SlaStateChangeInput {
  readonly id: string;
}

/** Narrows `listSlaStateChanges`. */
export interface SlaStateChangeFilter {
  readonly productId: string;
  readonly port?: string;
  /** Changes after this instant, plus each objective's last change at or before it (its state then). */
  readonly since: string;
}

/** The rows an output port's run wrote (`rowsOut`), when the run finished. */
export interface VolumeRecord {
  readonly productId: string;
  readonly port: string;
  readonly runId: string;
  readonly at: string;
  readonly rows: number;
}

/** Narrows `listVolumeHistory`: one port's counts, newest first. */
export interface VolumeFilter {
  readonly productId: string;
  readonly port: string;
  /** Only counts strictly before this instant. */
  readonly before?: string;
  readonly limit: number;
}

/** One availability check of an output port: did it answer a query? */
export interface ProbeRecord {
  readonly productId: string;
  readonly port: string;
  readonly at: string;
  readonly up: boolean;
  readonly error?: string;
}

/** Narrows `listProbes`: one port's probes at or after `since`, oldest first. */
export interface ProbeFilter {
  readonly productId: string;
  readonly port: string;
  readonly since: string;
}

/** Narrows `listPortRuns`: one port's runs started at or after `since`, newest first. */
export interface PortRunFilter {
  readonly productId: string;
  readonly port: string;
  readonly since: string;
  readonly limit: number;
}
