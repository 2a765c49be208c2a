/**
 * The history of one output port's contract, version by version, with what changed from the
 * version before (the same classification `meshplane diff` prints).
 */
import { type ContractChange, diffContracts } from '../compat/index.js';
import type { DataContract } from '../spec/model/data-contract.js';
import type { ControlStore } from '../store/index.js';
import { registeredSide, subjectName, subjectVersions } from './subject-history.js';

export interface ChangelogEntry {
  readonly contractId: string;
  readonly version: string;
  readonly portVersion: string;
  readonly productVersion: string;
  readonly deployedAt: string;
  readonly status: string;
  /** Against the previous version of the port (empty for the first). */
  readonly changes: readonly ContractChange[];
  readonly breaking: number;
}

export interface PortChangelog {
  readonly subject: string;
  readonly port: string;
  /** Oldest first. */
  readonly versions: readonly ChangelogEntry[];
}

export async function portChangelog(
  store: ControlStore,
  productId: string,
  port: string,
): Promise<PortChangelog> {
  const entries = await subjectVersions(store, productId, port);
  const versions = entries.map((entry, i) => {
    const previous = entries[i - 1];
    const changes =
      previous === undefined ? [] : diffContracts(registeredSide(previous), registeredSide(entry));
    return {
      contractId: entry.contractId,
      version: entry.contractVersion,
      portVersion: entry.portVersion,
      productVersion: entry.productVersion,
      deployedAt: entry.deployedAt,
      status: (entry.document as DataContract).status,
      changes,
      breaking: changes.filter((c) => c.breaking).length,
    };
  });
  return { subject: subjectName(productId, port), port, versions };
}
