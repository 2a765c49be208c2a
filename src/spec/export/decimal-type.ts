/** Precision and scale of a fixed-point physical type. */
export interface DecimalType {
  readonly precision: number;
  readonly scale: number;
}

// DECIMAL / NUMERIC (SQL), NUMBER (Oracle, Snowflake), DEC: the spellings of a fixed-point type.
const DECIMAL = /^\s*(?:decimal|numeric|number|dec)\s*\(\s*(\d{1,4})\s*(?:,\s*(\d{1,4})\s*)?\)\s*$/i;

/**
 * Reads `DECIMAL(p,s)`-like physical types (scale 0 when omitted). Undefined for anything else,
 * including a scale larger than the precision, which no engine accepts.
 */
export function parseDecimalType(physicalType: string | undefined): DecimalType | undefined {
  const match = physicalType === undefined ? null : DECIMAL.exec(physicalType);
  if (match === null) return undefined;
  const precision = Number(match[1]);
  const scale = match[2] === undefined ? 0 : Number(match[2]);
  return precision >= 1 && scale <= precision ? { precision, scale } : undefined;
}
