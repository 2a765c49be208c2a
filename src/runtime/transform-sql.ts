/**
 * The SQL of a transform run around the team's own SELECT. Pure. The SELECT starts on line 2 of
 * the statement, unchanged, so DuckDB's error positions map back to the file: line - 1, same column.
 */
import { qualifiedName, quoteIdentifier } from '../engines/duckdb/index.js';
import type { RefreshMode } from './runtime-product.js';

export const RESULT_TABLE = '__meshplane_result';
export const RESULT_PREFIX = `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(RESULT_TABLE)} AS\n`;

/** The transform without trailing semicolons, so it can be embedded in one statement. */
export function transformBody(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

/** Materializes the transform's result in the session (a new line before the end keeps a trailing comment harmless). */
export function resultTableSql(sql: string): string {
  return `${RESULT_PREFIX}${transformBody(sql)}\n`;
}

/** A key of the result that appears twice: merge must not pick one of them silently. */
export function duplicateKeySql(primaryKey: readonly string[]): string {
  const keys = primaryKey.map(quoteIdentifier).join(', ');
  return `SELECT ${keys}, count(*) AS n FROM ${quoteIdentifier(RESULT_TABLE)} GROUP BY ALL HAVING count(*) > 1 LIMIT 1`;
}

/** The statements that write the result into the output table, by refresh mode; the last one's row count is the rows written. */
export function writeResultSql(table: readonly [string, string, string], mode: RefreshMode): string[] {
  const target = qualifiedName(...table);
  const select = `SELECT * FROM ${quoteIdentifier(RESULT_TABLE)}`;
  switch (mode) {
    case 'full':
      return [`DELETE FROM ${target}`, `INSERT INTO ${target} BY NAME ${select}`];
    case 'append':
      return [`INSERT INTO ${target} BY NAME ${select}`];
    case 'merge':
      return [`INSERT OR REPLACE INTO ${target} BY NAME ${select}`];
  }
}
