/**
 * Record-level validation in bulk: SQL expressions that cast a source column to its declared
 * type and name, per row, why the row breaks the contract. Pure; DuckDB evaluates them over a
 * whole file at once (`TRY_CAST`, `regexp_matches`), never row by row in JavaScript.
 */
import type { ColumnSpec } from '../column-spec.js';
import { quoteIdentifier, quoteLiteral, valueLiteral } from './duckdb-dialect.js';

/** The SQL expression that reads a column from the source, or undefined when the source lacks it. */
export type SourceOf = (column: ColumnSpec) => string | undefined;

/** The staged column of the same name, quoted, qualified by `alias` when given. */
export function stagedColumn(alias?: string): SourceOf {
  const prefix = alias === undefined ? '' : `${quoteIdentifier(alias)}.`;
  return (column) => `${prefix}${quoteIdentifier(column.name)}`;
}

const LOCAL_TIMESTAMP = /^(TIMESTAMP(_S|_MS|_NS)?|DATETIME)$/i;

/** The source value cast to the column's type; NULL when it cannot be cast (never an error). */
export function castSql(column: ColumnSpec, source: string | undefined): string {
  if (source === undefined) return `CAST(NULL AS ${column.sqlType})`;
  // Objects and arrays arrive as JSON text (CSV, JSON) or as nested values (Parquet).
  if (column.kind === 'composite') return `TRY_CAST(TRY_CAST(${source} AS JSON) AS ${column.sqlType})`;
  if (LOCAL_TIMESTAMP.test(column.sqlType)) {
    // A plain TIMESTAMP cast drops an offset (`09:14+02:00` would read 09:14). TIMESTAMPTZ applies
    // it; its epoch is UTC, the hub's zone (and cheaper than a TIMESTAMPTZ -> TIMESTAMP cast).
    const utc = `make_timestamp(epoch_us(TRY_CAST(${source} AS TIMESTAMPTZ)))`;
    return /^(TIMESTAMP|DATETIME)$/i.test(column.sqlType) ? utc : `CAST(${utc} AS ${column.sqlType})`;
  }
  return `TRY_CAST(${source} AS ${column.sqlType})`;
}

/** At most 80 characters of the offending value, quoted, for the reason text. */
function shown(source: string): string {
  return `'''' || left(CAST(${source} AS VARCHAR), 80) || ''''`;
}

function message(column: ColumnSpec, ...parts: string[]): string {
  return [quoteLiteral(`${column.name}: `), ...parts].join(' || ');
}

function bound(column: ColumnSpec, value: number | string): string {
  if (typeof value === 'number' && column.kind !== 'temporal') return valueLiteral(value);
  return `TRY_CAST(${quoteLiteral(String(value))} AS ${column.sqlType})`;
}

function allowed(column: ColumnSpec, value: string | number | boolean): string {
  if (column.kind === 'text' || typeof value !== 'string') return valueLiteral(value);
  return `TRY_CAST(${quoteLiteral(value)} AS ${column.sqlType})`;
}

function rangeChecks(column: ColumnSpec, typed: string, source: string): string[] {
  if (column.kind !== 'integer' && column.kind !== 'number' && column.kind !== 'temporal') return [];
  const checks: string[] = [];
  const { minimum, maximum } = column;
  if (minimum !== undefined) {
    const [op, words] = column.exclusiveMinimum === true ? ['<=', 'not above'] : ['<', 'below'];
    const text = quoteLiteral(` is ${words} the minimum ${minimum}`);
    checks.push(`WHEN ${typed} ${op} ${bound(column, minimum)} THEN ${message(column, shown(source), text)}`);
  }
  if (maximum !== undefined) {
    const [op, words] = column.exclusiveMaximum === true ? ['>=', 'not below'] : ['>', 'above'];
    const text = quoteLiteral(` is ${words} the maximum ${maximum}`);
    checks.push(`WHEN ${typed} ${op} ${bound(column, maximum)} THEN ${message(column, shown(source), text)}`);
  }
  return checks;
}

function textChecks(column: ColumnSpec, source: string): string[] {
  const text = `CAST(${source} AS VARCHAR)`;
  const checks: string[] = [];
  if (column.pattern !== undefined) {
    // JSON Schema semantics (what `meshplane export` publishes): the pattern is not anchored.
    const words = quoteLiteral(` does not match the pattern ${column.pattern}`);
    checks.push(
      `WHEN NOT regexp_matches(${text}, ${quoteLiteral(column.pattern)}) THEN ${message(column, shown(source), words)}`,
    );
  }
  if (column.minLength !== undefined) {
    const words = quoteLiteral(` is shorter than ${column.minLength} characters`);
    checks.push(`WHEN length(${text}) < ${column.minLength} THEN ${message(column, shown(source), words)}`);
  }
  if (column.maxLength !== undefined) {
    const words = quoteLiteral(` is longer than ${column.maxLength} characters`);
    checks.push(`WHEN length(${text}) > ${column.maxLength} THEN ${message(column, shown(source), words)}`);
  }
  return checks;
}

/**
 * The first failing check of one column, as a CASE expression; NULL when the value is fine.
 * `typed` is the value already cast (e.g. a column computed once by an inner query); by default
 * the cast is written here.
 */
export function columnReasonSql(
  column: ColumnSpec,
  source: string | undefined,
  typed: string | undefined = undefined,
): string | undefined {
  if (source === undefined) {
    return column.required ? quoteLiteral(`${column.name}: the column is missing`) : undefined;
  }
  typed ??= castSql(column, source);
  const checks: string[] = [];
  if (column.required) {
    checks.push(`WHEN ${source} IS NULL THEN ${quoteLiteral(`${column.name}: a value is required`)}`);
  }
  const typeWords = quoteLiteral(` is not a valid ${column.sqlType}`);
  checks.push(
    `WHEN ${source} IS NOT NULL AND ${typed} IS NULL THEN ${message(column, shown(source), typeWords)}`,
  );
  if (column.kind === 'integer') {
    // TRY_CAST rounds '1.5' to 2: a value with a fraction or an exponent must survive as a double.
    const text = `lower(CAST(${source} AS VARCHAR))`;
    const fraction = `(contains(${text}, '.') OR contains(${text}, 'e'))`;
    const words = quoteLiteral(' is not a whole number');
    checks.push(
      `WHEN ${fraction} AND TRY_CAST(${source} AS DOUBLE) <> ${typed} THEN ${message(column, shown(source), words)}`,
    );
  }
  if (column.validValues !== undefined && column.validValues.length > 0) {
    const list = column.validValues.map((v) => allowed(column, v)).join(', ');
    const words = quoteLiteral(` is not one of ${column.validValues.join(', ')}`);
    checks.push(`WHEN ${typed} NOT IN (${list}) THEN ${message(column, shown(source), words)}`);
  }
  checks.push(...textChecks(column, source), ...rangeChecks(column, typed, source));
  return `CASE ${checks.join(' ')} END`;
}

/**
 * Why a row is rejected: every failing column's reason joined by `; `, or NULL when the row
 * passes. `sourceOf` says how to read each column as read; `typedOf`, when given, where the
 * cast value of each column already is.
 */
export function rejectReasonSql(
  columns: readonly ColumnSpec[],
  sourceOf: SourceOf,
  typedOf?: (column: ColumnSpec, index: number) => string,
): string {
  const reasons = columns.flatMap((c, i) => columnReasonSql(c, sourceOf(c), typedOf?.(c, i)) ?? []);
  if (reasons.length === 0) return 'CAST(NULL AS VARCHAR)';
  return `NULLIF(concat_ws('; ', ${reasons.join(', ')}), '')`;
}
