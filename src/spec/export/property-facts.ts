import type { LogicalType, Property } from '../model/data-contract.js';

/** A property whose value is never null: `required: true`, or part of the primary key. */
export function isRequired(property: Property): boolean {
  return property.required || property.primaryKey;
}

/**
 * The declared logical type; without one, `object` when the property has nested properties and
 * `array` when it has `items`, so structure is never lost to a missing `logicalType`.
 */
export function effectiveLogicalType(property: Property): LogicalType | undefined {
  if (property.logicalType !== undefined) return property.logicalType;
  if (property.properties.length > 0) return 'object';
  return property.items === undefined ? undefined : 'array';
}
