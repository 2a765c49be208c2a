/**
 * The compatibility verdict on a new version of an ODCS contract against the versions before it,
 * as `meshplane compat`, `meshplane deploy` and the registry give it. Two views, one verdict:
 *
 * - the schema view: Confluent Schema Registry semantics (schema/) on the JSON Schema of each
 *   schema object, read the way Meshplane's data is written and read: a producer writes exactly
 *   the columns of its contract (exported `closed`), a consumer ignores columns it does not know
 *   (exported `open`);
 * - the contract view (contract/): what a table's consumers feel, property by property. Changes
 *   JSON Schema cannot see or that break consumers whatever the direction (a removed or renamed
 *   column or table, a changed primary key or physical type, a weakened SLA or quality
 *   guarantee) are incompatible in every mode but NONE. Changes of values (required, enums,
 *   constraints) are judged by the mode, in the direction it checks, through the schema view.
 *
 * Pure. See docs/adr/0006-contract-compatibility.md.
 */
import { contractToJsonSchema } from '../spec/export/to-json-schema.js';
import type { DataContract } from '../spec/model/data-contract.js';
import {
  type ContractChange,
  type ContractChangeType,
  type ContractSide,
  diffContracts,
} from './contract/index.js';
import {
  type CompatibilityMode,
  type CompatibilityResult,
  checkCompatibility,
  type RuleSet,
  type Schema,
  type SchemaDifference,
  type SchemaVersion,
} from './schema/index.js';

/** One line of the report: a contract change, or a schema difference that breaks the mode. */
export interface CompatChange {
  readonly type: string;
  readonly path: string;
  readonly compatible: boolean;
  readonly message: string;
  /** `contract` for ODCS-level changes, `schema` for JSON Schema differences. */
  readonly source: 'contract' | 'schema';
  /** For schema differences: the earlier version and the direction that failed. */
  readonly against?: string;
  readonly direction?: 'backward' | 'forward';
  readonly governance?: boolean;
  readonly old?: ContractChange['old'];
  readonly new?: ContractChange['new'];
}

export interface CompatReport {
  readonly compatible: boolean;
  readonly mode: CompatibilityMode;
  readonly policy: RuleSet;
  /** The version checked and the versions it was checked against, newest first. */
  readonly version: string;
  readonly against: readonly string[];
  readonly changes: readonly CompatChange[];
}

export interface ContractVersionSide extends ContractSide {
  /** Shown in the report: the contract version, or the file name. */
  readonly label: string;
}

/** A schema object of a contract as the engine reads it: open for readers, closed for writers. */
export function contractSchemaVersion(
  contract: DataContract,
  schemaObject: string,
  label: string,
): SchemaVersion {
  return {
    label,
    reader: contractToJsonSchema(contract, { schemaObject, contentModel: 'open' }) as Schema,
    writer: contractToJsonSchema(contract, { schemaObject, contentModel: 'closed' }) as Schema,
  };
}

function schemaChanges(result: CompatibilityResult, object: string): CompatChange[] {
  return result.checks.flatMap((check) =>
    check.differences
      .filter((d: SchemaDifference) => !d.compatible)
      .map((d) => ({
        type: d.type,
        path: `${object}${d.path.startsWith('#') ? d.path.slice(1) : d.path}`,
        compatible: false,
        message: `${d.message} (${check.direction} against ${check.against})`,
        source: 'schema' as const,
        against: check.against,
        direction: check.direction,
      })),
  );
}

/** Contract changes that break consumers in every direction, or that JSON Schema cannot see. */
const ALWAYS_BREAKING: ReadonlySet<ContractChangeType> = new Set<ContractChangeType>([
  'object-removed',
  'object-renamed',
  'property-removed',
  'property-renamed',
  'physical-name-changed',
  'type-changed',
  'primary-key-changed',
  'sla-weakened',
  'quality-rule-removed',
  'quality-threshold-loosened',
]);

function contractChange(change: ContractChange): CompatChange {
  return {
    type: change.type,
    path: change.path,
    compatible: !(change.breaking && ALWAYS_BREAKING.has(change.type)),
    message: change.message,
    source: 'contract',
    ...(change.governance ? { governance: true } : {}),
    ...(change.old === undefined ? {} : { old: change.old }),
    ...(change.new === undefined ? {} : { new: change.new }),
  };
}

/**
 * Checks `candidate` against `history` (oldest first) under `mode`. Schema objects are matched by
 * name; the contract view compares the candidate with the latest earlier version.
 */
export function compareContracts(
  candidate: ContractVersionSide,
  history: readonly ContractVersionSide[],
  mode: CompatibilityMode,
  policy: RuleSet = 'strict',
): CompatReport {
  const latest = history.at(-1);
  const against = [...history].reverse().map((h) => h.label);
  if (mode === 'NONE' || latest === undefined) {
    const changes = latest === undefined ? [] : diffContracts(latest, candidate).map(contractChange);
    return { compatible: true, mode, policy, version: candidate.label, against, changes };
  }
  const changes: CompatChange[] = diffContracts(latest, candidate).map(contractChange);
  let schemaCompatible = true;
  for (const object of candidate.contract.schema) {
    const earlier = history.filter((h) => h.contract.schema.some((s) => s.name === object.name));
    if (earlier.length === 0) continue;
    const result = checkCompatibility(
      mode,
      contractSchemaVersion(candidate.contract, object.name, candidate.label),
      earlier.map((h) => contractSchemaVersion(h.contract, object.name, h.label)),
      policy,
    );
    schemaCompatible &&= result.compatible;
    changes.push(...schemaChanges(result, object.name));
  }
  const compatible = schemaCompatible && changes.every((c) => c.compatible);
  return { compatible, mode, policy, version: candidate.label, against, changes };
}

/** Two plain JSON Schema documents (`meshplane compat a.schema.json b.schema.json`). */
export function compareJsonSchemas(
  candidate: { readonly label: string; readonly schema: Schema },
  history: readonly { readonly label: string; readonly schema: Schema }[],
  mode: CompatibilityMode,
  policy: RuleSet = 'strict',
): CompatReport {
  const version = (v: { label: string; schema: Schema }): SchemaVersion => ({
    label: v.label,
    reader: v.schema,
    writer: v.schema,
  });
  const result = checkCompatibility(mode, version(candidate), history.map(version), policy);
  const changes = result.checks.flatMap((check) =>
    check.differences.map((d) => ({
      type: d.type,
      path: d.path,
      compatible: d.compatible,
      message: d.message,
      source: 'schema' as const,
      against: check.against,
      direction: check.direction,
    })),
  );
  return {
    compatible: result.compatible,
    mode,
    policy,
    version: candidate.label,
    against: [...history].reverse().map((h) => h.label),
    changes,
  };
}
