import { type Kysely, Migrator } from 'kysely';
import { controlStoreMigrations } from './migrations/index.js';
import type { ControlDatabase } from './schema/control-database.js';

/** The control store's own bookkeeping tables, apart from any other Kysely user of the database. */
const MIGRATION_TABLE = 'control_migration';
const MIGRATION_LOCK_TABLE = 'control_migration_lock';

/**
 * Brings the schema to the latest migration and returns the names of those it ran (none when the
 * schema is current). Safe to run at every open and from several processes at once: Kysely holds
 * a lock (an advisory lock on PostgreSQL) while it migrates. `schema` is where the store's
 * tables are (see `StoreDialect.currentSchema`); without it Kysely would take another schema's
 * migration table for ours.
 */
export async function migrateControlStore(
  db: Kysely<ControlDatabase>,
  schema: string | undefined,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: controlStoreMigrations,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
