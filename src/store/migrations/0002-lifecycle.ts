/**
 * The contract lifecycle's tables: who reads which output port version, in-app notifications,
 * the webhook outbox, and the hash-chained audit log. Written against `Kysely<unknown>` and
 * portable DDL only, like every migration (see 0001-initial.ts).
 */
import { type Kysely, type Migration, sql } from 'kysely';

/** The audit chain's first `prev_hash`: 64 zeros. Repeated here because a migration never changes. */
const GENESIS_HASH = '0'.repeat(64);

async function createUsageTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('port_usage')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('port', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('reads', 'bigint', (c) => c.notNull())
    .addColumn('rows', 'bigint', (c) => c.notNull())
    .addColumn('first_read_at', 'text', (c) => c.notNull())
    .addColumn('last_read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('port_usage_pk', ['product_id', 'port', 'major', 'consumer'])
    .execute();
}

async function createNotificationTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text')
    .addColumn('port', 'text')
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_recipient_created_idx')
    .on('notifications')
    .columns(['recipient', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_product_created_idx')
    .on('notifications')
    .columns(['product_id', 'created_at'])
    .execute();
}

async function createWebhookTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`${sql.ref('status')} in ('pending', 'delivered', 'dead')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .execute();
  // What the dispatcher polls: due pending deliveries.
  await db.schema
    .createIndex('webhook_deliveries_due_idx')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  // Deliveries to one URL go in order: the claim looks for an earlier pending one to the same URL.
  await db.schema
    .createIndex('webhook_deliveries_url_idx')
    .on('webhook_deliveries')
    .columns(['url', 'status', 'created_at'])
    .execute();
}

async function createAuditTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_subject_idx')
    .on('audit_events')
    .columns(['subject', 'seq'])
    .execute();
  // The chain's head, one row: appenders lock it to take turns, and it tells a verifier how long
  // the chain must be, so deleting the newest events is caught too.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db);
}

/** Port usage, notifications, webhook outbox, audit log. */
export const lifecycleMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createUsageTable(db);
    await createNotificationTable(db);
    await createWebhookTable(db);
    await createAuditTables(db);
  },
};
