import { isObj, type Obj } from './json-values.js';

/**
 * The keywords that constrain values. Everything else (title, description, default, examples,
 * $id, $schema, $comment, $defs, x-* and unknown keywords) is an annotation: never compared.
 */
export const ASSERTION_KEYWORDS: ReadonlySet<string> = new Set([
  '$ref',
  '$dynamicRef',
  '$recursiveRef',
  'type',
  'enum',
  'const',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'unevaluatedProperties',
  'minProperties',
  'maxProperties',
  'dependencies',
  'dependentRequired',
  'dependentSchemas',
  'propertyNames',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'minContains',
  'maxContains',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
]);

export const COMBINATOR_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'not'] as const;
export type SumKeyword = 'anyOf' | 'oneOf';

/** A keyword value that constrains nothing: `{}`, `true`, an empty list, a zero lower bound. */
function isVacuous(keyword: string, value: unknown): boolean {
  // `if` constrains nothing by itself (its `then` and `else` do); `not: {}` rejects everything.
  if (keyword === 'if') return true;
  if (keyword === 'not') return value === false;
  if (value === true) return keyword !== 'const' && keyword !== 'enum' && keyword !== 'uniqueItems';
  if (isObj(value) && Object.keys(value).length === 0) return keyword !== 'const' && keyword !== 'enum';
  if (Array.isArray(value) && value.length === 0) return keyword === 'required' || keyword === 'allOf';
  if (value === 0) return ['minLength', 'minItems', 'minProperties', 'minContains'].includes(keyword);
  return (
    (keyword === 'uniqueItems' && value === false) ||
    (keyword === 'exclusiveMinimum' && value === false) ||
    (keyword === 'exclusiveMaximum' && value === false)
  );
}

/**
 * True for `true`, and for a schema whose keywords are all annotations or vacuous. A value that is
 * not a schema at all (a number, a string) constrains nothing either; `false` accepts nothing.
 */
export function acceptsEverything(schema: unknown): boolean {
  if (schema === false) return false;
  if (!isObj(schema)) return true;
  for (const key in schema) {
    if (ASSERTION_KEYWORDS.has(key) && !isVacuous(key, schema[key])) return false;
  }
  return true;
}

export function hasCombinators(schema: Obj): boolean {
  return (
    nonEmptyList(schema.allOf) !== undefined ||
    nonEmptyList(schema.anyOf) !== undefined ||
    nonEmptyList(schema.oneOf) !== undefined ||
    Object.hasOwn(schema, 'not')
  );
}

/** The sum combinator of a schema (`oneOf` before `anyOf` when both are present). */
export function sumKeyword(schema: Obj): SumKeyword | undefined {
  if (nonEmptyList(schema.oneOf)) return 'oneOf';
  if (nonEmptyList(schema.anyOf)) return 'anyOf';
  return undefined;
}

export function nonEmptyList(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value : undefined;
}

/** A finite number, else undefined. */
export function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A non-negative finite number (lengths, counts), else undefined. */
export function count(value: unknown): number | undefined {
  const n = finite(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

/** A strictly positive finite number (`multipleOf`), else undefined. */
export function positive(value: unknown): number | undefined {
  const n = finite(value);
  return n !== undefined && n > 0 ? n : undefined;
}

/** The schema without some keywords; the same object when it has none of them. */
export function omitKeywords(schema: Obj, keywords: readonly string[]): Obj {
  if (!keywords.some((k) => Object.hasOwn(schema, k))) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) if (!keywords.includes(key)) out[key] = value;
  return out;
}
