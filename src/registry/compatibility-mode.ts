/** The compatibility mode and rule set of a subject, and whether a change of mode lowers it. Pure. */
import { COMPATIBILITY_MODES, type CompatibilityMode, type RuleSet } from '../compat/index.js';
import { MeshplaneError } from '../errors/index.js';
import { customText } from '../runtime/custom-properties.js';
import type { DataContract } from '../spec/model/data-contract.js';
import type { RegistrySettings } from '../spec/model/mesh.js';

export const DEFAULT_REGISTRY: RegistrySettings = {
  compatibility: 'BACKWARD',
  policy: 'strict',
  activeConsumerDays: 30,
};

/** `meshplane.compatibility` / `meshplane.compatibilityPolicy` of the contract, else the mesh's. */
export function subjectRules(
  contract: DataContract,
  registry: RegistrySettings,
): { readonly mode: CompatibilityMode; readonly policy: RuleSet } {
  const declared = customText(contract.customProperties, 'meshplane.compatibility')?.toUpperCase();
  if (declared !== undefined && !COMPATIBILITY_MODES.includes(declared as CompatibilityMode)) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `contract ${contract.id}: meshplane.compatibility must be one of ${COMPATIBILITY_MODES.join(', ')}, got '${declared}'`,
    );
  }
  const policy = customText(contract.customProperties, 'meshplane.compatibilityPolicy')?.toLowerCase();
  if (policy !== undefined && policy !== 'strict' && policy !== 'lenient') {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `contract ${contract.id}: meshplane.compatibilityPolicy must be strict or lenient, got '${policy}'`,
    );
  }
  return {
    mode: (declared as CompatibilityMode | undefined) ?? registry.compatibility,
    policy: (policy as RuleSet | undefined) ?? registry.policy,
  };
}

const COVERS: Readonly<Record<CompatibilityMode, readonly CompatibilityMode[]>> = {
  NONE: ['NONE'],
  BACKWARD: ['NONE', 'BACKWARD'],
  FORWARD: ['NONE', 'FORWARD'],
  BACKWARD_TRANSITIVE: ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE'],
  FORWARD_TRANSITIVE: ['NONE', 'FORWARD', 'FORWARD_TRANSITIVE'],
  FULL: ['NONE', 'BACKWARD', 'FORWARD', 'FULL'],
  FULL_TRANSITIVE: [...COMPATIBILITY_MODES],
};

/** True when `next` guarantees less than `previous` (it does not cover every check `previous` made). */
export function modeLowered(previous: CompatibilityMode, next: CompatibilityMode): boolean {
  return !COVERS[next].includes(previous);
}
