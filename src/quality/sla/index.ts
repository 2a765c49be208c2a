/**
 * SLAs from a contract's `slaProperties`: typed objectives, their evaluation against what the
 * runtime observed, and adherence over time. Pure: data in, data out; see CONTEXT.md.
 */
export {
  ADHERENCE_WINDOWS,
  type Adherence,
  type AdherenceWindowName,
  adherence,
  adherenceWindows,
} from './adherence.js';
export { evaluateSla, overallState } from './evaluate-sla.js';
export { formatDuration } from './format-duration.js';
export { parseSla } from './parse-sla.js';
export type { SlaEvaluation, SlaMeasure, SlaState } from './sla-evaluation.js';
export type {
  AvailabilityObjective,
  FrequencyObjective,
  LatencyObjective,
  ParsedSla,
  RetentionObjective,
  SlaLifecycleDate,
  SlaNotEvaluated,
  SlaObjective,
  SlaObjectiveBase,
  SlaObjectiveKind,
  SlaPropertyInput,
  TimeOfAvailabilityObjective,
  UpdateCadence,
} from './sla-objective.js';
export type {
  AvailabilityProbe,
  RunObservation,
  SlaEvaluationOptions,
  SlaObservations,
} from './sla-observations.js';
export { type SlaPropertyKind, slaPropertyKind } from './sla-property-kind.js';
export { combineTimelines, type StateChange, stateChange, timelineFromSamples } from './state-timeline.js';
