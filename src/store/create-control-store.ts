import { MeshplaneError } from '../errors/index.js';
import type { ControlStore } from './control-store.js';
import { createIdGenerator } from './ids.js';
import { migrateControlStore } from './migrate.js';
import { type ControlStoreOptions, openControlDatabase } from './open-control-database.js';
import { failInterruptedRuns } from './queries/run-queries.js';
import { createSqlControlStore } from './sql-control-store.js';
import type { StoreContext } from './store-context.js';
import { toStoreError, withStoreErrors } from './store-errors.js';

/**
 * Opens the control store: picks the dialect from the URL, migrates the schema to the latest
 * version (a no-op when it is current), and fails the runs a crash left `running` with the error
 * `interrupted`. UNAVAILABLE when the database cannot be reached, naming its host but never the
 * password.
 */
export async function createControlStore(options: ControlStoreOptions): Promise<ControlStore> {
  const { db, dialect } = await openControlDatabase(options);
  const ctx: StoreContext = {
    db,
    now: () => new Date().toISOString(),
    newId: createIdGenerator(),
    failureOf: (error) => (error instanceof MeshplaneError ? undefined : dialect.classify(error)),
  };
  try {
    await migrateControlStore(db, await dialect.currentSchema(db));
    await failInterruptedRuns(ctx);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw toStoreError(error, dialect);
  }
  return withStoreErrors(createSqlControlStore(ctx), dialect);
}
