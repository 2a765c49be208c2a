import type { Diagnostic } from '../diagnostic.js';
import { contractRules } from './contract-rules.js';
import { namingRules } from './naming-rules.js';
import { ownershipRules } from './ownership-rules.js';
import { productCycles } from './product-cycles.js';
import {
  duplicateIds,
  inputPortReferences,
  outputPortContracts,
  outputPrimaryKeys,
} from './reference-rules.js';
import type { ContractEntry, ProductEntry, Rule, RuleContext, WorkspaceEntry } from './rule.js';

export type { RuleContext, WorkspaceEntry } from './rule.js';

/** Rules that hold for any document, in a workspace or not. */
export const DOCUMENT_RULES: readonly Rule[] = [contractRules];

/**
 * Rules across the documents of a workspace. They need a closed world (a mesh.yaml and the
 * documents under it): loose files, such as the standards' examples, refer to contracts that
 * live elsewhere and reuse each other's ids.
 */
export const WORKSPACE_RULES: readonly Rule[] = [
  namingRules,
  duplicateIds,
  ownershipRules,
  outputPortContracts,
  inputPortReferences,
  productCycles,
  outputPrimaryKeys,
];

/** Indexes the usable documents once for all rules. */
export function ruleContext(entries: readonly WorkspaceEntry[]): RuleContext {
  const contracts: ContractEntry[] = [];
  const products: ProductEntry[] = [];
  let mesh: RuleContext['mesh'];
  for (const { doc, parsed } of entries) {
    if (parsed?.kind === 'DataContract') contracts.push({ doc, model: parsed.model });
    else if (parsed?.kind === 'DataProduct') products.push({ doc, model: parsed.model });
    else if (parsed?.kind === 'Mesh' && mesh === undefined) mesh = { doc, model: parsed.model };
  }
  const contractsById = new Map<string, ContractEntry[]>();
  for (const c of contracts) contractsById.set(c.model.id, [...(contractsById.get(c.model.id) ?? []), c]);
  const outputPortsByContractId = new Map<string, { product: ProductEntry; port: string }>();
  for (const product of products) {
    for (const port of product.model.outputPorts) {
      if (port.contractId !== undefined && !outputPortsByContractId.has(port.contractId)) {
        outputPortsByContractId.set(port.contractId, { product, port: port.name });
      }
    }
  }
  return { contracts, products, mesh, contractsById, outputPortsByContractId };
}

export function runRules(entries: readonly WorkspaceEntry[]): Diagnostic[] {
  const context = ruleContext(entries);
  const rules = context.mesh === undefined ? DOCUMENT_RULES : [...DOCUMENT_RULES, ...WORKSPACE_RULES];
  return rules.flatMap((rule) => [...rule(context)]);
}
