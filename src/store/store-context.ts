import type { Kysely } from 'kysely';
import type { StoreFailure } from './dialects/store-dialect.js';
import type { ControlDatabase } from './schema/control-database.js';

/** What every query function of the store is given. */
export interface StoreContext {
  readonly db: Kysely<ControlDatabase>;
  /** The current time as ISO-8601 text. */
  now(): string;
  /** A new time-ordered id. */
  newId(): string;
  /** The dialect's reading of a driver error (for errors a query turns into its own message). */
  failureOf(error: unknown): StoreFailure | undefined;
}
