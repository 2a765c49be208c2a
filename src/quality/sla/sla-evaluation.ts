/** The verdict on one objective at one instant. */
import type { SlaObjectiveKind } from './sla-objective.js';

/** `unknown` is never counted as met: the evidence was missing or unreadable. */
export type SlaState = 'met' | 'breached' | 'unknown';

/** A measured or promised figure: a duration in seconds or a percentage. */
export interface SlaMeasure {
  readonly value: number;
  readonly unit: 'seconds' | 'percent';
}

export interface SlaEvaluation {
  readonly objectiveId: string;
  readonly kind: SlaObjectiveKind;
  readonly state: SlaState;
  /** What was measured: an age, a lateness (negative when early), a percentage. Absent when unknown. */
  readonly measured?: SlaMeasure;
  /** The promise it was held against. */
  readonly limit?: SlaMeasure;
  /** For deadlines (time of availability, cron frequency): the instant something was due. */
  readonly due?: string;
  /** One sentence for people: what was measured against what, or what is missing. */
  readonly message: string;
  /** The evaluation instant (`observations.now`). */
  readonly at: string;
}
