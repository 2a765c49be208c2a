/** The SQL dialects `contractToSqlDdl` writes. */
export type SqlDialectName = 'duckdb' | 'postgres';

/** What a physical type holds; decides whether it may stand for a logical type. */
export type SqlTypeFamily =
  | 'text'
  | 'uuid'
  | 'binary'
  | 'xml'
  | 'json'
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'float'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'interval';

/** A built-in type of a dialect, as a physical type may name it. */
export interface SqlTypeSpec {
  readonly family: SqlTypeFamily;
  /** How many parenthesized parameters the type takes: 0, or up to 1 or 2. */
  readonly maxParams: 0 | 1 | 2;
  /** Inclusive bounds of the first parameter (length, precision). */
  readonly firstParam?: readonly [min: number, max: number];
}

/** The column type a dialect writes for each logical type when no physical type can be used. */
export interface SqlLogicalTypeNames {
  readonly string: string;
  readonly date: string;
  readonly timestamp: string;
  readonly timestamptz: string;
  readonly time: string;
  readonly integer: string;
  readonly number: string;
  readonly boolean: string;
  /** For objects and arrays the dialect cannot type structurally. */
  readonly json: string;
}

/**
 * Everything dialect-specific about DDL generation. The generator branches on the capability
 * flags below, never on `name`, so a new dialect is one new object.
 */
export interface SqlDialect {
  /** For messages only. */
  readonly name: SqlDialectName;
  /** `STRUCT(a T, ...)` columns exist; otherwise an object with fields is stored as JSON. */
  readonly supportsStructTypes: boolean;
  /** Arrays may hold objects or arrays; otherwise such an array is stored as JSON. */
  readonly supportsArraysOfComposites: boolean;
  /** `COMMENT ON TABLE/COLUMN ... IS '...'` exists. */
  readonly supportsComments: boolean;
  readonly maxDecimalPrecision: number;
  /** Built-in types by lower-case name, words single-spaced (`double precision`). */
  readonly types: ReadonlyMap<string, SqlTypeSpec>;
  readonly logicalTypes: SqlLogicalTypeNames;
  /** The identifier as written in SQL: bare when that is safe, else double-quoted. */
  quoteIdentifier(name: string): string;
  /** A string literal that reads back as `text`. */
  stringLiteral(text: string): string;
  decimalType(precision: number, scale: number): string;
  arrayType(elementType: string): string;
  structType(fields: readonly { readonly name: string; readonly type: string }[]): string;
}
