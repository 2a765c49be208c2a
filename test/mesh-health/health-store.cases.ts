/** The store reads of the mesh's health report, run on each database. */
import { describe, expect, it } from 'vitest';
import type { ControlStore, IncidentInput } from '../../src/store/index.js';
import { registration } from '../store/fixtures.js';
import { type StoreBackend, useStoreHarness } from '../store/store-harness.js';

const HOUR = 3_600_000;

function incident(
  id: string,
  product: string,
  state: IncidentInput['state'],
  subject: string,
): IncidentInput {
  return {
    id,
    key: { product, monitor: 'sla.breach', subject },
    state,
    details: { message: 'late' },
    openedAt: '2026-05-01T10:00:00.000Z',
    lastFailingAt: '2026-05-01T10:00:00.000Z',
    occurrences: 1,
    history: [{ action: 'opened', actor: 'system', at: '2026-05-01T10:00:00.000Z' }],
    ...(state === 'resolved' ? { resolvedBy: 'system', resolvedAt: '2026-05-01T10:05:00.000Z' } : {}),
  };
}

/** Begins a deploy of `productId` and ends it as asked; returns the deploy as finished. */
async function deploy(
  store: ControlStore,
  productId: string,
  digest: string,
  outcome: 'succeed' | 'fail' | 'leave',
) {
  const { deploy: begun } = await store.beginDeploy({
    productId,
    // Each digest its own version: a registered version never changes its content.
    version: `1.0.${digest.charCodeAt(0)}`,
    digest,
    bundle: { digest },
  });
  if (outcome === 'succeed') return store.completeDeploy(begun.id, registration());
  if (outcome === 'fail') return store.failDeploy(begun.id, { message: 'no', step: 'built' });
  return begun;
}

export function defineHealthStoreCases(backend: StoreBackend): void {
  describe(`mesh health reads (${backend.name})`, () => {
    const h = useStoreHarness(backend);

    it('sums up the deploy journal per product: first attempt, first success, counts', async () => {
      const failed = await deploy(h.store, 'orders.order_lines', 'a', 'fail');
      const succeeded = await deploy(h.store, 'orders.order_lines', 'b', 'succeed');
      await deploy(h.store, 'orders.order_lines', 'c', 'succeed');
      await deploy(h.store, 'crm.leads', 'x', 'fail');
      const pending = await deploy(h.store, 'ops.jobs', 'y', 'leave');
      expect(await h.store.listDeployMilestones()).toEqual([
        { productId: 'crm.leads', firstDeployAt: expect.any(String), deploys: 1, succeeded: 0, failed: 1 },
        { productId: 'ops.jobs', firstDeployAt: pending.createdAt, deploys: 1, succeeded: 0, failed: 0 },
        {
          productId: 'orders.order_lines',
          firstDeployAt: failed.createdAt,
          firstSucceededAt: succeeded.finishedAt,
          deploys: 3,
          succeeded: 2,
          failed: 1,
        },
      ]);
    });

    it('lists every product’s usage last read since an instant', async () => {
      const now = Date.now();
      await h.store.recordPortUsage([
        { productId: 'b.two', port: 'p', major: 1, consumer: 'ann', rows: 1, at: new Date(now - HOUR) },
        { productId: 'a.one', port: 'p', major: 2, consumer: 'bob', rows: 1, at: new Date(now - 3 * HOUR) },
        { productId: 'a.one', port: 'p', major: 1, consumer: 'cy', rows: 1, at: new Date(now - 10 * HOUR) },
      ]);
      const recent = await h.store.listPortUsageSince(new Date(now - 5 * HOUR));
      expect(recent.map((u) => [u.productId, u.major, u.consumer])).toEqual([
        ['a.one', 2, 'bob'],
        ['b.two', 1, 'ann'],
      ]);
      expect(await h.store.listPortUsageSince(new Date(now))).toEqual([]);
      await expect(h.store.listPortUsageSince(new Date(Number.NaN))).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    });

    it('counts open and acknowledged incidents per product, never resolved ones', async () => {
      await h.store.saveIncidents([
        { incident: incident('i1', 'sales.orders', 'open', 'orders/latency') },
        { incident: incident('i2', 'sales.orders', 'acknowledged', 'orders/frequency') },
        { incident: incident('i3', 'sales.orders', 'open', 'orders/retention') },
        { incident: incident('i4', 'crm.leads', 'resolved', 'leads/latency') },
        { incident: incident('i5', 'crm.leads', 'acknowledged', 'leads/retention') },
      ]);
      expect(await h.store.countActiveIncidents()).toEqual([
        { productId: 'crm.leads', open: 0, acknowledged: 1 },
        { productId: 'sales.orders', open: 2, acknowledged: 1 },
      ]);
    });
  });
}
