import type { Server } from '../spec/model/data-contract.js';

/** The file formats the generator writes. */
export type FileFormat = 'csv' | 'ndjson' | 'parquet';

/** How a CSV source is written: from the server's `meshplane.port` custom property. */
export interface CsvOptions {
  readonly header: boolean;
  readonly delimiter: string;
}

function portSettings(server: Server): Readonly<Record<string, unknown>> {
  const value = server.customProperties.find((p) => p.property === 'meshplane.port')?.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The server's file format, or why the generator cannot write it. */
export function fileFormat(server: Server): FileFormat | { readonly unsupported: string } {
  const format = server.settings.format;
  const name = typeof format === 'string' ? format.toLowerCase() : '';
  if (name === 'csv') return 'csv';
  if (name === 'parquet') return 'parquet';
  if (name === 'json' || name === 'ndjson' || name === 'jsonl') {
    const delimiter = portSettings(server).delimiter;
    if (delimiter === undefined || delimiter === 'new_line') return 'ndjson';
    return { unsupported: `JSON delimited by '${String(delimiter)}' (only new_line is written)` };
  }
  return { unsupported: `format '${name || 'none'}' (csv, json and parquet are written)` };
}

/** Header and delimiter of a CSV server: a header and commas unless `meshplane.port` says otherwise. */
export function csvOptions(server: Server): CsvOptions {
  const settings = portSettings(server);
  const delimiter = settings.delimiter === 'tab' ? '\t' : settings.delimiter;
  return {
    header: settings.header !== false,
    delimiter: typeof delimiter === 'string' && delimiter.length === 1 ? delimiter : ',',
  };
}
