/** Concurrent deploys: in one store and across stores (replicas) on one database. */
import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../../src/errors/index.js';
import { PRODUCT, registration } from '../fixtures.js';
import type { StoreHarness } from '../store-harness.js';

/** Registers the cases. */
export function concurrencyCases(h: StoreHarness): void {
  describe('concurrency', () => {
    it('lets only one of two concurrent begins of the same product and digest proceed', async () => {
      const input = { productId: PRODUCT, version: '1.0.0', digest: 'sha256:aaa', bundle: {} };
      const results = await Promise.allSettled([h.store.beginDeploy(input), h.store.beginDeploy(input)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(MeshplaneError);
      expect((lost[0] as MeshplaneError).code).toBe('CONFLICT');
      expect(await h.store.unfinishedDeploys()).toHaveLength(1);
    });

    it('lets only one of several stores on the same database (replicas) begin a deploy', async () => {
      const replicas = [h.store, await h.open(), await h.open(), await h.open()];
      const input = { productId: PRODUCT, version: '1.0.0', digest: 'sha256:aaa', bundle: {} };
      const results = await Promise.allSettled(replicas.map((r) => r.beginDeploy(input)));
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost.map((e) => (e instanceof MeshplaneError ? e.code : String(e)))).toEqual([
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
      ]);

      const winner = won[0]?.deploy.id ?? '';
      await replicas[1]?.completeDeploy(winner, registration());
      const again = await replicas[2]?.beginDeploy(input);
      expect(again).toMatchObject({ alreadyDeployed: true, deploy: { id: winner } });
    });

    it('serializes writers of one deploy: a complete and a fail racing leave one consistent outcome', async () => {
      const begin = () =>
        h.store.beginDeploy({ productId: PRODUCT, version: '1.0.0', digest: 'sha256:aaa', bundle: {} });
      const { deploy: d } = await begin();
      const replica = await h.open();
      const [completed, failed] = await Promise.allSettled([
        h.store.completeDeploy(d.id, registration()),
        replica.failDeploy(d.id, { message: 'cancelled', step: 'built' }),
      ]);
      expect([completed?.status, failed?.status].sort()).toEqual(['fulfilled', 'rejected']);
      const product = await h.store.getProduct(PRODUCT);
      const final = await h.store.getDeploy(d.id);
      if (completed?.status === 'fulfilled') {
        expect(final?.state).toBe('succeeded');
        expect(product?.currentVersion).toBe('1.0.0');
      } else {
        expect(final?.state).toBe('failed');
        expect(product).toBeUndefined();
      }
    });

    it('treats two racing completions of one deploy as one', async () => {
      const { deploy: d } = await h.store.beginDeploy({
        productId: PRODUCT,
        version: '1.0.0',
        digest: 'sha256:aaa',
        bundle: {},
      });
      const replica = await h.open();
      const results = await Promise.all([
        h.store.completeDeploy(d.id, registration()),
        replica.completeDeploy(d.id, registration()),
      ]);
      expect(results.map((r) => r.state)).toEqual(['succeeded', 'succeeded']);
      expect((await h.store.getProduct(PRODUCT))?.versions).toHaveLength(1);
    });
  });
}
