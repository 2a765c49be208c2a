/**
 * The kinds of change `diffContracts` reports. Closed: the CLI, the registry and the web UI
 * switch on it. CONTEXT.md gives the breaking decision of each and why.
 */
export const CONTRACT_CHANGE_TYPES = [
  'object-added',
  'object-removed',
  'object-renamed',
  'property-added',
  'property-removed',
  'property-renamed',
  'physical-name-changed',
  'type-changed',
  'type-widened',
  'required-added',
  'required-removed',
  'unique-changed',
  'primary-key-changed',
  'enum-value-added',
  'enum-value-removed',
  'constraint-tightened',
  'constraint-loosened',
  'constraint-changed',
  'quality-rule-added',
  'quality-rule-removed',
  'quality-rule-changed',
  'quality-threshold-tightened',
  'quality-threshold-loosened',
  'classification-lowered',
  'classification-raised',
  'sla-weakened',
  'sla-strengthened',
  'sla-changed',
  'annotation-changed',
  'version-changed',
  'status-changed',
] as const;

export type ContractChangeType = (typeof CONTRACT_CHANGE_TYPES)[number];

/** Where a change stands in one of the two files. */
export interface ChangeLocation {
  readonly file: string;
  /** 1-based; absent when the side has no source text (a contract from the registry). */
  readonly line?: number;
  readonly column?: number;
  /** The JSON path in that file, as users read it: `schema[0].properties[2].logicalType`. */
  readonly path: string;
}

/** One difference between two versions of a data contract, judged from a consumer's view. */
export interface ContractChange {
  readonly type: ContractChangeType;
  /**
   * Where in the contract, dotted by name: `order_lines`, `order_lines.amount`,
   * `order_lines.lines[].sku` (`[]` is the element of an array), `order_lines.quality.rowCount`,
   * `slaProperties.latency`, `version`.
   */
  readonly path: string;
  /** The schema object the change belongs to (its new name); absent for contract-level changes. */
  readonly object?: string;
  readonly breaking: boolean;
  /** A governance event (classification lowered): never silent, even when not breaking. */
  readonly governance: boolean;
  /** One sentence that says what changed and, when breaking, why. */
  readonly message: string;
  /** Absent for additions. */
  readonly old?: ChangeLocation;
  /** Absent for removals. */
  readonly new?: ChangeLocation;
}
