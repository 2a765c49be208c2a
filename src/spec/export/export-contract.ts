import type { DataContract } from '../model/data-contract.js';
import { compact } from '../model/read-value.js';
import type { ContentModel } from './json-schema-property.js';
import type { SqlDialectName } from './sql-dialect.js';
import { contractToAvro } from './to-avro.js';
import { contractToJsonSchema } from './to-json-schema.js';
import { contractToSqlDdl } from './to-sql-ddl.js';

/** The formats `meshplane export --format` offers. */
export const EXPORT_FORMATS = ['jsonschema', 'avro', 'sql-ddl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True when `value` names an export format; for parsing a CLI flag. */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The union of every format's options; each format reads the ones it knows. */
export interface ExportOptions {
  /** jsonschema, avro: the schema object to describe, by name; the first when omitted. */
  readonly schemaObject?: string;
  /** jsonschema: `open` (default) or `closed` objects. */
  readonly contentModel?: ContentModel;
  /** avro: overrides the namespace derived from `domain` and `dataProduct`. */
  readonly namespace?: string;
  /** sql-ddl: `duckdb` (default, Meshplane's embedded engine) or `postgres`. */
  readonly dialect?: SqlDialectName;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The contract in `format`, as the text to write to a file or stdout (ends with a newline).
 * Throws MeshplaneError NOT_FOUND when `schemaObject` names no schema object, or the contract
 * has none to describe (jsonschema, avro).
 */
export function exportContract(
  contract: DataContract,
  format: ExportFormat,
  options: ExportOptions = {},
): string {
  const { schemaObject, contentModel, namespace, dialect } = options;
  switch (format) {
    case 'jsonschema':
      return json(contractToJsonSchema(contract, compact({ schemaObject, contentModel })));
    case 'avro':
      return json(contractToAvro(contract, compact({ schemaObject, namespace })));
    case 'sql-ddl':
      return contractToSqlDdl(contract, { dialect: dialect ?? 'duckdb' });
  }
}
