/** Contract lifecycle: schema compatibility, contract changes, and the verdict that joins them. */
export {
  type CompatChange,
  type CompatReport,
  type ContractVersionSide,
  compareContracts,
  compareJsonSchemas,
  contractSchemaVersion,
} from './compare-contracts.js';
export * from './contract/index.js';
export * from './schema/index.js';
