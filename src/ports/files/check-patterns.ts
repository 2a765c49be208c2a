import type { ColumnSpec } from '../../engines/column-spec.js';
import { type DuckDBSession, quoteLiteral } from '../../engines/duckdb/index.js';
import { MeshplaneError } from '../../errors/index.js';

/**
 * Compiles every `pattern` of the contract with DuckDB's regex engine (RE2) before any file is
 * read: a pattern RE2 refuses is the contract's fault, and must not be recorded against a file as
 * a parse failure (which would never be retried). INVALID_INPUT names the column.
 */
export async function checkPatterns(
  session: DuckDBSession,
  port: string,
  columns: readonly ColumnSpec[],
): Promise<void> {
  for (const column of columns) {
    if (column.pattern === undefined) continue;
    try {
      await session.query(`SELECT regexp_matches('', ${quoteLiteral(column.pattern)}) AS ok`);
    } catch (error) {
      const why = error instanceof Error ? error.message.replace(/^duckdb: /, '') : String(error);
      throw new MeshplaneError(
        'INVALID_INPUT',
        `input port ${port}: the pattern of column ${column.name} is not a valid regular expression: ${why}`,
        { cause: error },
      );
    }
  }
}
