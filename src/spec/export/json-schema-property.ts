import type { LogicalType, Property } from '../model/data-contract.js';
import { compact } from '../model/read-value.js';
import { allowedValues } from './allowed-values.js';
import { mapLogicalTypeOptions } from './json-schema-options.js';
import type { JsonSchema, JsonSchemaType } from './json-schema-types.js';
import { effectiveLogicalType, isRequired } from './property-facts.js';

/** How object schemas treat properties the contract does not name. */
export type ContentModel = 'open' | 'closed';

const BASE_TYPE: Readonly<Record<LogicalType, JsonSchemaType>> = {
  string: 'string',
  date: 'string',
  timestamp: 'string',
  time: 'string',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
};

const TEMPORAL_FORMAT: Partial<Readonly<Record<LogicalType, string>>> = {
  date: 'date',
  timestamp: 'date-time',
  time: 'time',
};

function typeKeyword(logicalType: LogicalType | undefined, nullable: boolean) {
  if (logicalType === undefined) return undefined;
  const base = BASE_TYPE[logicalType];
  return nullable ? [base, 'null' as const] : base;
}

function enumKeyword(property: Property, nullable: boolean): readonly unknown[] | undefined {
  const allowed = allowedValues(property);
  if (allowed === undefined || !allowed.strict) return undefined;
  return nullable && !allowed.values.includes(null) ? [...allowed.values, null] : allowed.values;
}

function nonEmpty<T>(values: readonly T[]): readonly T[] | undefined {
  return values.length > 0 ? values : undefined;
}

/**
 * `properties`, `required` and `additionalProperties` of an object schema. Keys are physical
 * names (what a record carries); the first of two properties with one physical name wins.
 * `required` lists the properties with `required: true` or `primaryKey: true`.
 */
export function objectKeywords(properties: readonly Property[], contentModel: ContentModel): JsonSchema {
  const seen = new Set<string>();
  const unique = properties.filter((p) => !seen.has(p.physicalName) && seen.add(p.physicalName));
  return compact({
    properties:
      unique.length === 0
        ? undefined
        : Object.fromEntries(
            unique.map((p) => [p.physicalName, propertySchema(p, !isRequired(p), contentModel)]),
          ),
    required: nonEmpty(unique.filter(isRequired).map((p) => p.physicalName)),
    additionalProperties: contentModel === 'closed' ? false : undefined,
  });
}

/**
 * The JSON Schema of one property's value. `nullable` adds `null` to the type (and to `enum`):
 * ODCS `required: false` means the value may be null, and JSON has no other way to say so.
 */
export function propertySchema(
  property: Property,
  nullable: boolean,
  contentModel: ContentModel,
): JsonSchema {
  const logicalType = effectiveLogicalType(property);
  const { keywords, unmapped } = mapLogicalTypeOptions(logicalType, property.logicalTypeOptions);
  const allowed = allowedValues(property);
  return compact({
    title: property.businessName,
    description: property.description,
    type: typeKeyword(logicalType, nullable),
    format: logicalType === undefined ? undefined : TEMPORAL_FORMAT[logicalType],
    ...keywords,
    enum: enumKeyword(property, nullable),
    // Array elements are never null: ODCS `required` does not apply to `items`.
    items: property.items === undefined ? undefined : propertySchema(property.items, false, contentModel),
    ...(logicalType === 'object' ? objectKeywords(property.properties, contentModel) : {}),
    examples: nonEmpty(property.examples),
    'x-odcs-name': property.name === property.physicalName ? undefined : property.name,
    'x-odcs-physicalType': property.physicalType,
    'x-odcs-primaryKey': property.primaryKey ? true : undefined,
    'x-odcs-primaryKeyPosition': property.primaryKeyPosition,
    'x-odcs-classification': property.classification,
    'x-odcs-logicalTypeOptions': Object.keys(unmapped).length > 0 ? unmapped : undefined,
    'x-odcs-validValues': allowed !== undefined && !allowed.strict ? allowed.values : undefined,
  });
}
