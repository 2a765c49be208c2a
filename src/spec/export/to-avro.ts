import type { DataContract, Property } from '../model/data-contract.js';
import { compact } from '../model/read-value.js';
import { AvroNameScope, avroNamespace } from './avro-name.js';
import { avroScalarType } from './avro-scalar-type.js';
import type { AvroField, AvroRecord, AvroSingleType } from './avro-types.js';
import { effectiveLogicalType, isRequired } from './property-facts.js';
import { selectSchemaObject } from './select-schema-object.js';

/** Options of {@link contractToAvro}. */
export interface AvroExportOptions {
  /** The schema object to describe, by `name`; the contract's first one when omitted. */
  readonly schemaObject?: string;
  /** Overrides the namespace derived from the contract's `domain` and `dataProduct`. */
  readonly namespace?: string;
}

/** Record names are unique across the whole schema, because Avro resolves named types by full name. */
interface Context {
  readonly records: AvroNameScope;
}

function singleType(property: Property, recordName: string, context: Context): AvroSingleType {
  const logicalType = effectiveLogicalType(property);
  if (logicalType === 'object' && property.properties.length > 0) {
    return record(recordName, property.description, property.properties, context);
  }
  if (logicalType === 'array') {
    const items = property.items;
    return { type: 'array', items: items === undefined ? 'string' : singleType(items, recordName, context) };
  }
  // An object without declared fields has no Avro record shape: it travels as JSON text.
  return logicalType === 'object' ? 'string' : avroScalarType(property);
}

function field(property: Property, fields: AvroNameScope, parent: string, context: Context): AvroField {
  const name = fields.claim(property.physicalName);
  // Nested records are named by their path (`order_customer`), so adding a field elsewhere
  // never renames them: a renamed record is an incompatible change for a schema registry.
  const type = singleType(property, `${parent}_${name}`, context);
  return isRequired(property)
    ? compact({ name, doc: property.description, type })
    : compact({ name, doc: property.description, type: ['null', type] as const, default: null });
}

function record(
  name: string,
  doc: string | undefined,
  properties: readonly Property[],
  context: Context,
  namespace?: string,
): AvroRecord {
  const recordName = context.records.claim(name);
  const fields = new AvroNameScope();
  // One field per physical name, the first wins (as in the other exports); `fields` then only
  // separates names that sanitize alike.
  const seen = new Set<string>();
  const unique = properties.filter((p) => !seen.has(p.physicalName) && seen.add(p.physicalName));
  return compact({
    type: 'record' as const,
    name: recordName,
    namespace,
    doc,
    fields: unique.map((p) => field(p, fields, recordName, context)),
  });
}

/**
 * An Avro record schema for ONE schema object of the contract: named after its physical name,
 * in the namespace `<domain>.<dataProduct>`. Optional properties are `["null", T]` with
 * `default: null`, so a reader with a newer schema that added one can read older records.
 */
export function contractToAvro(contract: DataContract, options: AvroExportOptions = {}): AvroRecord {
  const object = selectSchemaObject(contract, options.schemaObject);
  const parts =
    options.namespace === undefined ? [contract.domain, contract.dataProduct] : options.namespace.split('.');
  const namespace = avroNamespace(parts);
  return record(
    object.physicalName,
    object.description,
    object.properties,
    { records: new AvroNameScope() },
    namespace,
  );
}
