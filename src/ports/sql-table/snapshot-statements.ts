/** The SQL that empties a `sql-table` port before the new snapshot goes in. Pure. */
import { qualifiedName, quoteLiteral } from '../../engines/duckdb/index.js';
import { INPUT_SCHEMA, QUARANTINE_TABLE, SYSTEM_SCHEMA } from '../../runtime/storage-layout.js';

/** Removes the previous snapshot's rows and its quarantined records (run in the replacing transaction). */
export function clearSnapshotSql(alias: string, port: string): string[] {
  return [
    `DELETE FROM ${qualifiedName(alias, INPUT_SCHEMA, port)}`,
    `DELETE FROM ${qualifiedName(alias, SYSTEM_SCHEMA, QUARANTINE_TABLE)} WHERE port = ${quoteLiteral(port)}`,
  ];
}
