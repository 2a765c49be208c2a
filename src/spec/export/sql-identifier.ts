// Identifiers and literals cannot carry NUL (PostgreSQL rejects it), so it is dropped.
const NUL = '\u0000';
const BARE = /^[a-z_][a-z0-9_]*$/;

/**
 * Writes `name` bare when it is lower-case, plain and no keyword of the dialect (so it reads back
 * unchanged), else between double quotes with inner quotes doubled. Quoting an upper-case name
 * keeps its case: PostgreSQL would fold a bare one to lower case.
 */
export function quoteIdentifier(name: string, keywords: ReadonlySet<string>): string {
  const clean = name.replaceAll(NUL, '');
  return BARE.test(clean) && !keywords.has(clean) ? clean : `"${clean.replaceAll('"', '""')}"`;
}

/**
 * A standard SQL string literal: inner single quotes doubled. Backslashes are literal in both
 * dialects (PostgreSQL's standard_conforming_strings is on by default since 9.1).
 */
export function stringLiteral(text: string): string {
  return `'${text.replaceAll(NUL, '').replaceAll("'", "''")}'`;
}
