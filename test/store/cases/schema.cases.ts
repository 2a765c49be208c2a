/** Invariants the schema holds by itself, whoever writes. */
import { describe, expect, it } from 'vitest';
import { openControlDatabase } from '../../../src/store/open-control-database.js';
import { PRODUCT } from '../fixtures.js';
import type { StoreHarness } from '../store-harness.js';

/** Registers the cases. */
export function schemaCases(h: StoreHarness): void {
  describe('schema', () => {
    it('holds at most one unfinished deploy per product, whoever writes', async () => {
      const { db, dialect } = await openControlDatabase(h.database.options);
      const row = (id: string, state: string) => ({
        id,
        product_id: PRODUCT,
        version: id,
        digest: id,
        state,
        bundle: '{}',
        error_message: null,
        error_step: null,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        finished_at: null,
      });
      try {
        await db
          .insertInto('deploys')
          .values([row('a', 'succeeded'), row('b', 'failed'), row('c', 'built')])
          .execute();
        const error: unknown = await db
          .insertInto('deploys')
          .values(row('d', 'pending'))
          .execute()
          .catch((e: unknown) => e);
        expect(dialect.classify(error)).toBe('conflict');
        await db.insertInto('deploys').values(row('e', 'failed')).execute();
      } finally {
        await db.destroy();
      }
    });
  });
}
