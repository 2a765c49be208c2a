import type { SqlDialect, SqlTypeSpec } from './sql-dialect.js';

/** A physical type read as `name [(p [, s])] [WITH[OUT] TIME ZONE] [[]]` and found in a dialect. */
export interface SqlPhysicalType {
  /** The catalog name: lower-case, words single-spaced, time-zone phrase included. */
  readonly name: string;
  readonly spec: SqlTypeSpec;
  readonly params: readonly number[];
  readonly array: boolean;
  /** The type as the DDL writes it, rebuilt from the parsed parts (never the raw input). */
  readonly sql: string;
}

// Only words, digits, one parameter list, an optional time-zone phrase and `[]`: anything else
// (quotes, `;`, `--`, comments, expressions) does not parse, so it can never reach the DDL.
const SHAPE =
  /^([a-z][a-z0-9_]*(?: [a-z][a-z0-9_]*)*?)(?: ?\( ?(\d{1,10}) ?(?:, ?(\d{1,10}) ?)?\))?( (?:with|without) time zone)? ?(\[\])?$/;

function paramsFit(spec: SqlTypeSpec, params: readonly number[]): boolean {
  if (params.length > spec.maxParams) return false;
  const [first, second] = params;
  if (first === undefined) return true;
  const [min, max] = spec.firstParam ?? [0, Number.MAX_SAFE_INTEGER];
  if (first < min || first > max) return false;
  // The scale of a decimal fits in its precision.
  return second === undefined || second <= first;
}

/**
 * Reads a contract's `physicalType` as a built-in type of `dialect`. Undefined when it is not
 * one: an unknown or user-defined name, parameters the type does not take, or text that is not
 * a plain type at all. The caller then falls back to the logical type.
 */
export function parsePhysicalType(physicalType: string, dialect: SqlDialect): SqlPhysicalType | undefined {
  const normalized = physicalType.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = SHAPE.exec(normalized);
  if (match === null) return undefined;
  const [, base = '', first, second, zone = '', brackets] = match;
  const name = `${base}${zone}`;
  const spec = dialect.types.get(name);
  const params = [first, second].filter((p) => p !== undefined).map(Number);
  if (spec === undefined || !paramsFit(spec, params)) return undefined;
  const sql = `${base.toUpperCase()}${params.length > 0 ? `(${params.join(',')})` : ''}${zone.toUpperCase()}`;
  return {
    name,
    spec,
    params,
    array: brackets !== undefined,
    sql: brackets === undefined ? sql : dialect.arrayType(sql),
  };
}
