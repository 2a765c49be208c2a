import { bool, compact, isObj, type Obj, str, strings } from '../../spec/model/read-value.js';
import { fitOptions } from '../fit-options.js';
import type { OdcsAuthoritativeDefinition, OdcsCustomProperty, OdcsProperty } from '../odcs-types.js';
import { validValuesRule } from '../valid-values-rule.js';
import type { DcsContext } from './dcs-context.js';
import { type DcsTypeMapping, dcsFieldType } from './dcs-field-type.js';
import { dcsQualityRules } from './dcs-quality.js';
import { resolveRef } from './dcs-ref.js';

/** Deeper nesting than this is reported instead of followed (a definition that contains itself). */
const MAX_DEPTH = 32;

/** ODCS's shorthand reference: `table.column`. */
const SHORTHAND = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

const OPTION_KEYS = ['minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum'] as const;

/** Field keys this converter reads; any other is kept as a custom property and reported. */
const HANDLED = new Set<string>([
  ...OPTION_KEYS,
  'type',
  'title',
  'description',
  'required',
  'unique',
  'primaryKey',
  'primary',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'const',
  'classification',
  'pii',
  'tags',
  'example',
  'examples',
  'references',
  'config',
  'lineage',
  'links',
  'fields',
  'items',
  'keys',
  'values',
  'precision',
  'scale',
  'quality',
]);

function typeOf(field: Obj, where: string, context: DcsContext): DcsTypeMapping | undefined {
  const text = str(field.type);
  if (text === undefined) {
    if (isObj(field.fields)) return { logicalType: 'object' };
    return isObj(field.items) ? { logicalType: 'array' } : undefined;
  }
  const mapping = dcsFieldType(text);
  if (mapping === undefined) {
    context.gaps.push({
      where,
      message: `type '${text}' is not a Data Contract Specification type: written as string`,
    });
    return { logicalType: 'string' };
  }
  if (mapping.approximate !== undefined) context.gaps.push({ where, message: mapping.approximate });
  return mapping;
}

function physicalType(
  field: Obj,
  mapping: DcsTypeMapping | undefined,
  context: DcsContext,
): string | undefined {
  const config = isObj(field.config) ? field.config : {};
  for (const key of context.physicalTypeKeys) if (typeof config[key] === 'string') return config[key];
  const type = str(field.type);
  if (mapping?.logicalType === 'number' && typeof field.precision === 'number') {
    const scale = typeof field.scale === 'number' ? field.scale : 0;
    return `${type === 'numeric' ? 'numeric' : 'decimal'}(${field.precision},${scale})`;
  }
  if (type?.toLowerCase() === 'map') {
    const part = (v: unknown) => (isObj(v) ? (str(v.type) ?? 'unknown') : 'unknown');
    return `map<${part(field.keys)},${part(field.values)}>`;
  }
  return type;
}

/** Draft-4 style `exclusiveMinimum: true` next to `minimum` is the newer `exclusiveMinimum: <n>`. */
function bounds(field: Obj): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [exclusive, inclusive] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const flag = field[exclusive];
    if (flag === true && field[inclusive] !== undefined) out[exclusive] = field[inclusive];
    else if (flag !== undefined && flag !== false) out[exclusive] = flag;
    else if (field[inclusive] !== undefined) out[inclusive] = field[inclusive];
  }
  return out;
}

function options(field: Obj, mapping: DcsTypeMapping | undefined, where: string, context: DcsContext) {
  const declared: Record<string, unknown> = {};
  for (const key of ['minLength', 'maxLength', 'pattern', 'format'] as const) {
    if (field[key] !== undefined) declared[key] = field[key];
  }
  Object.assign(declared, bounds(field));
  if (mapping?.logicalType !== 'number' && (field.precision !== undefined || field.scale !== undefined)) {
    context.gaps.push({ where, message: 'precision and scale dropped: they apply to numbers only' });
  }
  // The type's own options (`format: i64` for long) stay unless the field declares a valid replacement.
  const merged = { ...mapping?.options, ...fitOptions(mapping?.logicalType, declared, where, context.gaps) };
  return Object.keys(merged).length > 0 ? merged : undefined;
}

function examples(field: Obj): unknown[] | undefined {
  const list = Array.isArray(field.examples) ? [...field.examples] : [];
  if (field.example !== undefined) list.push(field.example);
  return list.length > 0 ? list : undefined;
}

