/**
 * Rows of an expected CSV file and of an output table, as text DuckDB writes the same way for the
 * same value: every cell is cast to the output contract's column type first (the files port's own
 * cast, `castSql`: numbers as numbers, timestamps with an offset as UTC instants), then to VARCHAR.
 * An empty CSV cell is NULL (DuckDB's CSV reader). Row counts are bounded.
 */
import type { ColumnSpec } from '../engines/column-spec.js';
import {
  type CsvReadOptions,
  castSql,
  type DuckDBDriver,
  describeReaderSql,
  qualifiedName,
  quoteIdentifier,
  readFileSql,
} from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { outputTable } from '../quality/runs/index.js';

/** A row as canonical text per column; null for NULL. */
export type CanonicalRow = readonly (string | null)[];

/** Expected files are plain CSV: a header row, commas, double quotes. */
const EXPECTED_CSV: CsvReadOptions = { format: 'csv', delimiter: ',', header: true, quote: '"', escape: '"' };

/** A cell of the expected file that is not a value of its column's type. */
export interface InvalidCell {
  /** 1-based data row of the file (the header is not counted). */
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly sqlType: string;
}

export interface ExpectedRows {
  /** The contract's columns the file has, in contract order. */
  readonly columns: readonly ColumnSpec[];
  /** Contract columns the file lacks. */
  readonly missingColumns: readonly string[];
  /** File columns the contract does not have. */
  readonly extraColumns: readonly string[];
  /** Values of `columns`, in the file's order. */
  readonly rows: readonly CanonicalRow[];
  readonly invalid: readonly InvalidCell[];
}

const alias = (i: number) => quoteIdentifier(`c${i}`);
const rawAlias = (i: number) => quoteIdentifier(`r${i}`);

function tooMany(what: string, max: number): MeshplaneError {
  return new MeshplaneError(
    'INVALID_INPUT',
    `${what} has more than ${max} rows; a test sample must be smaller`,
  );
}

/**
 * Reads `file` against `contract` (the output port's columns). INVALID_INPUT when DuckDB cannot
 * parse it or it has more than `maxRows` rows.
 */
export async function readExpectedRows(
  hub: DuckDBDriver,
  file: string,
  shown: string,
  contract: readonly ColumnSpec[],
  maxRows: number,
): Promise<ExpectedRows> {
  const reader = readFileSql(file, EXPECTED_CSV, contract);
  return hub.withSession(async (session) => {
    const described = await session.query(describeReaderSql(reader)).catch((error: unknown) => {
      throw new MeshplaneError('INVALID_INPUT', `${shown}: cannot read it as CSV: ${messageOf(error)}`, {
        cause: error,
      });
    });
    const header = described.map((r) => String(r.column_name));
    const byLower = new Map(header.map((h) => [h.toLowerCase(), h] as const));
    const columns = contract.filter((c) => byLower.has(c.name.toLowerCase()));
    const known = new Set(contract.map((c) => c.name.toLowerCase()));
    const source = (c: ColumnSpec) =>
      `${quoteIdentifier('f')}.${quoteIdentifier(byLower.get(c.name.toLowerCase()) ?? c.name)}`;
    const select = columns.flatMap((c, i) => [
      `CAST(${source(c)} AS VARCHAR) AS ${rawAlias(i)}`,
      `CAST(${castSql(c, source(c))} AS VARCHAR) AS ${alias(i)}`,
    ]);
    const rows =
      select.length === 0
        ? []
        : await session.query(`SELECT ${select.join(', ')} FROM ${reader} AS "f" LIMIT ${maxRows + 1}`);
    if (rows.length > maxRows) throw tooMany(shown, maxRows);
    const invalid: InvalidCell[] = [];
    const values = rows.map((row, r) =>
      columns.map((c, i) => {
        const raw = row[`r${i}`];
        const typed = row[`c${i}`];
        if (raw !== null && raw !== undefined && (typed === null || typed === undefined)) {
          invalid.push({ row: r + 1, column: c.name, value: String(raw), sqlType: c.sqlType });
        }
        return typed === null || typed === undefined ? null : String(typed);
      }),
    );
    return {
      columns,
      missingColumns: contract.filter((c) => !byLower.has(c.name.toLowerCase())).map((c) => c.name),
      extraColumns: header.filter((h) => !known.has(h.toLowerCase())),
      rows: values,
      invalid,
    };
  });
}

/** The output table's rows, `columns` only. INVALID_INPUT past `maxRows`. */
export async function readOutputRows(
  hub: DuckDBDriver,
  productId: string,
  portKey: string,
  columns: readonly ColumnSpec[],
  maxRows: number,
): Promise<CanonicalRow[]> {
  if (columns.length === 0) return [];
  const select = columns.map((c, i) => `CAST(${quoteIdentifier(c.name)} AS VARCHAR) AS ${alias(i)}`);
  const table = qualifiedName(...outputTable(productId, portKey));
  const rows = await hub.query(`SELECT ${select.join(', ')} FROM ${table} LIMIT ${maxRows + 1}`);
  if (rows.length > maxRows) throw tooMany(`output port ${portKey}`, maxRows);
  return rows.map((row) =>
    columns.map((_, i) => {
      const value = row[`c${i}`];
      return value === null || value === undefined ? null : String(value);
    }),
  );
}

function messageOf(error: unknown): string {
  return (
    (error instanceof Error ? error.message : String(error)).replace(/^duckdb: /, '').split('\n')[0] ?? ''
  );
}
