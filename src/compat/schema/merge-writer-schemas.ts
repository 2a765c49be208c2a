import type { CompareContext } from './compare-context.js';
import { type JsonType, typeSet } from './json-types.js';
import { deepEqual, isObj, type Obj, stringsOf } from './json-values.js';
import { resolveOrAny } from './resolve-schema.js';
import type { SchemaDocument } from './schema-document.js';
import { acceptsEverything, finite, nonEmptyList, omitKeywords, positive } from './schema-keywords.js';

const NOTHING = Symbol('nothing');
const MAX_FLATTEN = 16;

const LOWER = new Set(['minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum']);
const UPPER = new Set(['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum']);
const SCHEMA_VALUED = new Set([
  'additionalProperties',
  'unevaluatedProperties',
  'additionalItems',
  'unevaluatedItems',
  'propertyNames',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);

/**
 * One schema for the conjunction of writer schemas (an `allOf`, or a `oneOf` branch with the
 * keywords around it). Where two keywords cannot be joined exactly it keeps the first and drops
 * the other: that only widens what the writer may write, so a check may report a difference that
 * is not real but never misses one. Built once per list of parts.
 */
export function mergeWriterSchemas(
  ctx: CompareContext,
  parts: readonly unknown[],
  doc: SchemaDocument,
): unknown {
  const key = `merge:${doc.id}:${parts.map((p) => ctx.idOf(p)).join(',')}`;
  return ctx.synthetic(key, () => merge(ctx, parts, doc));
}

function merge(ctx: CompareContext, parts: readonly unknown[], doc: SchemaDocument): unknown {
  const flat: Obj[] = [];
  let impossible = false;
  const add = (part: unknown, depth: number): void => {
    if (impossible || depth > MAX_FLATTEN) return;
    const schema = resolveOrAny(ctx, part, doc);
    if (schema === false) impossible = true;
    if (!isObj(schema) || acceptsEverything(schema)) return;
    flat.push(draft4Bounds(omitKeywords(schema, ['allOf'])));
    for (const branch of nonEmptyList(schema.allOf) ?? []) add(branch, depth + 1);
  };
  for (const part of parts) add(part, 0);
  if (impossible) return false;
  if (flat.length <= 1) return flat[0] ?? true;
  const out: Record<string, unknown> = {};
  for (const schema of flat) {
    for (const [key, value] of Object.entries(schema)) {
      const joined = Object.hasOwn(out, key) ? combine(key, out[key], value) : value;
      if (joined === NOTHING) return false;
      out[key] = joined;
    }
  }
  return out;
}

/** Draft-4 `minimum` + `exclusiveMinimum: true` as the later numeric form, so bounds join by value. */
function draft4Bounds(schema: Obj): Obj {
  let out = schema;
  for (const [plain, exclusive] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    const flag = out[exclusive];
    if (typeof flag !== 'boolean') continue;
    const rest = omitKeywords(out, [exclusive]);
    out =
      flag && finite(out[plain]) !== undefined
        ? { ...omitKeywords(rest, [plain]), [exclusive]: out[plain] }
        : rest;
  }
  return out;
}

function combine(key: string, a: unknown, b: unknown): unknown {
  if (LOWER.has(key) || UPPER.has(key)) {
    const x = finite(a);
    const y = finite(b);
    if (x === undefined || y === undefined) return x === undefined ? b : a;
    return LOWER.has(key) ? Math.max(x, y) : Math.min(x, y);
  }
  if (SCHEMA_VALUED.has(key)) return conjunction(a, b);
  if (SCHEMA_MAPS.has(key)) return joinMaps(a, b, conjunction);
  switch (key) {
    case 'type':
      return joinTypes(a, b);
    case 'enum':
      return Array.isArray(a) && Array.isArray(b) ? a.filter((x) => b.some((y) => deepEqual(x, y))) : a;
    case 'const':
      return deepEqual(a, b) ? a : NOTHING;
    case 'multipleOf':
      return joinMultipleOf(a, b);
    case 'required':
      return [...new Set([...stringsOf(a), ...stringsOf(b)])];
    case 'uniqueItems':
      return a === true || b === true;
    case 'dependentRequired':
      return joinMaps(a, b, (x, y) => [...new Set([...stringsOf(x), ...stringsOf(y)])]);
    case 'dependencies':
      return joinMaps(a, b, (x, y) =>
        Array.isArray(x) && Array.isArray(y)
          ? [...new Set([...stringsOf(x), ...stringsOf(y)])]
          : !Array.isArray(x) && !Array.isArray(y)
            ? conjunction(x, y)
            : x,
      );
    case 'items':
      if (Array.isArray(a) && Array.isArray(b)) return joinTuples(a, b);
      return Array.isArray(a) || Array.isArray(b) ? a : conjunction(a, b);
    case 'prefixItems':
      return Array.isArray(a) && Array.isArray(b) ? joinTuples(a, b) : a;
    case 'not':
      // not A and not B is not (A or B).
      return { anyOf: [a, b] };
    default:
      // pattern, format, contains, anyOf, oneOf, if/then/else, annotations: keep the first.
      return a;
  }
}

function conjunction(a: unknown, b: unknown): unknown {
  if (a === false || b === false) return false;
  if (acceptsEverything(a)) return b;
  if (acceptsEverything(b)) return a;
  if (deepEqual(a, b)) return a;
  return { allOf: [a, b] };
}

function joinTuples(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const length = Math.max(a.length, b.length);
  return Array.from({ length }, (_, i) =>
    i < a.length && i < b.length ? conjunction(a[i], b[i]) : (a[i] ?? b[i]),
  );
}

function joinMaps(a: unknown, b: unknown, join: (x: unknown, y: unknown) => unknown): unknown {
  if (!isObj(a) || !isObj(b)) return isObj(a) ? a : b;
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b))
    out[key] = Object.hasOwn(a, key) ? join(a[key], value) : value;
  return out;
}

function joinTypes(a: unknown, b: unknown): unknown {
  const x = typeSet({ type: a });
  const y = typeSet({ type: b });
  if (x === undefined || y === undefined) return x === undefined ? b : a;
  const both = new Set<JsonType>();
  for (const t of x) {
    if (y.has(t)) both.add(t);
    else if (t === 'integer' && y.has('number')) both.add('integer');
    else if (t === 'number' && y.has('integer')) both.add('integer');
  }
  return both.size === 0 ? NOTHING : [...both];
}

function joinMultipleOf(a: unknown, b: unknown): unknown {
  const x = positive(a);
  const y = positive(b);
  if (x === undefined || y === undefined) return x === undefined ? b : a;
  const ratio = Math.max(x, y) / Math.min(x, y);
  return Math.abs(ratio - Math.round(ratio)) < 1e-9 ? Math.max(x, y) : a;
}
