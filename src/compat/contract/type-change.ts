import { effectiveLogicalType } from '../../spec/export/property-facts.js';
import type { LogicalType, Property } from '../../spec/model/data-contract.js';
import { holdsEveryValue, normalizePhysicalType, physicalCapacity } from './physical-capacity.js';

/** How the type of a property changed: not at all, widened (every old value still fits), or otherwise. */
export type TypeVerdict = 'same' | 'widened' | 'changed';

/** The storage type a logical type gets when no physicalType is declared (see spec/export). */
const DEFAULT_PHYSICAL: Partial<Record<LogicalType, string>> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
};

function physical(property: Property): string | undefined {
  const declared = property.physicalType ?? DEFAULT_PHYSICAL[effectiveLogicalType(property) ?? 'object'];
  return declared === undefined ? undefined : normalizePhysicalType(declared);
}

/**
 * Judges a change of logicalType and physicalType together. The one logical widening is
 * integer -> number. date -> timestamp is a change, not a widening: values gain a time part and
 * their text form changes, so comparisons and parsers written for dates break. A physical type
 * that is dropped or added is judged against the default the logical type gets.
 */
export function typeVerdict(old: Property, next: Property): TypeVerdict {
  const oldLogical = effectiveLogicalType(old);
  const newLogical = effectiveLogicalType(next);
  const logicalWidened = oldLogical === 'integer' && newLogical === 'number';
  if (oldLogical !== newLogical && !logicalWidened) return 'changed';
  const samePhysical =
    (old.physicalType === undefined && next.physicalType === undefined) ||
    (old.physicalType !== undefined &&
      next.physicalType !== undefined &&
      normalizePhysicalType(old.physicalType) === normalizePhysicalType(next.physicalType));
  if (samePhysical) return logicalWidened ? 'widened' : 'same';
  const oldType = physical(old);
  const newType = physical(next);
  if (oldType === undefined || newType === undefined) return 'changed';
  const from = physicalCapacity(oldType);
  const to = physicalCapacity(newType);
  return from !== undefined && to !== undefined && holdsEveryValue(from, to) ? 'widened' : 'changed';
}

/** The type as users read it in a message: `integer (INTEGER)`, `string`, `untyped`. */
export function describeType(property: Property): string {
  const logical = effectiveLogicalType(property) ?? 'untyped';
  return property.physicalType === undefined ? logical : `${logical} (${property.physicalType})`;
}
