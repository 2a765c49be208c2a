import type { ImportGap } from '../imported-table.js';
import { newContract } from '../new-contract.js';
import type { Conversion } from '../odcs-types.js';
import { tableSchema } from '../table-schema.js';
import { type DdlDialect, type DdlSyntaxError, parseDdl } from './parse-ddl.js';

export interface SqlDdlOptions {
  readonly dialect: DdlDialect;
  /** The contract's id and name (the CLI uses the file name). */
  readonly name: string;
}

/**
 * A DDL script as one ODCS v3.1.0 contract: one schema object per CREATE TABLE, in script order
 * (see {@link parseDdl} and tableSchema). A script that does not parse gives the syntax error and
 * no document. Pure.
 */
export function sqlDdlToOdcs(
  text: string,
  options: SqlDdlOptions,
): (Conversion & { readonly ok: true }) | { readonly ok: false; readonly error: DdlSyntaxError } {
  const parsed = parseDdl(text, options.dialect);
  if (!parsed.ok) return parsed;
  const gaps: ImportGap[] = [...parsed.gaps];
  const schema = parsed.tables.map((table) => tableSchema(table, { engine: options.dialect }, gaps));
  return { ok: true, document: newContract({ id: options.name, name: options.name }, schema), gaps };
}
