import { effectiveLogicalType } from '../spec/export/property-facts.js';
import type { Property } from '../spec/model/data-contract.js';
import type { Random } from './random.js';
import type { CellValue } from './row-values.js';
import type { ValueRules } from './value-rules.js';

function primitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * A value for a contract column that no source generator knows (a column added to a contract
 * after the generator was written): one of its allowed values or examples, else null when it is
 * optional, else a neutral value of its type. `nowMs` stands in for instants.
 */
export function fallbackValue(
  property: Property,
  rules: ValueRules,
  random: Random,
  nowMs: number,
): CellValue {
  if (rules.allowed !== undefined && rules.allowed.length > 0) return random.pick(rules.allowed);
  const examples = property.examples.filter(primitive);
  if (examples.length > 0) return random.pick(examples);
  if (!rules.required) return null;
  switch (effectiveLogicalType(property)) {
    case 'integer':
    case 'number':
      return rules.minimum ?? 0;
    case 'boolean':
      return false;
    case 'date':
    case 'timestamp':
    case 'time':
      return nowMs;
    default:
      return 'n/a';
  }
}
