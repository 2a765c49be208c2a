/**
 * Monitoring: SLA state changes per objective, row counts per output port run (bounded),
 * availability probes (bounded), and incidents with who acted on them. Written against
 * `Kysely<unknown>` and portable DDL only, like every migration (see 0001-initial.ts).
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function createSlaStateChanges(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sla_state_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('port', 'text', (c) => c.notNull())
    .addColumn('objective_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`${sql.ref('state')} in ('met', 'breached', 'unknown')`),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    // JSON: what was measured against what (measured, limit, due); null when unknown.
    .addColumn('evidence', 'text')
    .execute();
  // Adherence reads one product's changes over a window; the latest state per objective too.
  await db.schema
    .createIndex('sla_state_changes_objective_idx')
    .on('sla_state_changes')
    .columns(['product_id', 'port', 'objective_id', 'at'])
    .execute();
}

async function createVolumeHistory(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('volume_history')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('port', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('rows', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('volume_history_pk', ['product_id', 'port', 'run_id'])
    .execute();
  await db.schema
    .createIndex('volume_history_port_at_idx')
    .on('volume_history')
    .columns(['product_id', 'port', 'at'])
    .execute();
}

async function createAvailabilityProbes(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('availability_probes')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('port', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('up', 'integer', (c) => c.notNull().check(sql`${sql.ref('up')} in (0, 1)`))
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('availability_probes_pk', ['product_id', 'port', 'at'])
    .execute();
}

async function createIncidents(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // `product/monitor/subject`: what fails where.
    .addColumn('key_text', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('monitor', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('port', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`${sql.ref('state')} in ('open', 'acknowledged', 'resolved')`),
    )
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('last_failing_at', 'text', (c) => c.notNull())
    .addColumn('occurrences', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .addColumn('history', 'text', (c) => c.notNull())
    // Bumped by every write: an update names the revision it read, so a lost race is seen.
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  // One active incident per condition, whatever process opens it.
  await db.schema
    .createIndex('incidents_one_active_per_key')
    .unique()
    .on('incidents')
    .column('key_text')
    .where(sql.raw<boolean>(`state <> 'resolved'`))
    .execute();
  await db.schema
    .createIndex('incidents_key_idx')
    .on('incidents')
    .columns(['key_text', 'opened_at'])
    .execute();
  await db.schema
    .createIndex('incidents_state_idx')
    .on('incidents')
    .columns(['state', 'opened_at'])
    .execute();
  await db.schema
    .createIndex('incidents_product_idx')
    .on('incidents')
    .columns(['product_id', 'opened_at'])
    .execute();
}

/** SLA state changes, volume history, availability probes, incidents. */
export const monitoringMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createSlaStateChanges(db);
    await createVolumeHistory(db);
    await createAvailabilityProbes(db);
    await createIncidents(db);
  },
};
