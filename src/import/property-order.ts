import type { OdcsProperty } from './odcs-types.js';

/** The order in which a person reads a property: identity, type, constraints, documentation, nesting. */
const KEY_ORDER: readonly (keyof OdcsProperty)[] = [
  'name',
  'physicalName',
  'businessName',
  'logicalType',
  'logicalTypeOptions',
  'physicalType',
  'required',
  'unique',
  'primaryKey',
  'primaryKeyPosition',
  'classification',
  'description',
  'tags',
  'examples',
  'quality',
  'relationships',
  'properties',
  'items',
  'authoritativeDefinitions',
  'customProperties',
];

/** The property with its keys in reading order (YAML keeps insertion order). */
export function inReadingOrder(property: OdcsProperty): OdcsProperty {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (property[key] !== undefined) out[key] = property[key];
  return out as OdcsProperty;
}
