import type { Dialect, Kysely } from 'kysely';

/** How the store reads a driver error: the few failures it turns into its own error codes. */
export type StoreFailure = 'conflict' | 'invalid' | 'unavailable';

/**
 * A database the control store can run on: a Kysely dialect plus what only the driver knows.
 * Everything above this interface is one code path for SQLite and PostgreSQL.
 */
export interface StoreDialect {
  readonly dialect: Dialect;
  /** Where the database is, fit for an error message: never a password. */
  readonly target: string;
  /** Recognizes unique-key and check violations and unreachable databases by driver error codes. */
  classify(error: unknown): StoreFailure | undefined;
  /** Removes secrets from a driver's message before it is shown. */
  redact(text: string): string;
  /**
   * The schema that unqualified table names resolve to (PostgreSQL's `current_schema()`), or
   * undefined where the database has no schemas. The migrator needs it: it looks for its own
   * tables in every schema unless told which one is ours.
   */
  currentSchema<DB>(db: Kysely<DB>): Promise<string | undefined>;
}

/** The `code` property that Node, better-sqlite3 and pg put on their errors, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
