export { type HttpMetrics, UNMATCHED_ROUTE } from './http-metrics.js';
export {
  type IngestCounts,
  type IngestionMetrics,
  PORT_STATES,
  type PortReading,
} from './ingestion-metrics.js';
export { LabelGuard, OTHER_LABEL_VALUE } from './label-guard.js';
export {
  type MeteredRunFinish,
  type MeteredRunStart,
  meteredRunRecorder,
  type RunRecorderLike,
} from './metered-run-recorder.js';
export { createMetrics, type Metrics, type MetricsOptions, type Scrape } from './metrics.js';
export {
  CHECK_STATUSES,
  type QualityMetrics,
  SLA_STATES,
  type SlaState,
} from './quality-metrics.js';
export {
  QUERY_OUTCOMES,
  type QueryMetrics,
  type QueryOutcome,
  queryOutcomeOf,
} from './query-metrics.js';
export { isSafeRequestId, REQUEST_ID_HEADER, requestIdOf } from './request-id.js';
export { type FinishedRun, RUN_KINDS, RUN_OUTCOMES, type RunMetrics } from './run-metrics.js';
