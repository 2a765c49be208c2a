/**
 * The DuckDB table functions that read one file for ingestion. Pure. Everything is read as text
 * (CSV) or with the contract's columns named (JSON), so that validation, not the reader's type
 * guessing, decides what is accepted; a file the reader cannot parse fails as a whole.
 */
import type { ColumnSpec } from '../column-spec.js';
import { quoteLiteral } from './duckdb-dialect.js';

export type FileFormat = 'csv' | 'json' | 'parquet';

export interface CsvReadOptions {
  readonly format: 'csv';
  /** Field separator; a single character (`\t` for tab-separated files). */
  readonly delimiter: string;
  readonly header: boolean;
  readonly quote: string;
  readonly escape: string;
}

export interface JsonReadOptions {
  readonly format: 'json';
  /** One object per line (NDJSON); otherwise DuckDB also accepts a top-level array. */
  readonly newlineDelimited: boolean;
}

export interface ParquetReadOptions {
  readonly format: 'parquet';
}

export type FileReadOptions = CsvReadOptions | JsonReadOptions | ParquetReadOptions;

function csvSql(path: string, options: CsvReadOptions, columns: readonly ColumnSpec[]): string {
  const args = [
    quoteLiteral(path),
    'all_varchar = true',
    `header = ${options.header}`,
    `delim = ${quoteLiteral(options.delimiter)}`,
    `quote = ${quoteLiteral(options.quote)}`,
    `escape = ${quoteLiteral(options.escape)}`,
    // Without a header, columns are the contract's, in order.
    ...(options.header ? [] : [`names = [${columns.map((c) => quoteLiteral(c.name)).join(', ')}]`]),
  ];
  return `read_csv(${args.join(', ')})`;
}

function jsonSql(path: string, options: JsonReadOptions, columns: readonly ColumnSpec[]): string {
  // Scalars as their text, objects and arrays as JSON: the same shape CSV gives validation.
  const types = columns.map(
    (c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.kind === 'composite' ? 'JSON' : 'VARCHAR')}`,
  );
  const format = options.newlineDelimited ? 'newline_delimited' : 'auto';
  return `read_json(${quoteLiteral(path)}, format = ${quoteLiteral(format)}, records = true, columns = {${types.join(', ')}})`;
}

/** `read_csv(...)`, `read_json(...)` or `read_parquet(...)` for one file. */
export function readFileSql(path: string, options: FileReadOptions, columns: readonly ColumnSpec[]): string {
  switch (options.format) {
    case 'csv':
      return csvSql(path, options, columns);
    case 'json':
      return jsonSql(path, options, columns);
    case 'parquet':
      return `read_parquet(${quoteLiteral(path)})`;
  }
}

/** The columns a reader yields (CSV: sniffs the header; Parquet: reads the footer). */
export function describeReaderSql(reader: string): string {
  return `DESCRIBE SELECT * FROM ${reader}`;
}
