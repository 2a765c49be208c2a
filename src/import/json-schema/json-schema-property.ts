import { arr, compact, isObj, type Obj, str, strings } from '../../spec/model/read-value.js';
import { fitOptions } from '../fit-options.js';
import type { ImportGap } from '../imported-table.js';
import type { LogicalType, OdcsProperty } from '../odcs-types.js';
import { inReadingOrder } from '../property-order.js';
import { validValuesRule } from '../valid-values-rule.js';
import { type FlattenContext, flattenSchema } from './flatten-schema.js';
import { type JsonTypeMapping, jsonSchemaType } from './json-schema-type.js';

const MAX_DEPTH = 32;

const OPTION_KEYWORDS = [
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
] as const;

/** Keywords read here or harmless to leave out (annotations, identifiers, definitions). */
const READ = new Set<string>([
  ...OPTION_KEYWORDS,
  'exclusiveMinimum',
  'exclusiveMaximum',
  'type',
  'format',
  'enum',
  'const',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'title',
  'description',
  'examples',
  'example',
  'default',
  '$schema',
  '$id',
  'id',
  '$comment',
  '$anchor',
  '$defs',
  'definitions',
  'readOnly',
  'writeOnly',
  'deprecated',
  'contentEncoding',
  'contentMediaType',
]);

/** A property's type: the declared one, else the one its keywords imply. */
function declaredType(schema: Obj, where: string, gaps: ImportGap[]): string | undefined {
  const types = (Array.isArray(schema.type) ? strings(schema.type) : strings([schema.type])).filter(
    (t) => t !== 'null',
  );
  if (types.length > 1) {
    if (types.every((t) => t === 'integer' || t === 'number')) return 'number';
    gaps.push({ where, message: `one of several types (${types.join(', ')}): written as ${types[0]}` });
  }
  if (types[0] !== undefined) return types[0];
  if (isObj(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  const sample = Array.isArray(schema.enum) ? schema.enum.find((v) => v !== null) : schema.const;
  if (typeof sample === 'string') return 'string';
  if (typeof sample === 'number') return Number.isInteger(sample) ? 'integer' : 'number';
  if (typeof sample === 'boolean') return 'boolean';
  return typeof schema.format === 'string' ? 'string' : undefined;
}

/** Draft 4 marks a bound exclusive with `exclusiveMinimum: true`; later drafts give the bound. */
function optionCandidate(schema: Obj, mapping: JsonTypeMapping | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...mapping?.options };
  for (const key of OPTION_KEYWORDS) if (schema[key] !== undefined) out[key] = schema[key];
  for (const [exclusive, inclusive] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (schema[exclusive] === true && schema[inclusive] !== undefined) {
      out[exclusive] = schema[inclusive];
      delete out[inclusive];
    } else if (typeof schema[exclusive] === 'number') out[exclusive] = schema[exclusive];
  }
  return out;
}

function quality(schema: Obj) {
  const values = Array.isArray(schema.enum)
    ? schema.enum.filter((v) => v !== null)
    : schema.const === undefined
      ? []
      : [schema.const];
  return values.length > 0 ? [validValuesRule(values)] : undefined;
}

function examples(schema: Obj): unknown[] | undefined {
  const list = [...arr(schema.examples)];
  if (schema.example !== undefined) list.push(schema.example);
  return list.length > 0 ? list : undefined;
}

function unsupported(schema: Obj, where: string, gaps: ImportGap[]): void {
  for (const key of Object.keys(schema)) {
    if (!READ.has(key) && !key.startsWith('x-'))
      gaps.push({ where, message: `keyword '${key}' not carried over` });
  }
  if (isObj(schema.additionalProperties)) {
    gaps.push({
      where,
      message: 'additionalProperties with a schema (a map) not carried over: ODCS has no map type',
    });
  }
}

export interface PropertyContext extends FlattenContext {
  readonly depth: number;
  readonly refs: readonly string[];
}

function children(
  schema: Obj,
  logicalType: LogicalType | undefined,
  where: string,
  context: PropertyContext,
) {
  if (context.depth >= MAX_DEPTH) {
    context.gaps.push({
      where,
      message: `nested more than ${MAX_DEPTH} levels deep: inner properties dropped`,
    });
    return {};
  }
  const inner = { ...context, depth: context.depth + 1 };
  if (logicalType === 'object' && isObj(schema.properties)) {
    return { properties: objectProperties(schema, where, inner) };
  }
  if (logicalType === 'array') {
    if (Array.isArray(schema.items) || schema.prefixItems !== undefined) {
      context.gaps.push({ where, message: 'tuple items (one schema per position) not carried over' });
      return {};
    }
    if (schema.items === undefined) return {};
    return { items: jsonSchemaProperty(undefined, schema.items, true, `${where}.items`, inner) };
  }
  return {};
}

/**
 * One JSON Schema subschema as an ODCS property (`name` undefined for array items). `required`
 * says whether the parent lists it in `required`; ODCS `required` (never null) also needs the
 * schema not to allow null. A recursive `$ref` stops the walk with an object without properties.
 */
export function jsonSchemaProperty(
  name: string | undefined,
  raw: unknown,
  required: boolean,
  where: string,
  context: PropertyContext,
): OdcsProperty {
  const flat = flattenSchema(raw, where, context, context.refs);
  if (flat === undefined) return compact({ name, physicalName: name, logicalType: 'object' as const });
  const { schema } = flat;
  unsupported(schema, where, context.gaps);
  const type = declaredType(schema, where, context.gaps);
  const mapping = type === undefined ? undefined : jsonSchemaType(type, str(schema.format));
  if (type !== undefined && mapping === undefined) {
    context.gaps.push({ where, message: `type '${type}' has no ODCS counterpart: no logicalType written` });
  }
  const logicalType = mapping?.logicalType;
  const inner: PropertyContext = { ...context, refs: flat.refs };
  return inReadingOrder(
    compact({
      name,
      physicalName: name,
      businessName: str(schema.title),
      logicalType,
      logicalTypeOptions: fitOptions(logicalType, optionCandidate(schema, mapping), where, context.gaps),
      required: required && !flat.nullable ? true : undefined,
      description: str(schema.description),
      examples: examples(schema),
      quality: quality(schema),
      ...children(schema, logicalType, where, inner),
      customProperties:
        schema.default === undefined ? undefined : [{ property: 'defaultValue', value: schema.default }],
    }),
  );
}

/** The properties of an object schema, each `required` when the schema lists it. */
export function objectProperties(schema: Obj, where: string, context: PropertyContext): OdcsProperty[] {
  const required = new Set(strings(schema.required));
  const properties = isObj(schema.properties) ? schema.properties : {};
  return Object.entries(properties).map(([name, child]) =>
    jsonSchemaProperty(name, child, required.has(name), `${where}.properties.${name}`, context),
  );
}
