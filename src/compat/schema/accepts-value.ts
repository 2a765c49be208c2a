import { arrayShape } from './array-shape.js';
import type { CompareContext } from './compare-context.js';
import { typeSet, valueHasType } from './json-types.js';
import {
  canonicalJson,
  deepEqual,
  entriesOf,
  isObj,
  jsonTypeOf,
  type Obj,
  stringsOf,
} from './json-values.js';
import { lowerBound, upperBound } from './numeric-bounds.js';
import { matchesPattern } from './pattern-regex.js';
import { resolveSchema } from './resolve-schema.js';
import type { SchemaDocument } from './schema-document.js';
import { count, positive } from './schema-keywords.js';

const MAX_DEPTH = 64;

type Check = (schema: unknown, value: unknown) => boolean;

/**
 * Whether `value` is valid against `schema`: a small validator for the finite values a writer
 * may write (`enum`, `const`, booleans). `format` is not asserted. Where it cannot decide (an
 * unresolved `$ref`, a pattern that does not compile, nesting past 64 levels) it answers `unsure`.
 */
export function acceptsValue(
  ctx: CompareContext,
  schema: unknown,
  value: unknown,
  doc: SchemaDocument,
  unsure: boolean,
  depth = 0,
): boolean {
  if (depth > MAX_DEPTH) return unsure;
  const resolved = resolveSchema(ctx, schema, doc);
  if (!('schema' in resolved)) return unsure;
  const s = resolved.schema;
  if (s === false) return false;
  if (!isObj(s)) return true;
  const check: Check = (sub, v) => acceptsValue(ctx, sub, v, doc, unsure, depth + 1);
  const types = typeSet(s);
  const actual = jsonTypeOf(value);
  if (types !== undefined && ![...types].some((t) => valueHasType(actual, t))) return false;
  if (Array.isArray(s.enum) && !s.enum.some((e) => deepEqual(e, value))) return false;
  if (Object.hasOwn(s, 'const') && !deepEqual(s.const, value)) return false;
  if (typeof value === 'string' && !stringValid(s, value, unsure)) return false;
  if (typeof value === 'number' && !numberValid(s, value)) return false;
  if (Array.isArray(value) && !arrayValid(s, value, check)) return false;
  if (isObj(value) && !objectValid(s, value, check, unsure)) return false;
  return combinatorsValid(s, value, check, (sub, v) => acceptsValue(ctx, sub, v, doc, !unsure, depth + 1));
}

function combinatorsValid(s: Obj, value: unknown, check: Check, inverse: Check): boolean {
  if (Array.isArray(s.allOf) && !s.allOf.every((b) => check(b, value))) return false;
  if (Array.isArray(s.anyOf) && s.anyOf.length > 0 && !s.anyOf.some((b) => check(b, value))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.length > 0 && s.oneOf.filter((b) => check(b, value)).length !== 1)
    return false;
  if (Object.hasOwn(s, 'not') && inverse(s.not, value)) return false;
  if (s.if !== undefined) {
    const branch = check(s.if, value) ? s.then : s.else;
    if (branch !== undefined && !check(branch, value)) return false;
  }
  return true;
}

function stringValid(s: Obj, value: string, unsure: boolean): boolean {
  const length = [...value].length;
  const min = count(s.minLength);
  const max = count(s.maxLength);
  if ((min !== undefined && length < min) || (max !== undefined && length > max)) return false;
  if (typeof s.pattern === 'string') return matchesPattern(s.pattern, value) ?? unsure;
  return true;
}

function numberValid(s: Obj, value: number): boolean {
  const low = lowerBound(s);
  const high = upperBound(s);
  if (low !== undefined && (value < low.value || (low.exclusive && value === low.value))) return false;
  if (high !== undefined && (value > high.value || (high.exclusive && value === high.value))) return false;
  const step = positive(s.multipleOf);
  if (step === undefined) return true;
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9 * Math.max(1, Math.abs(ratio));
}

function arrayValid(s: Obj, value: readonly unknown[], check: Check): boolean {
  const min = count(s.minItems);
  const max = count(s.maxItems);
  if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) return false;
  if (s.uniqueItems === true && new Set(value.map((v) => canonicalJson(v))).size !== value.length)
    return false;
  const shape = arrayShape(s);
  for (const [index, item] of value.entries()) {
    const schema = index < shape.prefix.length ? shape.prefix[index] : shape.rest;
    if (schema !== undefined && !check(schema, item)) return false;
  }
  if (s.contains === undefined) return true;
  const matches = value.filter((item) => check(s.contains, item)).length;
  const minContains = count(s.minContains) ?? 1;
  const maxContains = count(s.maxContains);
  return matches >= minContains && (maxContains === undefined || matches <= maxContains);
}

function objectValid(s: Obj, value: Obj, check: Check, unsure: boolean): boolean {
  const keys = Object.keys(value);
  const min = count(s.minProperties);
  const max = count(s.maxProperties);
  if ((min !== undefined && keys.length < min) || (max !== undefined && keys.length > max)) return false;
  if (stringsOf(s.required).some((name) => !Object.hasOwn(value, name))) return false;
  const properties = isObj(s.properties) ? s.properties : {};
  const patterns = entriesOf(s.patternProperties);
  const additional = s.additionalProperties ?? s.unevaluatedProperties;
  for (const key of keys) {
    if (s.propertyNames !== undefined && !check(s.propertyNames, key)) return false;
    let known = false;
    if (Object.hasOwn(properties, key)) {
      known = true;
      if (!check(properties[key], value[key])) return false;
    }
    for (const [pattern, schema] of patterns) {
      const match = matchesPattern(pattern, key) ?? unsure;
      if (!match) continue;
      known = true;
      if (!check(schema, value[key])) return false;
    }
    if (!known && additional !== undefined && !check(additional, value[key])) return false;
  }
  return dependenciesValid(s, value, check);
}

function dependenciesValid(s: Obj, value: Obj, check: Check): boolean {
  const entries = [
    ...entriesOf(s.dependencies),
    ...entriesOf(s.dependentRequired),
    ...entriesOf(s.dependentSchemas),
  ];
  for (const [key, dependency] of entries) {
    if (!Object.hasOwn(value, key)) continue;
    if (Array.isArray(dependency)) {
      if (stringsOf(dependency).some((name) => !Object.hasOwn(value, name))) return false;
    } else if (!check(dependency, value)) return false;
  }
  return true;
}
