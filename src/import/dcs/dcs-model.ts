import { compact, isObj, type Obj, str, strings } from '../../spec/model/read-value.js';
import type { OdcsCustomProperty, OdcsProperty, OdcsSchemaObject } from '../odcs-types.js';
import { inReadingOrder } from '../property-order.js';
import type { DcsContext } from './dcs-context.js';
import { dcsField } from './dcs-field.js';
import { dcsQualityRules } from './dcs-quality.js';

const HANDLED = new Set([
  'type',
  'title',
  'description',
  'fields',
  'primaryKey',
  'quality',
  'tags',
  'config',
  'namespace',
  'examples',
]);

/**
 * Primary key positions: from the model's `primaryKey` list when it has one, else the fields
 * marked `primaryKey` in declaration order. Names in the list that are no field are reported.
 */
function withKeyPositions(
  properties: readonly OdcsProperty[],
  keyList: readonly string[],
  where: string,
  context: DcsContext,
): OdcsProperty[] {
  const names = new Set(properties.map((p) => p.name));
  for (const key of keyList) {
    if (!names.has(key))
      context.gaps.push({ where, message: `primaryKey names '${key}', which is no field: dropped` });
  }
  const order =
    keyList.length > 0
      ? keyList.filter((k) => names.has(k))
      : properties.filter((p) => p.primaryKey === true).map((p) => p.name);
  return properties.map((p) => {
    const position = order.indexOf(p.name);
    return position < 0 ? p : inReadingOrder({ ...p, primaryKey: true, primaryKeyPosition: position + 1 });
  });
}

function customProperties(model: Obj, where: string, context: DcsContext): OdcsCustomProperty[] | undefined {
  const out: OdcsCustomProperty[] = [];
  for (const key of ['namespace', 'config'] as const) {
    if (model[key] !== undefined) out.push({ property: key, value: model[key] });
  }
  for (const [key, value] of Object.entries(model)) {
    if (HANDLED.has(key)) continue;
    out.push({ property: key, value });
    context.gaps.push({
      where,
      message: `'${key}' is not a Data Contract Specification model field: kept as a custom property`,
    });
  }
  return out.length > 0 ? out : undefined;
}

/** One DCS model (a table, view or message type) as an ODCS schema object named after its key. */
export function dcsModel(name: string, raw: unknown, where: string, context: DcsContext): OdcsSchemaObject {
  const model = isObj(raw) ? raw : {};
  if (!isObj(raw)) context.gaps.push({ where, message: 'the model is not an object: only its name is kept' });
  if (model.examples !== undefined) {
    context.gaps.push({ where, message: 'examples dropped: ODCS has examples per property only' });
  }
  const fields = isObj(model.fields) ? model.fields : {};
  if (model.fields !== undefined && !isObj(model.fields)) {
    context.gaps.push({ where, message: 'fields is not a mapping: dropped' });
  }
  const properties = Object.entries(fields).map(([field, value]) =>
    dcsField(field, value, `${where}.fields.${field}`, context),
  );
  const quality = dcsQualityRules(model.quality, `${where}.quality`, context.gaps);
  const tags = strings(model.tags);
  const keyList = typeof model.primaryKey === 'string' ? [model.primaryKey] : strings(model.primaryKey);
  return compact({
    name,
    physicalName: name,
    physicalType: str(model.type),
    logicalType: 'object' as const,
    businessName: str(model.title),
    description: str(model.description),
    tags: tags.length > 0 ? [...tags] : undefined,
    quality: quality.length > 0 ? quality : undefined,
    properties: withKeyPositions(properties, keyList, where, context),
    customProperties: customProperties(model, where, context),
  });
}
