import { parseDecimalType } from '../spec/export/decimal-type.js';
import { effectiveLogicalType } from '../spec/export/property-facts.js';
import type { Property } from '../spec/model/data-contract.js';
import type { CellValue } from './row-values.js';
import { isoDate, isoTime, isoTimestamp, sqlTimestamp } from './time-format.js';

/** A value as text, or null for a missing one. */
export type CellText = (value: CellValue | undefined) => string | null;

/** A SQL timestamp column (`TIMESTAMP`, `DATETIME`) gets `2025-01-03 11:47:00`; text gets ISO 8601 with Z. */
function timestampText(property: Property): (ms: number) => string {
  return /^\s*(timestamp|datetime)/i.test(property.physicalType ?? '') ? sqlTimestamp : isoTimestamp;
}

/**
 * How a property's values are written, from its logical type (instants given as epoch ms become
 * dates, times or timestamps) and physical type (a `DECIMAL(p,s)` keeps `s` decimals). The text is
 * the same for CSV and JSON; JSON then quotes strings.
 */
export function cellText(property: Property): CellText {
  const logicalType = effectiveLogicalType(property);
  const decimals = parseDecimalType(property.physicalType)?.scale;
  const timestamp = timestampText(property);
  return (value) => {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'number') return String(value);
    switch (logicalType) {
      case 'timestamp':
        return timestamp(value);
      case 'date':
        return isoDate(value);
      case 'time':
        return isoTime(value);
      case 'integer':
        return String(Math.trunc(value));
      default:
        return decimals === undefined ? String(value) : value.toFixed(decimals);
    }
  };
}

/** Whether JSON writes the property's text bare (numbers, booleans) rather than as a string. */
export function isJsonLiteral(property: Property): boolean {
  const logicalType = effectiveLogicalType(property);
  return logicalType === 'integer' || logicalType === 'number' || logicalType === 'boolean';
}
