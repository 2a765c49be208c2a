/**
 * Exports of an ODCS data contract to other schema languages: JSON Schema (one record), Avro
 * (one record) and SQL DDL (every table). Pure: data in, data out; see CONTEXT.md.
 */
export type { AvroField, AvroRecord, AvroType } from './avro-types.js';
export {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  exportContract,
  isExportFormat,
} from './export-contract.js';
export type { ContentModel } from './json-schema-property.js';
export {
  JSON_SCHEMA_DIALECT,
  type JsonSchema,
  type JsonSchemaDocument,
  ODCS_ANNOTATION_KEYWORDS,
} from './json-schema-types.js';
export type { SqlDialect, SqlDialectName } from './sql-dialect.js';
export { SQL_DIALECT_NAMES, SQL_DIALECTS } from './sql-dialects.js';
export { type AvroExportOptions, contractToAvro } from './to-avro.js';
export { contractToJsonSchema, type JsonSchemaExportOptions } from './to-json-schema.js';
export { contractToSqlDdl, contractToSqlStatements, type SqlDdlExportOptions } from './to-sql-ddl.js';
