/**
 * The first schema of the control store. Written against `Kysely<unknown>`, not the current
 * `ControlDatabase`, because a migration must keep meaning what it meant when it shipped.
 * Only portable DDL: the same statements run on SQLite and PostgreSQL.
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function createMeshTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mesh')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('domains')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('description', 'text')
    .addColumn('owner_team', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('teams')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('description', 'text')
    .execute();
  await db.schema
    .createTable('team_members')
    .addColumn('team_name', 'text', (c) => c.notNull().references('teams.name').onDelete('cascade'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('role', 'text')
    .addPrimaryKeyConstraint('team_members_pk', ['team_name', 'username'])
    .execute();
}

async function createDeployTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deploys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`${sql.ref('state')} in ('pending', 'validated', 'provisioned', 'registered', 'started', 'built', 'succeeded', 'failed')`,
        ),
    )
    .addColumn('bundle', 'text', (c) => c.notNull())
    .addColumn('error_message', 'text')
    .addColumn('error_step', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('deploys_product_created_idx')
    .on('deploys')
    .columns(['product_id', 'created_at'])
    .execute();
  // The journal's lock: at most one unfinished deploy per product, whatever process opened it.
  await db.schema
    .createIndex('deploys_one_unfinished_per_product')
    .unique()
    .on('deploys')
    .column('product_id')
    .where(sql.raw<boolean>(`state not in ('succeeded', 'failed')`))
    .execute();
  await db.schema
    .createTable('deploy_steps')
    .addColumn('deploy_id', 'text', (c) => c.notNull().references('deploys.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deploy_steps_pk', ['deploy_id', 'seq'])
    .execute();
}

async function createRegistryTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_team', 'text')
    .addColumn('description', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('current_version', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('products_domain_idx').on('products').column('domain').execute();
  await db.schema
    .createTable('product_versions')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('deploy_id', 'text', (c) => c.notNull().references('deploys.id'))
    .addColumn('deployed_at', 'text', (c) => c.notNull())
    .addColumn('descriptor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_versions_pk', ['product_id', 'version'])
    .execute();
  await db.schema
    .createTable('output_ports')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_version', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('port_version', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'text')
    .addPrimaryKeyConstraint('output_ports_pk', ['product_id', 'product_version', 'name', 'port_version'])
    .addForeignKeyConstraint(
      'output_ports_version_fk',
      ['product_id', 'product_version'],
      'product_versions',
      ['product_id', 'version'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('input_ports')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_version', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('port_version', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull().check(sql`source_kind in ('contract', 'product')`))
    .addColumn('source_product_id', 'text')
    .addColumn('source_port', 'text')
    .addPrimaryKeyConstraint('input_ports_pk', ['product_id', 'product_version', 'name', 'port_version'])
    .addForeignKeyConstraint(
      'input_ports_version_fk',
      ['product_id', 'product_version'],
      'product_versions',
      ['product_id', 'version'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  // Consumers of an output port are found by the product they read from.
  await db.schema
    .createIndex('input_ports_source_idx')
    .on('input_ports')
    .columns(['source_product_id', 'source_port'])
    .execute();
  await db.schema
    .createTable('contracts')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_version', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull())
    .addColumn('contract_version', 'text', (c) => c.notNull())
    .addColumn('port', 'text')
    .addColumn('api_version', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contracts_pk', [
      'product_id',
      'product_version',
      'contract_id',
      'contract_version',
    ])
    .addForeignKeyConstraint(
      'contracts_version_fk',
      ['product_id', 'product_version'],
      'product_versions',
      ['product_id', 'version'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('contracts_id_idx').on('contracts').column('contract_id').execute();
}

async function createRunTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('port', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) =>
      c.notNull().check(sql`${sql.ref('trigger')} in ('deploy', 'input', 'schedule', 'manual')`),
    )
    .addColumn('mode', 'text', (c) =>
      c.notNull().check(sql`${sql.ref('mode')} in ('full', 'append', 'merge')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`${sql.ref('status')} in ('running', 'succeeded', 'failed')`),
    )
    .addColumn('rows_in', 'bigint')
    .addColumn('rows_out', 'bigint')
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('runs_product_started_idx')
    .on('runs')
    .columns(['product_id', 'started_at'])
    .execute();
  await db.schema.createIndex('runs_status_idx').on('runs').column('status').execute();
}

/** Mesh, registry, deploy journal and runs. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createMeshTables(db);
    await createDeployTables(db);
    await createRegistryTables(db);
    await createRunTables(db);
  },
};
