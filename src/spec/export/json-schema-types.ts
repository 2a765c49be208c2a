/** The `$schema` of every exported JSON Schema. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/**
 * The ODCS facts kept as annotation keywords. JSON Schema 2020-12 ignores unknown keywords, but a
 * strict validator (Ajv with `strict: true`) must be told about them: `ajv.addVocabulary(...)`.
 */
export const ODCS_ANNOTATION_KEYWORDS = [
  'x-odcs-name',
  'x-odcs-physicalType',
  'x-odcs-primaryKey',
  'x-odcs-primaryKeyPosition',
  'x-odcs-classification',
  'x-odcs-logicalTypeOptions',
  'x-odcs-validValues',
] as const;

export type OdcsAnnotationKeyword = (typeof ODCS_ANNOTATION_KEYWORDS)[number];

/** The subset of JSON Schema 2020-12 the exporter writes. */
export type JsonSchema = {
  readonly title?: string;
  readonly description?: string;
  readonly type?: JsonSchemaType | readonly JsonSchemaType[];
  readonly format?: string;
  readonly contentEncoding?: string;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly additionalProperties?: boolean;
  readonly examples?: readonly unknown[];
} & { readonly [K in OdcsAnnotationKeyword]?: unknown };

/** A JSON Schema document describing one record of an ODCS schema object. */
export type JsonSchemaDocument = JsonSchema & {
  readonly $schema: typeof JSON_SCHEMA_DIALECT;
  readonly type: 'object';
  readonly properties: Readonly<Record<string, JsonSchema>>;
};
