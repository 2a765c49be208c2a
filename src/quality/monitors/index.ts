/**
 * Monitors: volume anomalies, schema drift at sources, and the incident state machine with its
 * alerts. Pure: data in, data out; see CONTEXT.md.
 */
export { type ColumnTypeFamily, columnTypeFamily } from './column-type-family.js';
export {
  type Acknowledge,
  acknowledge,
  type ConditionKey,
  type ConditionObserved,
  conditionKeyText,
  conditionObserved,
  type Incident,
  type IncidentAction,
  type IncidentDetails,
  type IncidentEffect,
  type IncidentEvent,
  type IncidentRejection,
  type IncidentState,
  type IncidentStep,
  type Resolve,
  resolve,
  SYSTEM_ACTOR,
} from './incident.js';
export {
  INCIDENT_OPENED,
  INCIDENT_RESOLVED,
  type IncidentEventData,
  incidentCloudEvent,
  incidentSlackPayload,
} from './incident-alert.js';
export { reduceIncidents } from './incident-reducer.js';
export {
  type ColumnShape,
  type ColumnTypeChange,
  contractColumns,
  type SchemaDrift,
  type SchemaDriftOptions,
  schemaDrift,
} from './schema-drift.js';
export {
  type ExpectedRange,
  type VolumeOptions,
  type VolumePoint,
  type VolumeVerdict,
  volumeAnomaly,
} from './volume-anomaly.js';
