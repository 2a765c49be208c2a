/** The control-plane metadata store: see CONTEXT.md. */
export type { ControlStore } from './control-store.js';
export { createControlStore } from './create-control-store.js';
export type * from './model/audit-model.js';
export { AUDIT_GENESIS_HASH } from './model/audit-model.js';
export type * from './model/cost-model.js';
export type * from './model/deploy-model.js';
export { DEPLOY_STEPS, FINISHED_DEPLOY_STATES } from './model/deploy-model.js';
export type * from './model/health-model.js';
export type * from './model/incident-model.js';
export { INCIDENT_STATES } from './model/incident-model.js';
export type * from './model/mesh-model.js';
export type * from './model/monitoring-model.js';
export { SLA_OBJECTIVE_STATES } from './model/monitoring-model.js';
export type * from './model/notification-model.js';
export type * from './model/product-model.js';
export type * from './model/quality-model.js';
export {
  DEFAULT_QUALITY_HISTORY,
  MAX_QUALITY_JSON_CHARS,
  QUALITY_STATES,
  QUALITY_TRIGGERS,
} from './model/quality-model.js';
export type * from './model/run-model.js';
export { INTERRUPTED_RUN_ERROR, RUN_MODES, RUN_OUTCOMES, RUN_TRIGGERS } from './model/run-model.js';
export type * from './model/usage-model.js';
export type * from './model/webhook-model.js';
export { WEBHOOK_STATUSES } from './model/webhook-model.js';
export type { ControlStoreOptions } from './open-control-database.js';
