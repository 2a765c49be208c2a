import type { Obj } from './json-values.js';

/**
 * An array schema in one shape for every draft: the tuple (`prefixItems` in 2020-12, `items` as a
 * list before) and the schema of the items after it (`items` in 2020-12, `additionalItems`
 * before, `unevaluatedItems` when neither is given).
 */
export interface ArrayShape {
  readonly prefix: readonly unknown[];
  readonly prefixKeyword: 'prefixItems' | 'items';
  /** undefined: any items. */
  readonly rest: unknown;
  readonly restKeyword: 'items' | 'additionalItems' | 'unevaluatedItems';
}

export function arrayShape(schema: Obj): ArrayShape {
  let shape: ArrayShape;
  if (Array.isArray(schema.prefixItems)) {
    const rest = Array.isArray(schema.items) ? undefined : schema.items;
    shape = { prefix: schema.prefixItems, prefixKeyword: 'prefixItems', rest, restKeyword: 'items' };
  } else if (Array.isArray(schema.items)) {
    const rest = schema.additionalItems;
    shape = { prefix: schema.items, prefixKeyword: 'items', rest, restKeyword: 'additionalItems' };
  } else {
    shape = { prefix: [], prefixKeyword: 'items', rest: schema.items, restKeyword: 'items' };
  }
  if (shape.rest === undefined && schema.unevaluatedItems !== undefined) {
    return { ...shape, rest: schema.unevaluatedItems, restKeyword: 'unevaluatedItems' };
  }
  return shape;
}
