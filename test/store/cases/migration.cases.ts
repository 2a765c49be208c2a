/** Migrations: run at open, once. */
import { type Kysely, Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createControlStore } from '../../../src/store/index.js';
import { migrateControlStore } from '../../../src/store/migrate.js';
import { initialMigration } from '../../../src/store/migrations/0001-initial.js';
import { openControlDatabase } from '../../../src/store/open-control-database.js';
import { MESH } from '../fixtures.js';
import type { StoreHarness } from '../store-harness.js';

/** Every table of the control store (without the migrator's own). */
export const TABLES = [
  'audit_events',
  'audit_head',
  'availability_probes',
  'consumer_query_costs',
  'contracts',
  'deploy_steps',
  'deploys',
  'domain_query_costs',
  'domains',
  'incidents',
  'input_ports',
  'mesh',
  'notifications',
  'output_ports',
  'port_usage',
  'product_versions',
  'products',
  'quality_runs',
  'runs',
  'sla_state_changes',
  'team_members',
  'teams',
  'volume_history',
  'webhook_deliveries',
];

/** Registers the cases. */
export function migrationCases(h: StoreHarness): void {
  describe('migrations', () => {
    it('creates every table once; running them again is a no-op that keeps the data', async () => {
      const other = await h.backend.fresh();
      try {
        const first = await openControlDatabase(other.options);
        try {
          const schema = await first.dialect.currentSchema(first.db);
          expect(await migrateControlStore(first.db, schema)).toEqual([
            '0001-initial',
            '0002-lifecycle',
            '0003-quality',
            '0004-cost',
            '0005-monitoring',
          ]);
          expect(await migrateControlStore(first.db, schema)).toEqual([]);
          const tables = (await first.db.introspection.getTables())
            .filter((t) => t.schema === schema)
            .map((t) => t.name)
            .sort();
          expect(tables.filter((t) => !t.startsWith('control_migration'))).toEqual(TABLES);
        } finally {
          await first.db.destroy();
        }
      } finally {
        await other.dispose();
      }

      await h.store.syncMesh(MESH);
      await h.store.close();
      const again = await openControlDatabase(h.database.options);
      try {
        expect(await migrateControlStore(again.db, await again.dialect.currentSchema(again.db))).toEqual([]);
      } finally {
        await again.db.destroy();
      }
      await h.restart();
      expect((await h.store.getMesh())?.name).toBe('shop');
    });

    it('upgrades a database made by the first migration, keeping its data', async () => {
      const old = await h.backend.fresh();
      try {
        const { db, dialect } = await openControlDatabase(old.options);
        try {
          const schema = await dialect.currentSchema(db);
          const migrator = new Migrator({
            db: db as unknown as Kysely<unknown>,
            provider: { getMigrations: async () => ({ '0001-initial': initialMigration }) },
            migrationTableName: 'control_migration',
            migrationLockTableName: 'control_migration_lock',
            ...(schema === undefined ? {} : { migrationTableSchema: schema }),
          });
          expect((await migrator.migrateToLatest()).error).toBeUndefined();
          await db
            .insertInto('mesh')
            .values({ id: 1, name: 'old-mesh', synced_at: '2026-01-01T00:00:00.000Z' })
            .execute();
        } finally {
          await db.destroy();
        }
        const store = await createControlStore(old.options);
        try {
          expect((await store.getMesh())?.name).toBe('old-mesh');
          expect(await store.verifyAudit()).toEqual({ ok: true, count: 0 });
          expect((await store.appendAudit([{ actor: 'a', action: 'b', subject: 'c' }]))[0]?.seq).toBe(1);
        } finally {
          await store.close();
        }
      } finally {
        await old.dispose();
      }
    });
  });
}
