import { isObj } from './json-values.js';

/** The seven JSON Schema type names. */
export const JSON_TYPES = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

function isJsonType(value: unknown): value is JsonType {
  return typeof value === 'string' && (JSON_TYPES as readonly string[]).includes(value);
}

/**
 * The types a schema's `type` keyword allows, or undefined when it allows every type (no `type`,
 * or one that names no known type: validators reject such a schema, so it constrains nothing here).
 */
export function typeSet(schema: unknown): ReadonlySet<JsonType> | undefined {
  if (!isObj(schema)) return undefined;
  const raw = schema.type;
  if (raw === undefined) return undefined;
  const names = (Array.isArray(raw) ? raw : [raw]).filter(isJsonType);
  return names.length === 0 ? undefined : new Set(names);
}

/** Whether a value of JSON type `type` is allowed by `types` (undefined: any type). */
export function allowsType(types: ReadonlySet<JsonType> | undefined, type: JsonType): boolean {
  if (types === undefined || types.has(type)) return true;
  return type === 'integer' && types.has('number');
}

/** Whether a schema with `types` may hold values of `type` (integer values are numbers too). */
export function mayHold(types: ReadonlySet<JsonType> | undefined, type: JsonType): boolean {
  if (types === undefined || types.has(type)) return true;
  return type === 'number' && types.has('integer');
}

/** Whether a value of JSON type `actual` (`jsonTypeOf`) satisfies the JSON Schema type `wanted`. */
export function valueHasType(actual: string, wanted: JsonType): boolean {
  return actual === wanted || (wanted === 'number' && actual === 'integer');
}

export function describeTypes(types: ReadonlySet<JsonType> | readonly JsonType[] | undefined): string {
  if (types === undefined) return 'any type';
  const names = [...types];
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
