import { parseDecimalType } from '../../spec/export/decimal-type.js';

/** What a physical type can hold, for the families whose widening is safe to judge. */
export type PhysicalCapacity =
  | { readonly family: 'string'; readonly length?: number }
  | { readonly family: 'integer' | 'float'; readonly bytes: number }
  | { readonly family: 'decimal'; readonly precision: number; readonly scale: number };

const INTEGER_BYTES: Readonly<Record<string, number>> = {
  tinyint: 1,
  int1: 1,
  smallint: 2,
  int2: 2,
  short: 2,
  int: 4,
  integer: 4,
  int4: 4,
  signed: 4,
  bigint: 8,
  int8: 8,
  long: 8,
  hugeint: 16,
  int128: 16,
};

// `float` is DuckDB's 4-byte float, Meshplane's embedded engine.
const FLOAT_BYTES: Readonly<Record<string, number>> = {
  real: 4,
  float: 4,
  float4: 4,
  double: 8,
  'double precision': 8,
  float8: 8,
};

const STRING = /^(?:varchar|character varying|nvarchar|string|text)(?: ?\( ?(\d{1,10}) ?\))?$/;

/** Decimal digits every value of an integer of that many bytes needs. */
const INTEGER_DIGITS: Readonly<Record<number, number>> = { 1: 3, 2: 5, 4: 10, 8: 19, 16: 39 };

/** Lower-cased, single-spaced, trimmed: how two spellings of one physical type compare. */
export function normalizePhysicalType(physicalType: string): string {
  return physicalType.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Reads a physical type into a capacity; undefined for types outside the known families. */
export function physicalCapacity(physicalType: string): PhysicalCapacity | undefined {
  const type = normalizePhysicalType(physicalType);
  const string = STRING.exec(type);
  if (string !== null)
    return string[1] === undefined ? { family: 'string' } : { family: 'string', length: Number(string[1]) };
  const integer = INTEGER_BYTES[type];
  if (integer !== undefined) return { family: 'integer', bytes: integer };
  const float = FLOAT_BYTES[type];
  if (float !== undefined) return { family: 'float', bytes: float };
  const decimal = parseDecimalType(type);
  return decimal === undefined ? undefined : { family: 'decimal', ...decimal };
}

/**
 * True when every value of `old` is also a value of `next`, exactly: a longer or unbounded
 * string, a larger integer, a float of more bytes, a decimal with as many integer and fraction
 * digits, an integer into a decimal or a float that holds all its digits.
 */
export function holdsEveryValue(old: PhysicalCapacity, next: PhysicalCapacity): boolean {
  if (old.family === 'string' && next.family === 'string')
    return next.length === undefined || (old.length !== undefined && next.length >= old.length);
  if (old.family === 'integer' && next.family === 'integer') return next.bytes >= old.bytes;
  if (old.family === 'float' && next.family === 'float') return next.bytes >= old.bytes;
  if (old.family === 'decimal' && next.family === 'decimal')
    return next.precision - next.scale >= old.precision - old.scale && next.scale >= old.scale;
  if (old.family === 'integer' && next.family === 'decimal')
    return next.precision - next.scale >= (INTEGER_DIGITS[old.bytes] ?? Number.POSITIVE_INFINITY);
  // A 4-byte float has a 24-bit mantissa, an 8-byte one 53 bits.
  if (old.family === 'integer' && next.family === 'float') return old.bytes <= (next.bytes >= 8 ? 4 : 2);
  return false;
}
