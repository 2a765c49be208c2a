/**
 * Quality history: one row per run of an output port version's quality rules, with the counts by
 * verdict, and the results and failing-row samples as JSON text. Written against
 * `Kysely<unknown>` and portable DDL only, like every migration (see 0001-initial.ts).
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function createQualityRuns(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quality_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('port', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('trigger', 'text', (c) =>
      c.notNull().check(sql`${sql.ref('trigger')} in ('run', 'manual', 'test')`),
    )
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`${sql.ref('state')} in ('passed', 'warning', 'failed', 'not_run', 'error')`),
    )
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('failed', 'integer', (c) => c.notNull())
    .addColumn('not_run', 'integer', (c) => c.notNull())
    .addColumn('errored', 'integer', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('samples', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();
  // History of one port version, newest first; also what the bound prunes by.
  await db.schema
    .createIndex('quality_runs_port_started_idx')
    .on('quality_runs')
    .columns(['product_id', 'port', 'major', 'started_at'])
    .execute();
  // The quality state of a pipeline run.
  await db.schema.createIndex('quality_runs_run_idx').on('quality_runs').column('run_id').execute();
}

/** Quality history. */
export const qualityMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createQualityRuns(db);
  },
};
