/** The control-plane metadata store: see CONTEXT.md. */
export type { ControlStore } from './control-store.js';
export { createControlStore } from './create-control-store.js';
export type * from './model/deploy-model.js';
export { DEPLOY_STEPS, FINISHED_DEPLOY_STATES } from './model/deploy-model.js';
export type * from './model/mesh-model.js';
export type * from './model/product-model.js';
export type * from './model/run-model.js';
export { INTERRUPTED_RUN_ERROR, RUN_MODES, RUN_OUTCOMES, RUN_TRIGGERS } from './model/run-model.js';
export type { ControlStoreOptions } from './open-control-database.js';