function references(field: Obj, where: string, context: DcsContext) {
  const ref = field.references;
  if (ref === undefined) return undefined;
  if (typeof ref === 'string' && SHORTHAND.test(ref)) return [{ type: 'foreignKey' as const, to: ref }];
  context.gaps.push({
    where,
    message: `references ${JSON.stringify(ref)} dropped: ODCS needs 'table.column'`,
  });
  return undefined;
}

function links(field: Obj): OdcsAuthoritativeDefinition[] | undefined {
  if (!isObj(field.links)) return undefined;
  const out = Object.entries(field.links).flatMap(([type, url]) =>
    typeof url === 'string' ? [{ type, url }] : [],
  );
  return out.length > 0 ? out : undefined;
}

function customProperties(field: Obj, where: string, context: DcsContext): OdcsCustomProperty[] | undefined {
  const out: OdcsCustomProperty[] = [];
  for (const key of ['pii', 'config', 'lineage'] as const) {
    if (field[key] !== undefined) out.push({ property: key, value: field[key] });
  }
  for (const [key, value] of Object.entries(field)) {
    if (HANDLED.has(key)) continue;
    out.push({ property: key, value });
    context.gaps.push({
      where,
      message: `'${key}' is not a Data Contract Specification field: kept as a custom property`,
    });
  }
  return out.length > 0 ? out : undefined;
}

function quality(field: Obj, where: string, context: DcsContext) {
  const rules = dcsQualityRules(field.quality, `${where}.quality`, context.gaps);
  const values = Array.isArray(field.enum) ? field.enum : field.const === undefined ? [] : [field.const];
  if (values.length > 0) rules.push(validValuesRule(values));
  return rules.length > 0 ? rules : undefined;
}

function nested(
  field: Obj,
  mapping: DcsTypeMapping | undefined,
  where: string,
  context: DcsContext,
  depth: number,
) {
  const type = mapping?.logicalType;
  if (depth >= MAX_DEPTH && (field.fields !== undefined || field.items !== undefined)) {
    context.gaps.push({ where, message: `nested more than ${MAX_DEPTH} levels deep: inner fields dropped` });
    return {};
  }
  let properties: OdcsProperty[] | undefined;
  if (isObj(field.fields) && type === 'object') {
    properties = Object.entries(field.fields).map(([name, child]) =>
      dcsField(name, child, `${where}.fields.${name}`, context, depth + 1),
    );
  } else if (field.fields !== undefined) {
    context.gaps.push({ where, message: `fields dropped: only an object, record or struct has fields` });
  }
  if (isObj(field.values) && isObj(field.values.fields)) {
    context.gaps.push({ where, message: 'the fields of map values dropped: ODCS has no map type' });
  }
  let items: OdcsProperty | undefined;
  if (type === 'array' && isObj(field.items)) {
    items = dcsField(undefined, field.items, `${where}.items`, context, depth + 1);
  } else if (type === 'array' && mapping?.items !== undefined) {
    items = compact({ logicalType: mapping.items.logicalType, logicalTypeOptions: mapping.items.options });
  } else if (field.items !== undefined && type !== 'array') {
    context.gaps.push({ where, message: 'items dropped: only an array has items' });
  }
  return compact({ properties, items });
}

/**
 * One DCS field as an ODCS property; `name` is undefined for array items. `$ref`s are resolved
 * first; what ODCS cannot hold is reported in `context.gaps` at `where`, and unknown keys are kept
 * as custom properties so nothing is silently lost.
 */
export function dcsField(
  name: string | undefined,
  raw: unknown,
  where: string,
  context: DcsContext,
  depth = 0,
): OdcsProperty {
  if (!isObj(raw)) {
    context.gaps.push({ where, message: 'the field is not an object: only its name is kept' });
    return compact({ name, physicalName: name });
  }
  const field = resolveRef(raw, where, context);
  const mapping = typeOf(field, where, context);
  const tags = strings(field.tags);
  const primaryKey = bool(field.primaryKey) || bool(field.primary);
  return compact({
    name,
    physicalName: name,
    businessName: str(field.title),
    logicalType: mapping?.logicalType,
    logicalTypeOptions: options(field, mapping, where, context),
    physicalType: physicalType(field, mapping, context),
    required: bool(field.required) ? true : undefined,
    unique: bool(field.unique) ? true : undefined,
    primaryKey: primaryKey ? true : undefined,
    classification: str(field.classification),
    description: str(field.description),
    tags: tags.length > 0 ? [...tags] : undefined,
    examples: examples(field),
    quality: quality(field, where, context),
    relationships: references(field, where, context),
    ...nested(field, mapping, where, context, depth),
    authoritativeDefinitions: links(field),
    customProperties: customProperties(field, where, context),
  });
}
