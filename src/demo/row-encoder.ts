import type { Property } from '../spec/model/data-contract.js';
import { type CellText, cellText, isJsonLiteral } from './cell-format.js';
import type { CsvOptions } from './port-options.js';
import type { CellValue, RowValues } from './row-values.js';

/** Turns rows into lines of one file format, in the contract's column order and names. */
export interface RowEncoder {
  /** The first line of each file, with its newline; undefined when the format has none. */
  readonly header: string | undefined;
  /** One row as one line, with its newline. */
  encode(values: RowValues): string;
}

/** Where a column's value comes from when the row has none for it (see fallback-value.ts). */
export type MissingValue = (property: Property) => CellValue;

interface Column {
  readonly property: Property;
  readonly text: CellText;
}

function columns(properties: readonly Property[]): Column[] {
  return properties.map((property) => ({ property, text: cellText(property) }));
}

function cellValue(values: RowValues, column: Column, missing: MissingValue): CellValue {
  const value = values[column.property.name];
  return value === undefined ? missing(column.property) : value;
}

/** CSV with the server's delimiter, fields quoted only when they must be (RFC 4180). */
export function csvEncoder(
  properties: readonly Property[],
  options: CsvOptions,
  missing: MissingValue,
): RowEncoder {
  const cols = columns(properties);
  const special = new RegExp(`["\\r\\n${options.delimiter.replace(/[\\\]^-]/g, '\\$&')}]`);
  const field = (text: string | null) =>
    text === null ? '' : special.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  return {
    header: options.header
      ? `${properties.map((p) => field(p.physicalName)).join(options.delimiter)}\n`
      : undefined,
    encode: (values) => {
      let line = '';
      for (let i = 0; i < cols.length; i++) {
        const column = cols[i] as Column;
        if (i > 0) line += options.delimiter;
        line += field(column.text(cellValue(values, column, missing)));
      }
      return `${line}\n`;
    },
  };
}

/** One JSON object per line, keys in column order; null for a missing value. */
export function ndjsonEncoder(properties: readonly Property[], missing: MissingValue): RowEncoder {
  const cols = columns(properties).map((c) => ({
    ...c,
    key: `${JSON.stringify(c.property.physicalName)}:`,
    literal: isJsonLiteral(c.property),
  }));
  return {
    header: undefined,
    encode: (values) => {
      let line = '{';
      for (let i = 0; i < cols.length; i++) {
        const column = cols[i] as (typeof cols)[number];
        const value = cellValue(values, column, missing);
        const text = column.text(value);
        if (i > 0) line += ',';
        line += column.key;
        const bare =
          text === null || (column.literal && (typeof value === 'number' || typeof value === 'boolean'));
        line += text === null ? 'null' : bare ? text : JSON.stringify(text);
      }
      return `${line}}\n`;
    },
  };
}
