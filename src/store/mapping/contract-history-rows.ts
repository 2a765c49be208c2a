/** Pure mapping from the registry's rows to a port's contract history. */
import type { PortContractVersion } from '../model/product-model.js';
import { fromJsonText } from './json-text.js';

/** A contract row joined with the output port it describes and the product version it came with. */
export interface PortContractRow {
  readonly contract_id: string;
  readonly contract_version: string;
  readonly document: string;
  readonly port_version: string;
  readonly product_version: string;
  readonly deployed_at: string;
}

/**
 * One entry per distinct (contract id, contract version): the product version and time of its
 * first registration, and the document of its latest one (a version's status and lifecycle
 * properties may change without a new version: a deprecation). `rows` must come oldest first
 * (by deploy time, then product version); the result keeps the order of first registrations.
 */
export function portContractsFromRows(rows: readonly PortContractRow[]): PortContractVersion[] {
  const seen = new Map<string, number>();
  const history: PortContractVersion[] = [];
  for (const row of rows) {
    const key = JSON.stringify([row.contract_id, row.contract_version]);
    const index = seen.get(key);
    if (index !== undefined) {
      const first = history[index];
      if (first !== undefined) {
        history[index] = { ...first, document: fromJsonText(row.document, `contract ${row.contract_id}`) };
      }
      continue;
    }
    seen.set(key, history.length);
    history.push({
      contractId: row.contract_id,
      contractVersion: row.contract_version,
      portVersion: row.port_version,
      productVersion: row.product_version,
      deployedAt: row.deployed_at,
      document: fromJsonText(row.document, `contract ${row.contract_id}`),
    });
  }
  return history;
}
