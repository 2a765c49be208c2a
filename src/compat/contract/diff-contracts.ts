import { changeRecorder } from './change-recorder.js';
import type { ContractChange } from './contract-change.js';
import type { ContractSide } from './contract-side.js';
import { diffContractInfo } from './diff-contract-info.js';
import { diffSchemaObjects } from './diff-schema-objects.js';
import { diffSla } from './diff-sla.js';

/**
 * Everything that changed from `oldSide` to `newSide`, each judged breaking or not from the view
 * of a consumer of the data (see CONTEXT.md). Deterministic order: schema objects and their
 * properties in new-file order (removed ones where they stood), then SLAs, then version, status
 * and the contract's descriptive fields. Pure and total: it never throws.
 */
export function diffContracts(oldSide: ContractSide, newSide: ContractSide): ContractChange[] {
  const recorder = changeRecorder(oldSide, newSide);
  const old = oldSide.contract;
  const next = newSide.contract;
  diffSchemaObjects(old.schema, next.schema, recorder.emitFor);
  const contractLevel = recorder.emitFor(undefined);
  diffSla(old.slaProperties, next.slaProperties, contractLevel);
  const breaking = recorder.changes.filter((c) => c.breaking).length;
  diffContractInfo(old, next, breaking, contractLevel);
  return [...recorder.changes];
}
