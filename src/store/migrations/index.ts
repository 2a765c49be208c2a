/**
 * Every migration of the control store, in code (no files are read at run time, so the compiled
 * package and the tests run the same list). Names sort in the order they run; add new ones at the
 * end and never change a shipped one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './0001-initial.js';
import { lifecycleMigration } from './0002-lifecycle.js';
import { qualityMigration } from './0003-quality.js';
import { costMigration } from './0004-cost.js';
import { monitoringMigration } from './0005-monitoring.js';

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initialMigration,
  '0002-lifecycle': lifecycleMigration,
  '0003-quality': qualityMigration,
  '0004-cost': costMigration,
  '0005-monitoring': monitoringMigration,
};

/** The Kysely migration provider over the list above. */
export const controlStoreMigrations: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
