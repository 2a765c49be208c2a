/** DDL for product storage, idempotent (`IF NOT EXISTS`). Pure. */
import { qualifiedName, quoteIdentifier } from './duckdb-dialect.js';

export interface TableColumn {
  readonly name: string;
  readonly sqlType: string;
  readonly notNull: boolean;
}

export function createSchemaSql(catalog: string, schema: string): string {
  return `CREATE SCHEMA IF NOT EXISTS ${qualifiedName(catalog, schema)}`;
}

/** `CREATE TABLE IF NOT EXISTS` with NOT NULL columns and an optional primary key. */
export function createTableSql(
  table: readonly [catalog: string, schema: string, name: string],
  columns: readonly TableColumn[],
  primaryKey: readonly string[] = [],
): string {
  const lines = columns.map((c) => `${quoteIdentifier(c.name)} ${c.sqlType}${c.notNull ? ' NOT NULL' : ''}`);
  if (primaryKey.length > 0) lines.push(`PRIMARY KEY (${primaryKey.map(quoteIdentifier).join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS ${qualifiedName(...table)} (\n  ${lines.join(',\n  ')}\n)`;
}
