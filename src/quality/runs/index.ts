/**
 * Quality checks as the platform runs them: after every pipeline run and on demand, kept as
 * history, counted in the metrics, and told to listeners. See CONTEXT.md.
 */
export {
  boundResults,
  boundSamples,
  DEFAULT_REPORT_BOUNDS,
  type ReportBounds,
  type StoredSample,
} from './bound-report.js';
export {
  type CheckOutputPortOptions,
  checkOutputPort,
  hasQualityRules,
  outputTable,
} from './check-output-port.js';
export { type PortQualityReport, reportFromRun } from './port-quality-report.js';
export { qualityRunRecorder } from './quality-run-recorder.js';
export {
  type CheckPortOptions,
  type ProductQualityCheck,
  type QualityReportListener,
  type QualityRuntime,
  QualityService,
  type QualityServiceOptions,
  selectPorts,
  type UncheckedPort,
} from './quality-service.js';
export { countResults, isBlockingResult, isBlockingSeverity, qualityState } from './quality-state.js';
