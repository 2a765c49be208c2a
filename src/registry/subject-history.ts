/**
 * A subject of the schema registry is one output port of one product (`orders.orders/order_lines`).
 * Its versions are the contract versions registered for that port, across product versions.
 */
import type { ContractVersionSide } from '../compat/index.js';
import { compareVersions, parseSemver } from '../runtime/index.js';
import type { DataContract } from '../spec/model/data-contract.js';
import type { ControlStore, PortContractVersion } from '../store/index.js';

/** `<productId>/<port>`: how reports, audit events and notifications name a subject. */
export function subjectName(productId: string, port: string): string {
  return `${productId}/${port}`;
}

/** The registered contract as a side of a comparison (no file: it lives in the registry). */
export function registeredSide(entry: PortContractVersion): ContractVersionSide {
  return {
    contract: entry.document as DataContract,
    file: `registry:${entry.contractId}@${entry.contractVersion}`,
    label: entry.contractVersion,
  };
}

/** The registered versions of a port, oldest first by version. */
export async function subjectVersions(
  store: ControlStore,
  productId: string,
  port: string,
): Promise<PortContractVersion[]> {
  const entries = await store.listPortContracts(productId, port);
  return [...entries].sort((a, b) => compareVersions(a.contractVersion, b.contractVersion));
}

/** The versions of the same major line as `version` (the line a compatibility check covers). */
export function sameMajor(entries: readonly PortContractVersion[], version: string): PortContractVersion[] {
  const major = parseSemver(version)?.major;
  return entries.filter((e) => parseSemver(e.contractVersion)?.major === major);
}

/**
 * Custom properties about a version's life and how it is built, not about what it promises:
 * changing them does not need a new contract version.
 */
const LIFECYCLE_PROPERTIES = new Set([
  'meshplane.sunset',
  'meshplane.replacedBy',
  'meshplane.viewOf',
  'meshplane.transform',
  'meshplane.schedule',
]);

/**
 * What a registered contract version promises, as text: the normalized contract without source
 * positions (a reformatted file compares equal), its status (deprecating a version does not
 * change it) and the lifecycle custom properties above.
 */
export function contractContent(contract: DataContract): string {
  const promised = {
    ...contract,
    status: undefined,
    customProperties: contract.customProperties.filter((p) => !LIFECYCLE_PROPERTIES.has(p.property)),
  };
  return JSON.stringify(promised, (key, value) => (key === 'path' ? undefined : value));
}
