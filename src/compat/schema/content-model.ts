import { entriesOf, isObj, type Obj, pointerSegment } from './json-values.js';
import { matchesPattern } from './pattern-regex.js';
import { acceptsEverything } from './schema-keywords.js';

/** What an object schema says about properties it does not name. */
export interface Additional {
  /** `true` (any value), `false` (none), or a schema. */
  readonly value: unknown;
  readonly keyword: 'additionalProperties' | 'unevaluatedProperties' | undefined;
}

/** `additionalProperties`, else `unevaluatedProperties`, else open. `{}` counts as `true`. */
export function additionalOf(schema: Obj): Additional {
  for (const keyword of ['additionalProperties', 'unevaluatedProperties'] as const) {
    const value = schema[keyword];
    if (typeof value === 'boolean' || isObj(value))
      return { value: value !== false && acceptsEverything(value) ? true : value, keyword };
  }
  return { value: true, keyword: undefined };
}

/** How a schema treats the value of one property name it may not name. */
export type Cover =
  | { readonly kind: 'open' }
  | { readonly kind: 'closed' }
  | {
      readonly kind: 'partial';
      readonly schemas: readonly { readonly schema: unknown; readonly path: string }[];
    };

/**
 * The content model for property `name`: the schemas of every `patternProperties` entry that
 * matches it (all apply), else `additionalProperties` (open when true or absent, closed when
 * false, partially open when a schema). Confluent calls the pattern and schema cases "partially
 * open content models".
 */
export function coverOf(schema: Obj, name: string): Cover {
  const matching = entriesOf(schema.patternProperties)
    .filter(([pattern]) => matchesPattern(pattern, name) === true)
    .map(([pattern, sub]) => ({ schema: sub, path: `/patternProperties/${pointerSegment(pattern)}` }));
  if (matching.length > 0) return { kind: 'partial', schemas: matching };
  const additional = additionalOf(schema);
  if (additional.value === true) return { kind: 'open' };
  if (additional.value === false) return { kind: 'closed' };
  return { kind: 'partial', schemas: [{ schema: additional.value, path: `/${additional.keyword}` }] };
}

/** Whether the schema may hold property names it does not list (any pattern or a non-false additional). */
export function allowsUnnamed(schema: Obj): boolean {
  return entriesOf(schema.patternProperties).length > 0 || additionalOf(schema).value !== false;
}
