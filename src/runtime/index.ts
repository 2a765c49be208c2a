/** The data product plane's runtime: storage, ingestion, transforms, quarantine, mesh names, queries. */
export { type CheckedSelect, checkSelect, parseSelect } from './check-select.js';
export { columnSpec, columnSpecs, portSchema, primaryKey } from './contract-columns.js';
export { type LoadedMesh, loadMesh } from './load-mesh.js';
export { meshViewSql, syncMeshCatalog } from './mesh-catalog.js';
export { type MeshNameEntry, type MeshNames, type MeshTarget, meshNames } from './mesh-names.js';
export { type DeployListener, MeshRuntime, type MeshRuntimeOptions } from './mesh-runtime.js';
export { outputDependencies, topologicalOrder } from './output-order.js';
export { arrangeOutputVersions, latestVersions, lifecycleOf } from './output-versions.js';
export {
  compareVersions,
  majorOf,
  parseSemver,
  portKey,
  publishedKey,
  type SemVer,
  splitPinnedName,
} from './port-version.js';
export { productRunOrder } from './product-order.js';
export {
  openProductStorage,
  type ProductStorage,
  provisionProduct,
  type StorageContext,
  viewOfSelect,
} from './product-storage.js';
export {
  listQuarantine,
  type QuarantinedRecord,
  type QuarantineQuery,
  quarantineCounts,
} from './quarantine.js';
export { type MeshLookup, productSqlName, resolveProduct } from './resolve-product.js';
export {
  type ProductRunResult,
  type RunProductOptions,
  runProduct,
  type StepOutcome,
} from './run-product.js';
export { type QueryOptions, type QueryStream, runQuery } from './run-query.js';
export {
  MemoryRunRecorder,
  NO_RUN_RECORDER,
  type RunFinish,
  type RunKind,
  type RunRecorder,
  type RunStart,
  type RunStatus,
  type RunTrigger,
} from './run-recorder.js';
export { runTransform, type TransformResult } from './run-transform.js';
export type {
  PortLifecycle,
  ProductInputPort,
  RefreshMode,
  RuntimeInputPort,
  RuntimeOutputPort,
  RuntimeProduct,
  StoredInputKind,
  StoredInputPort,
  ViewOfPort,
} from './runtime-product.js';
export { isStoredInput } from './runtime-product.js';
export { isDue, ON_INPUT, scheduleError } from './schedule.js';
export { type SelectFacts, selectFacts, type TableReference } from './select-references.js';
export { productAlias, productFile } from './storage-layout.js';
