import type { StoreLocation } from './parse-store-url.js';
import { createPostgresDialect } from './postgres.js';
import { createSqliteDialect } from './sqlite.js';
import type { StoreDialect } from './store-dialect.js';

/** The one place that turns a store location into a dialect. */
export async function selectDialect(location: StoreLocation): Promise<StoreDialect> {
  switch (location.kind) {
    case 'sqlite':
      return createSqliteDialect(location.file);
    case 'postgres':
      return createPostgresDialect(location.url, location.target);
  }
}
