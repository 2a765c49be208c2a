import { Kysely } from 'kysely';
import { parseStoreUrl } from './dialects/parse-store-url.js';
import { selectDialect } from './dialects/select-dialect.js';
import type { StoreDialect } from './dialects/store-dialect.js';
import type { ControlDatabase } from './schema/control-database.js';

/** Where the control store is: see `parseStoreUrl` for the URLs it reads. */
export interface ControlStoreOptions {
  /** `postgres://...` for server mode, `sqlite:<file>`, or absent for the embedded default. */
  readonly url?: string;
  /** The workspace; the embedded database is `<workspaceDir>/.meshplane/control.db`. */
  readonly workspaceDir: string;
}

/** An open (not yet migrated) control database and its dialect. */
export interface ControlDatabaseHandle {
  readonly db: Kysely<ControlDatabase>;
  readonly dialect: StoreDialect;
}

/** Opens the database the options name, without touching its schema. */
export async function openControlDatabase(options: ControlStoreOptions): Promise<ControlDatabaseHandle> {
  const dialect = await selectDialect(parseStoreUrl(options.url, options.workspaceDir));
  return { db: new Kysely<ControlDatabase>({ dialect: dialect.dialect }), dialect };
}
