import { COMPATIBILITY_MODE_NAMES, type CompatibilityModeName } from '../../spec/model/mesh.js';
/**
 * Confluent Schema Registry's compatibility modes. BACKWARD: consumers on the new schema read
 * what producers on the earlier one wrote; FORWARD: consumers on the earlier schema read what
 * producers on the new one write; FULL: both. `_TRANSITIVE` checks every earlier version instead
 * of only the latest; NONE checks nothing.
 */
export type CompatibilityMode = CompatibilityModeName;

export const COMPATIBILITY_MODES: readonly CompatibilityMode[] = COMPATIBILITY_MODE_NAMES;

/**
 * `strict`: Confluent's rules. `lenient` also accepts the differences that only matter for
 * properties a writer never names (it assumes writers emit only the properties of their schema).
 * See CONTEXT.md for the exact list.
 */
export type RuleSet = 'strict' | 'lenient';

export function isCompatibilityMode(value: unknown): value is CompatibilityMode {
  return typeof value === 'string' && (COMPATIBILITY_MODES as readonly string[]).includes(value);
}
