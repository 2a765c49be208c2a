/** `meshplane import`: existing tables and schema documents into data products and ODCS contracts. See CONTEXT.md. */
export { avroToOdcs } from './avro/avro-to-odcs.js';
export { type ColumnType, columnType, type SourceEngine } from './column-type.js';
export { parseConnectionUrl, redactUrl, withoutPassword } from './connection-url.js';
export { dcsToOdcs } from './dcs/dcs-to-odcs.js';
export { formatGaps, formatProposal } from './import-report.js';
export type { ImportedColumn, ImportedForeignKey, ImportedTable, ImportGap } from './imported-table.js';
export { jsonSchemaToOdcs } from './json-schema/json-schema-to-odcs.js';
export { loadStructured, loadText, syntaxDiagnostic } from './load-source.js';
export type { Conversion, OdcsDocument } from './odcs-types.js';
export { type DomainProposal, proposeDomains } from './propose-domains.js';
export { renderYaml } from './render-yaml.js';
export { describeConnection, PASSWORD_ENV, type SourceConnection } from './source-connection.js';
export { DDL_DIALECTS, type DdlDialect, parseDdl } from './sql-ddl/parse-ddl.js';
export { sqlDdlToOdcs } from './sql-ddl/sql-ddl-to-odcs.js';
export { type ImportedProduct, SOURCE_PORT, tablesToProducts } from './tables-to-products.js';
export { type ImportTarget, readImportTarget, writeImport } from './write-import.js';
