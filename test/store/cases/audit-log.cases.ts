/** The audit log: hash-chained, verified, and never forked by concurrent appenders. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH } from '../../../src/store/index.js';
import { openControlDatabase } from '../../../src/store/open-control-database.js';
import { rejection, type StoreHarness } from '../store-harness.js';

/** Registers the cases. */
export function auditLogCases(h: StoreHarness): void {
  /** Runs raw SQL on the case's database, as someone editing it behind the store's back. */
  async function tamper(statement: string): Promise<void> {
    const { db } = await openControlDatabase(h.database.options);
    try {
      await sql.raw(statement).execute(db);
    } finally {
      await db.destroy();
    }
  }

  describe('audit log', () => {
    it('appends chained events, lists them newest first, and verifies the chain', async () => {
      expect(await h.store.verifyAudit()).toEqual({ ok: true, count: 0 });
      const first = await h.store.appendAudit([
        {
          actor: 'zoe',
          action: 'contract.deprecate',
          subject: 'orders.order_lines/order_lines',
          details: { sunset: '2026-06-30' },
        },
        { actor: 'system', action: 'deploy.complete', subject: 'orders.order_lines' },
      ]);
      expect(first.map((e) => e.seq)).toEqual([1, 2]);
      expect(first[0]?.prevHash).toBe(AUDIT_GENESIS_HASH);
      expect(first[1]?.prevHash).toBe(first[0]?.hash);
      expect(first[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
      const [third] = await h.store.appendAudit([
        {
          actor: 'adam',
          action: 'contract.retire',
          subject: 'orders.order_lines/order_lines',
          details: [1, 'two'],
        },
      ]);
      expect(third).toMatchObject({ seq: 3, prevHash: first[1]?.hash, details: [1, 'two'] });
      expect(await h.store.appendAudit([])).toEqual([]);

      const all = await h.store.listAudit({ limit: 10 });
      expect(all.map((e) => e.seq)).toEqual([3, 2, 1]);
      expect(all[2]).toEqual(first[0]);
      expect(all[1]).not.toHaveProperty('details');
      const about = await h.store.listAudit({ subject: 'orders.order_lines/order_lines', limit: 1 });
      expect(about.map((e) => e.seq)).toEqual([3]);
      expect(await h.store.verifyAudit()).toEqual({ ok: true, count: 3 });

      await h.restart();
      await h.store.appendAudit([{ actor: 'zoe', action: 'x', subject: 'y' }]);
      expect(await h.store.verifyAudit()).toEqual({ ok: true, count: 4 });
    });

    it('reports the seq of an event changed behind its back', async () => {
      await h.store.appendAudit(
        [1, 2, 3].map((n) => ({
          actor: 'zoe',
          action: 'grant',
          subject: `s${n}`,
          details: { role: 'reader' },
        })),
      );
      await tamper(`update audit_events set details = '{"role":"owner"}' where seq = 2`);
      expect(await h.store.verifyAudit()).toEqual({
        ok: false,
        seq: 2,
        reason: 'hash does not match the event content',
      });
    });

    it('reports a removed event, and a removed newest event', async () => {
      await h.store.appendAudit([1, 2, 3, 4].map((n) => ({ actor: 'zoe', action: 'a', subject: `s${n}` })));
      await tamper('delete from audit_events where seq = 4');
      expect(await h.store.verifyAudit()).toMatchObject({ ok: false, seq: 4 });
      await tamper('delete from audit_events where seq = 2');
      expect(await h.store.verifyAudit()).toMatchObject({
        ok: false,
        seq: 3,
        reason: expect.stringContaining('expected seq 2'),
      });
    });

    it('never forks the chain when several stores (replicas) append at once', async () => {
      const stores = [h.store, await h.open(), await h.open()];
      const appended = await Promise.all(
        stores.flatMap((s, i) =>
          Array.from({ length: 8 }, (_, j) =>
            s.appendAudit([
              { actor: `replica-${i}`, action: 'a', subject: `s${j}` },
              { actor: `replica-${i}`, action: 'b', subject: `s${j}` },
            ]),
          ),
        ),
      );
      const seqs = appended.flat().map((e) => e.seq);
      expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
      // Each call's events are consecutive: nobody got in between.
      for (const pair of appended) expect((pair[1]?.seq ?? 0) - (pair[0]?.seq ?? 0)).toBe(1);
      expect(await h.store.verifyAudit()).toEqual({ ok: true, count: 48 });
    });

    it('rejects events it cannot keep as INVALID_INPUT, appending none of the batch', async () => {
      await rejection(
        h.store.appendAudit([
          { actor: 'zoe', action: 'a', subject: 's' },
          { actor: '', action: 'a', subject: 's' },
        ]),
        'INVALID_INPUT',
      );
      await rejection(
        h.store.appendAudit([{ actor: 'zoe', action: 'a', subject: 's', details: 1n }]),
        'INVALID_INPUT',
      );
      await rejection(h.store.listAudit({ limit: 0 }), 'INVALID_INPUT');
      expect(await h.store.verifyAudit()).toEqual({ ok: true, count: 0 });
    });
  });
}
