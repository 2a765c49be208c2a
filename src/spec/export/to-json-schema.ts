import type { DataContract } from '../model/data-contract.js';
import { compact } from '../model/read-value.js';
import { type ContentModel, objectKeywords } from './json-schema-property.js';
import { JSON_SCHEMA_DIALECT, type JsonSchemaDocument } from './json-schema-types.js';
import { selectSchemaObject } from './select-schema-object.js';

/** Options of {@link contractToJsonSchema}. */
export interface JsonSchemaExportOptions {
  /** The schema object to describe, by `name`; the contract's first one when omitted. */
  readonly schemaObject?: string;
  /**
   * `open` (default): a record may carry properties the contract does not name, so consumers
   * validating with an older version accept records of a newer one that added a column.
   * `closed` writes `additionalProperties: false` on every object. See CONTEXT.md.
   */
  readonly contentModel?: ContentModel;
}

/**
 * A JSON Schema (draft 2020-12) for ONE record of one schema object of the contract. The output
 * is a pure function of the input: keys come in a fixed order and carry nothing that changes
 * when the schema does not (no contract version, no timestamps), so two exports compare as text.
 */
export function contractToJsonSchema(
  contract: DataContract,
  options: JsonSchemaExportOptions = {},
): JsonSchemaDocument {
  const object = selectSchemaObject(contract, options.schemaObject);
  const body = objectKeywords(object.properties, options.contentModel ?? 'open');
  return compact({
    $schema: JSON_SCHEMA_DIALECT as typeof JSON_SCHEMA_DIALECT,
    title: object.businessName ?? object.name,
    description: object.description,
    type: 'object' as const,
    properties: body.properties ?? {},
    required: body.required,
    additionalProperties: body.additionalProperties,
    'x-odcs-name': object.name === object.physicalName ? undefined : object.name,
    'x-odcs-physicalType': object.physicalType,
  });
}
