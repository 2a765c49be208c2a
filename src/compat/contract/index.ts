/**
 * ODCS-level change classification: what changed between two versions of a data contract,
 * property by property, and whether it breaks consumers. Pure: data in, data out; see CONTEXT.md.
 */
export {
  type ChangeLocation,
  CONTRACT_CHANGE_TYPES,
  type ContractChange,
  type ContractChangeType,
} from './contract-change.js';
export { type ContractSide, contractSideFromDocument } from './contract-side.js';
export { CLASSIFICATION_ORDER } from './diff-classification.js';
export { diffContracts } from './diff-contracts.js';
export { type FormatChangesOptions, formatChanges } from './format-changes.js';
export { RENAMED_FROM } from './renamed-from.js';
