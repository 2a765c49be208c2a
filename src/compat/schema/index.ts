/**
 * Schema compatibility with Confluent Schema Registry semantics for JSON Schema (drafts 4 to
 * 2020-12), STRICT and LENIENT rule sets. Pure: runs in the browser. See CONTEXT.md.
 */
export {
  type CompatibilityCheck,
  type CompatibilityResult,
  checkCompatibility,
  type SchemaVersion,
} from './check-compatibility.js';
export { compareSchemas } from './compare-schemas.js';
export {
  COMPATIBILITY_MODES,
  type CompatibilityMode,
  isCompatibilityMode,
  type RuleSet,
} from './compatibility-mode.js';
export { DIFFERENCE_RULES, type DifferenceRule, type DifferenceType } from './difference-types.js';
export type { Schema, SchemaDifference } from './schema-difference.js';
