import { MeshplaneError } from '../../errors/index.js';
import { arr, compact, isObj, type Obj, str } from '../../spec/model/read-value.js';
import { fitOptions } from '../fit-options.js';
import type { ImportGap } from '../imported-table.js';
import { newContract } from '../new-contract.js';
import type { Conversion, OdcsProperty, OdcsSchemaObject } from '../odcs-types.js';
import { inReadingOrder } from '../property-order.js';
import { type AvroContext, avroType, register } from './avro-type.js';

export interface AvroImportOptions {
  /** The contract's id and name (the CLI uses the file name). */
  readonly name: string;
}

function fieldProperty(field: unknown, where: string, context: AvroContext): OdcsProperty | undefined {
  const name = isObj(field) ? str(field.name) : undefined;
  if (!isObj(field) || name === undefined) {
    context.gaps.push({ where, message: 'a field without a name dropped' });
    return undefined;
  }
  const at = `${where}.${name}`;
  const mapped = avroType(field.type, at, context);
  if (field.aliases !== undefined) context.gaps.push({ where: at, message: 'aliases not carried over' });
  const hasDefault = field.default !== undefined && !(mapped.nullable === true && field.default === null);
  return inReadingOrder(
    compact({
      name,
      physicalName: name,
      logicalType: mapped.logicalType,
      logicalTypeOptions: fitOptions(mapped.logicalType, mapped.logicalTypeOptions ?? {}, at, context.gaps),
      physicalType: mapped.physicalType,
      required: mapped.nullable === true ? undefined : true,
      description: str(field.doc) ?? mapped.description,
      quality: mapped.quality,
      properties: mapped.properties,
      items: mapped.items,
      customProperties: hasDefault ? [{ property: 'defaultValue', value: field.default }] : undefined,
    }),
  );
}

function recordFields(record: Obj, where: string, context: AvroContext): OdcsProperty[] {
  return arr(record.fields).flatMap((f) => fieldProperty(f, where, context) ?? []);
}

function schemaObject(record: Obj, context: AvroContext): OdcsSchemaObject {
  const name = str(record.name) ?? 'record';
  register(record, undefined, context);
  const namespace = str(record.namespace);
  return compact({
    name,
    physicalName: name,
    physicalType: 'record',
    logicalType: 'object' as const,
    description: str(record.doc),
    properties: recordFields(record, name, { ...context, expanding: [name] }),
    customProperties: namespace === undefined ? undefined : [{ property: 'namespace', value: namespace }],
  });
}

/**
 * An Avro schema (`.avsc`: a record, or a union of records) as one ODCS v3.1.0 contract with one
 * schema object per top-level record. Nested records, arrays, enums, unions with null (optional),
 * logical types and `doc` are kept (see avroType); what cannot be kept is a gap. Pure; throws
 * INVALID_INPUT when the schema holds no record.
 */
export function avroToOdcs(value: unknown, options: AvroImportOptions): Conversion {
  const gaps: ImportGap[] = [];
  const context: AvroContext = { named: new Map(), gaps, expanding: [], fields: recordFields };
  const roots = (Array.isArray(value) ? value : [value]).filter(
    (s): s is Obj => isObj(s) && (s.type === 'record' || s.type === 'error'),
  );
  if (roots.length === 0) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      'the Avro schema holds no record: nothing to describe as a table',
    );
  }
  if (Array.isArray(value) && roots.length < value.length) {
    gaps.push({
      where: '$',
      message: 'top-level types other than records are used only where records refer to them',
    });
  }
  // In file order, so that a record may use any named type declared before it.
  const schema = (Array.isArray(value) ? value : [value]).flatMap((item) => {
    if (roots.includes(item as Obj)) return [schemaObject(item as Obj, context)];
    if (isObj(item)) register(item, undefined, context);
    return [];
  });
  const first = roots[0];
  const head = {
    id: options.name,
    name: options.name,
    description: first === undefined ? undefined : str(first.doc),
  };
  return { document: newContract(head, schema), gaps };
}
