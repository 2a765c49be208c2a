import { CODES } from '../codes.js';
import type { Severity } from '../diagnostic.js';
import type { SchemaCode } from './finding.js';

/**
 * Findings that leave a document usable: in lenient mode they are warnings. A pattern is not among
 * them: patterns guard identifiers (domain and team names become SQL and URL names).
 */
const USABLE = new Set<SchemaCode>(['schema-unknown-property', 'schema-format', 'schema-unique-items']);

/**
 * The severity of a schema finding. Strict mode uses the catalog's severity. Lenient mode makes
 * usable findings warnings, and every finding of a document that a newer version of its standard
 * accepts; missing fields, wrong types, bad enum values, ranges and shapes stay errors otherwise.
 */
export function schemaSeverity(code: SchemaCode, lenient: boolean, validUnderNewer: boolean): Severity {
  if (lenient && (validUnderNewer || USABLE.has(code))) return 'warning';
  return CODES[code].severity;
}
