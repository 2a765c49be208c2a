/** Migrations: run at open, once. */
import { describe, expect, it } from 'vitest';
import { migrateControlStore } from '../../../src/store/migrate.js';
import { openControlDatabase } from '../../../src/store/open-control-database.js';
import { MESH } from '../fixtures.js';
import type { StoreHarness } from '../store-harness.js';

/** Every table of the control store (without the migrator's own). */
export const TABLES = [
  'contracts',
  'deploy_steps',
  'deploys',
  'domains',
  'input_ports',
  'mesh',
  'output_ports',
  'product_versions',
  'products',
  'runs',
  'team_members',
  'teams',
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
          expect(await migrateControlStore(first.db, schema)).toEqual(['0001-initial']);
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
  });
}
