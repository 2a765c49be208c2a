/**
 * A row as a source generator makes it: values keyed by the contract property's `name`. Instants
 * (timestamps, dates, times) are epoch milliseconds; the encoder formats each value as the
 * contract's logical and physical type says, and a missing or null value is written as null.
 */
export type CellValue = string | number | boolean | null;

export type RowValues = Record<string, CellValue>;
