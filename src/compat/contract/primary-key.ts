import type { Property } from '../../spec/model/data-contract.js';

/**
 * The primary key columns in key order: by primaryKeyPosition, then declaration order for
 * columns without one (the order spec/export uses for `PRIMARY KEY`).
 */
export function primaryKey(properties: readonly Property[]): readonly Property[] {
  return properties
    .map((property, index) => ({ property, index }))
    .filter(({ property }) => property.primaryKey)
    .sort(
      (a, b) =>
        (a.property.primaryKeyPosition ?? Number.POSITIVE_INFINITY) -
          (b.property.primaryKeyPosition ?? Number.POSITIVE_INFINITY) || a.index - b.index,
    )
    .map(({ property }) => property);
}
