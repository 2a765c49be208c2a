/** The registry's view of data products: what the last successful deploy of each registered. */

/** An output port of a product version, and the contract that describes it. */
export interface OutputPortRecord {
  readonly name: string;
  readonly version: string;
  readonly contractId?: string;
}

/** Where an input port reads from: a contract of its own, or another product's output port. */
export type InputPortSource =
  | { readonly kind: 'contract' }
  | { readonly kind: 'product'; readonly productId: string; readonly port: string };

/** An input port of a product version. */
export interface InputPortRecord {
  readonly name: string;
  readonly version: string;
  readonly contractId: string;
  readonly source: InputPortSource;
}

/** A data contract (ODCS document) registered with a product version. */
export interface ContractRecord {
  readonly id: string;
  readonly version: string;
  /** The output port the contract describes, if any. */
  readonly port?: string;
  readonly apiVersion: string;
  readonly document: unknown;
}

/** One registered version of a product and the deploy that registered it last. */
export interface ProductVersionRecord {
  readonly version: string;
  readonly digest: string;
  readonly deployedAt: string;
  readonly deployId: string;
}

/** A product as listed in the registry; ports are those of its current version. */
export interface ProductSummary {
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  readonly title?: string;
  readonly status: string;
  readonly ownerTeam?: string;
  readonly currentVersion?: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly outputPorts: readonly OutputPortRecord[];
  readonly updatedAt: string;
}

/** A product with its versions and, for its current version, ports, contracts and descriptor. */
export interface ProductDetail extends ProductSummary {
  /** Every registered version, newest deploy first. */
  readonly versions: readonly ProductVersionRecord[];
  readonly inputPorts: readonly InputPortRecord[];
  readonly contracts: readonly ContractRecord[];
  /** The ODPS descriptor of the current version. */
  readonly descriptor: unknown;
}

/** Narrows `listProducts`; absent fields do not filter. */
export interface ProductFilter {
  readonly domain?: string;
  readonly status?: string;
}

/**
 * What a successful deploy registers. The product id and version are the deploy's own, so a
 * registration cannot name another product than the one that was journaled.
 */
export interface ProductRegistration {
  readonly domain: string;
  readonly name: string;
  readonly title?: string;
  readonly status: string;
  readonly ownerTeam?: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly descriptor: unknown;
  readonly outputPorts: readonly OutputPortRecord[];
  readonly inputPorts: readonly InputPortRecord[];
  readonly contracts: readonly ContractRecord[];
}

/** One contract version an output port has been registered with, as `listPortContracts` lists it. */
export interface PortContractVersion {
  readonly contractId: string;
  readonly contractVersion: string;
  /** The output port's version the contract described. */
  readonly portVersion: string;
  /** The first product version (by deploy time) that registered this contract version. */
  readonly productVersion: string;
  /** When that product version was deployed. */
  readonly deployedAt: string;
  /** The ODCS document as the latest product version that registered this contract version holds it (its status may have changed since). */
  readonly document: unknown;
}
