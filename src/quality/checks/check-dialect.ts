/**
 * The SQL text the checks need from an engine's dialect: quoting, text literals, casts to text and
 * a full-match regex. Pure. Identifier quoting is the engines' own; the rest is what quality rules
 * add on top.
 */
import {
  qualifiedName as duckdbQualifiedName,
  quoteIdentifier as duckdbQuoteIdentifier,
  quoteLiteral as duckdbQuoteLiteral,
} from '../../engines/duckdb/duckdb-dialect.js';
import {
  qualifiedName as postgresQualifiedName,
  quoteIdentifier as postgresQuoteIdentifier,
} from '../../engines/postgres/postgres-dialect.js';

export type CheckDialectName = 'duckdb' | 'postgres';

export interface CheckDialect {
  readonly name: CheckDialectName;
  quoteIdentifier(name: string): string;
  qualifiedName(...parts: readonly string[]): string;
  /** A string literal that reads back as `text` whatever the server's string settings. */
  quoteLiteral(text: string): string;
  /** `expression` as text, so text literals compare with any column type. */
  castText(expression: string): string;
  /** True when the whole of `text` matches `pattern` (anchored at both ends). */
  regexFullMatch(text: string, pattern: string): string;
  /**
   * `query` (one SELECT) wrapped so the server accepts one statement only: PostgreSQL parses a
   * statement with a parameter through the extended protocol, which refuses several commands.
   */
  singleQuerySql(query: string): { readonly sql: string; readonly params: readonly boolean[] };
  /** Whether two identifiers (unquoted) name the same column or table on this engine. */
  sameIdentifier(a: string, b: string): boolean;
}

const NUL = '\u0000';

/**
 * DuckDB compares identifiers without case for ASCII letters only: `"A"` and `"a"` are one
 * column, `"É"` and `"é"` two.
 */
function duckdbSameIdentifier(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return a === b || fold(a) === fold(b);
}

/**
 * PostgreSQL: an `E'...'` literal when the text holds a backslash, so the value is the same
 * whether `standard_conforming_strings` is on or off.
 */
function postgresLiteral(text: string): string {
  const clean = text.replaceAll(NUL, '').replaceAll("'", "''");
  return clean.includes('\\') ? `E'${clean.replaceAll('\\', '\\\\')}'` : `'${clean}'`;
}

export const DUCKDB_CHECK_DIALECT: CheckDialect = Object.freeze({
  name: 'duckdb' as const,
  quoteIdentifier: duckdbQuoteIdentifier,
  qualifiedName: duckdbQualifiedName,
  quoteLiteral: duckdbQuoteLiteral,
  castText: (expression: string) => `CAST(${expression} AS VARCHAR)`,
  regexFullMatch: (text: string, pattern: string) =>
    `regexp_full_match(${text}, ${duckdbQuoteLiteral(pattern)})`,
  // DuckDB runs every statement before the last one of a prepared text, so the DuckDB runner
  // checks that a query is one SELECT with DuckDB's own parser instead (run-duckdb-checks.ts).
  singleQuerySql: (query: string) => ({ sql: query, params: [] }),
  sameIdentifier: duckdbSameIdentifier,
});

export const POSTGRES_CHECK_DIALECT: CheckDialect = Object.freeze({
  name: 'postgres' as const,
  quoteIdentifier: postgresQuoteIdentifier,
  qualifiedName: postgresQualifiedName,
  quoteLiteral: postgresLiteral,
  castText: (expression: string) => `CAST(${expression} AS text)`,
  regexFullMatch: (text: string, pattern: string) => `(${text} ~ ${postgresLiteral(`^(?:${pattern})$`)})`,
  singleQuerySql: (query: string) => ({
    sql: `SELECT * FROM (\n${query}\n) AS "meshplane_rule" WHERE $1::boolean`,
    params: [true],
  }),
  // A quoted PostgreSQL identifier is exact; contracts name physical columns as stored.
  sameIdentifier: (a: string, b: string) => a === b,
});

/** The dialect of an engine name. */
export function checkDialect(name: CheckDialectName): CheckDialect {
  return name === 'duckdb' ? DUCKDB_CHECK_DIALECT : POSTGRES_CHECK_DIALECT;
}
