/**
 * Query cost per UTC day: one aggregate per (day, domain, consumer) for the domains a query read,
 * and one per (day, consumer) for the consumer's own totals (a query reading two domains counts
 * once there). Written against `Kysely<unknown>` and portable DDL only, like every migration.
 */
import type { Kysely, Migration } from 'kysely';

async function createDomainQueryCosts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('domain_query_costs')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('queries', 'bigint', (c) => c.notNull())
    .addColumn('duration_ms', 'bigint', (c) => c.notNull())
    .addColumn('bytes_scanned', 'bigint', (c) => c.notNull())
    .addColumn('rows', 'bigint', (c) => c.notNull())
    // The key's order serves the quota check: one day, one domain, every consumer.
    .addPrimaryKeyConstraint('domain_query_costs_pk', ['day', 'domain', 'consumer'])
    .execute();
}

async function createConsumerQueryCosts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consumer_query_costs')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('queries', 'bigint', (c) => c.notNull())
    .addColumn('duration_ms', 'bigint', (c) => c.notNull())
    .addColumn('bytes_scanned', 'bigint', (c) => c.notNull())
    .addColumn('rows', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('consumer_query_costs_pk', ['day', 'consumer'])
    .execute();
}

/** Query cost per day, domain and consumer. */
export const costMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createDomainQueryCosts(db);
    await createConsumerQueryCosts(db);
  },
};
