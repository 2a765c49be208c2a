/**
 * A file input port's settings, read from its contract's server entry (`path`, `format`) and
 * `meshplane.port` object (`header`, `delimiter`, `quote`, `escape`). Pure.
 */
import path from 'node:path';
import type { ColumnSpec } from '../../engines/column-spec.js';
import type { CsvReadOptions, FileReadOptions } from '../../engines/duckdb/index.js';
import { MeshplaneError } from '../../errors/index.js';
import type { StoredInputPort } from '../../runtime/runtime-product.js';

export interface FilePortSpec {
  readonly port: string;
  /** Absolute glob of the files to ingest (DuckDB glob syntax: `*`, `?`, `**`, `[...]`). */
  readonly glob: string;
  /** The declared format; undefined means "by each file's extension". */
  readonly format: 'csv' | 'json' | 'ndjson' | 'parquet' | undefined;
  readonly csv: CsvReadOptions;
  readonly columns: readonly ColumnSpec[];
}

const FORMATS: Readonly<Record<string, FilePortSpec['format']>> = {
  csv: 'csv',
  tsv: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  parquet: 'parquet',
  pq: 'parquet',
};

function invalid(port: string, message: string): MeshplaneError {
  return new MeshplaneError('INVALID_INPUT', `input port ${port}: ${message}`);
}

function char(value: unknown, fallback: string, port: string, key: string): string {
  if (value === undefined) return fallback;
  if (value === 'tab' || value === '\\t') return '\t';
  if (typeof value !== 'string' || value.length !== 1) throw invalid(port, `${key} must be one character`);
  return value;
}

/** Reads the port's server entry and `meshplane.port` settings; `dir` is the product folder. */
export function filePortSpec(input: StoredInputPort, dir: string): FilePortSpec {
  const glob = input.server.settings.path;
  if (typeof glob !== 'string' || glob === '') throw invalid(input.name, 'the server entry has no path');
  const rawFormat = input.server.settings.format;
  const format = typeof rawFormat === 'string' ? FORMATS[rawFormat.toLowerCase()] : undefined;
  if (rawFormat !== undefined && format === undefined) {
    throw invalid(input.name, `format ${JSON.stringify(rawFormat)} is not one of csv, json, ndjson, parquet`);
  }
  const s = input.settings;
  const newline = s.delimiter === 'new_line' || s.delimiter === 'newline';
  const header = s.header ?? true;
  if (typeof header !== 'boolean') throw invalid(input.name, 'header must be true or false');
  return {
    port: input.name,
    glob: path.resolve(dir, glob),
    format: format === 'json' && newline ? 'ndjson' : format,
    csv: {
      format: 'csv',
      delimiter: newline ? ',' : char(s.delimiter, rawFormat === 'tsv' ? '\t' : ',', input.name, 'delimiter'),
      header,
      quote: char(s.quote, '"', input.name, 'quote'),
      escape: char(s.escape, '"', input.name, 'escape'),
    },
    columns: input.columns,
  };
}

/** The format of one file: the declared one, else its extension (a `.gz` / `.zst` suffix aside). */
export function readOptionsFor(spec: FilePortSpec, file: string): FileReadOptions | undefined {
  const extension = path
    .extname(file.replace(/\.(gz|zst)$/i, ''))
    .slice(1)
    .toLowerCase();
  const format = spec.format ?? FORMATS[extension];
  switch (format) {
    case 'csv':
      return extension === 'tsv' && spec.format === undefined ? { ...spec.csv, delimiter: '\t' } : spec.csv;
    case 'json':
      return { format: 'json', newlineDelimited: false };
    case 'ndjson':
      return { format: 'json', newlineDelimited: true };
    case 'parquet':
      return { format: 'parquet' };
    case undefined:
      return undefined;
  }
}
