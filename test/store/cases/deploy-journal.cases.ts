/** The deploy journal and the registry it writes. */
import { describe, expect, it } from 'vitest';
import { PRODUCT, registration } from '../fixtures.js';
import { rejection, type StoreHarness } from '../store-harness.js';

/** Registers the cases. */
export function deployJournalCases(h: StoreHarness): void {
  describe('deploy journal', () => {
    it('begins pending, records steps, completes into the registry', async () => {
      const { deploy: begun, alreadyDeployed } = await h.store.beginDeploy({
        productId: PRODUCT,
        version: '1.0.0',
        digest: 'sha256:aaa',
        bundle: { files: { 'product.odps.yaml': 'id: orders.order_lines' } },
      });
      expect(alreadyDeployed).toBe(false);
      expect(begun).toMatchObject({
        productId: PRODUCT,
        version: '1.0.0',
        digest: 'sha256:aaa',
        state: 'pending',
      });
      expect(begun.steps).toEqual([]);
      expect(begun.finishedAt).toBeUndefined();
      expect(await h.store.getProduct(PRODUCT)).toBeUndefined();

      await h.store.recordDeployStep(begun.id, 'validated');
      await h.store.recordDeployStep(begun.id, 'provisioned', { tables: ['order_lines'] });
      expect((await h.store.getDeploy(begun.id))?.state).toBe('provisioned');
      const done = await h.store.completeDeploy(begun.id, registration({ title: 'Order lines' }));

      expect(done.state).toBe('succeeded');
      expect(done.finishedAt).toBeDefined();
      expect(done.bundle).toEqual({ files: { 'product.odps.yaml': 'id: orders.order_lines' } });
      expect(done.steps.map((s) => [s.seq, s.step, s.detail])).toEqual([
        [1, 'validated', undefined],
        [2, 'provisioned', { tables: ['order_lines'] }],
      ]);
      expect('detail' in (done.steps[0] ?? {})).toBe(false);

      const product = await h.store.getProduct(PRODUCT);
      expect(product).toMatchObject({
        id: PRODUCT,
        domain: 'orders',
        name: 'order-lines',
        title: 'Order lines',
        status: 'active',
        ownerTeam: 'orders-team',
        currentVersion: '1.0.0',
        description: 'One row per order line',
        tags: ['orders', 'sales'],
        outputPorts: [{ name: 'order_lines', version: '1.0.0', contractId: 'orders.order_lines.v1' }],
        inputPorts: [
          {
            name: 'customers',
            version: '2.0.0',
            contractId: 'customers.customers.v2',
            source: { kind: 'product', productId: 'customers.customers', port: 'customers' },
          },
          {
            name: 'raw_orders',
            version: '1.0.0',
            contractId: 'orders.raw_orders.v1',
            source: { kind: 'contract' },
          },
        ],
        descriptor: registration().descriptor,
      });
      expect(product?.versions).toEqual([
        { version: '1.0.0', digest: 'sha256:aaa', deployedAt: done.finishedAt, deployId: begun.id },
      ]);
      expect(product?.contracts.map((c) => [c.id, c.port, c.apiVersion])).toEqual([
        ['orders.order_lines.v1', 'order_lines', 'v3.1.0'],
        ['orders.raw_orders.v1', undefined, 'v3.0.2'],
      ]);
      expect(product?.contracts[0]?.document).toEqual(registration().contracts[0]?.document);

      const [summary] = await h.store.listProducts();
      expect(summary).toEqual({
        id: PRODUCT,
        domain: 'orders',
        name: 'order-lines',
        title: 'Order lines',
        status: 'active',
        ownerTeam: 'orders-team',
        currentVersion: '1.0.0',
        description: 'One row per order line',
        tags: ['orders', 'sales'],
        outputPorts: [{ name: 'order_lines', version: '1.0.0', contractId: 'orders.order_lines.v1' }],
        updatedAt: done.finishedAt,
      });
    });

    it('filters products by domain and status', async () => {
      await h.deploy('1.0.0', 'sha256:aaa', registration({ status: 'draft' }));
      expect(await h.store.listProducts({ domain: 'orders' })).toHaveLength(1);
      expect(await h.store.listProducts({ domain: 'customers' })).toEqual([]);
      expect(await h.store.listProducts({ domain: 'orders', status: 'draft' })).toHaveLength(1);
      expect(await h.store.listProducts({ status: 'active' })).toEqual([]);
    });

    it('is idempotent: the same digest again returns the succeeded deploy and writes nothing', async () => {
      const first = await h.deploy('1.0.0', 'sha256:aaa');
      const again = await h.store.beginDeploy({
        productId: PRODUCT,
        version: '1.0.0',
        digest: 'sha256:aaa',
        bundle: {},
      });
      expect(again.alreadyDeployed).toBe(true);
      expect(again.deploy.id).toBe(first);
      expect(again.deploy.state).toBe('succeeded');
      expect(await h.store.listDeploys(PRODUCT, 10)).toHaveLength(1);
      expect(await h.store.unfinishedDeploys()).toEqual([]);
    });

    it('makes a new version from a new digest, and keeps the older one listed', async () => {
      const first = await h.deploy('1.0.0', 'sha256:aaa');
      const second = await h.deploy(
        '1.1.0',
        'sha256:bbb',
        registration({ ports: ['order_lines', 'daily_totals'] }),
      );
      const product = await h.store.getProduct(PRODUCT);
      expect(product?.currentVersion).toBe('1.1.0');
      expect(product?.versions.map((v) => [v.version, v.digest, v.deployId])).toEqual([
        ['1.1.0', 'sha256:bbb', second],
        ['1.0.0', 'sha256:aaa', first],
      ]);
      expect(product?.outputPorts.map((p) => p.name)).toEqual(['daily_totals', 'order_lines']);
      expect((await h.store.listProducts())[0]?.outputPorts.map((p) => p.name)).toEqual([
        'daily_totals',
        'order_lines',
      ]);
      expect((await h.store.listDeploys(PRODUCT, 10)).map((d) => d.id)).toEqual([second, first]);
    });

    it('refuses a registered version with other content (versions are immutable)', async () => {
      await h.deploy('1.0.0', 'sha256:aaa');
      const error = await rejection(
        h.store.beginDeploy({ productId: PRODUCT, version: '1.0.0', digest: 'sha256:changed', bundle: {} }),
        'CONFLICT',
      );
      expect(error.message).toContain('version 1.0.0 of orders.order_lines is already registered');
      expect(await h.store.listDeploys(PRODUCT, 10)).toHaveLength(1);
    });

    it('rolls back to an earlier version by deploying its digest again', async () => {
      await h.deploy('1.0.0', 'sha256:aaa');
      await h.deploy('1.1.0', 'sha256:bbb', registration({ ports: ['daily_totals'] }));
      const back = await h.deploy('1.0.0', 'sha256:aaa');
      const product = await h.store.getProduct(PRODUCT);
      expect(product?.currentVersion).toBe('1.0.0');
      expect(product?.outputPorts.map((p) => p.name)).toEqual(['order_lines']);
      expect(product?.versions.find((v) => v.version === '1.0.0')?.deployId).toBe(back);
      expect(product?.versions).toHaveLength(2);
    });

    it('after a crash before completion: the previous version stays current and the deploy is unfinished', async () => {
      await h.deploy('1.0.0', 'sha256:aaa');
      const { deploy: crashed } = await h.store.beginDeploy({
        productId: PRODUCT,
        version: '2.0.0',
        digest: 'sha256:ccc',
        bundle: { v: 2 },
      });
      await h.store.recordDeployStep(crashed.id, 'validated', { warnings: 0 });
      await h.store.recordDeployStep(crashed.id, 'provisioned');
      await h.restart();
      expect((await h.store.getProduct(PRODUCT))?.currentVersion).toBe('1.0.0');
      const unfinished = await h.store.unfinishedDeploys();
      expect(unfinished.map((d) => [d.id, d.state, d.bundle])).toEqual([
        [crashed.id, 'provisioned', { v: 2 }],
      ]);
      expect(unfinished[0]?.steps.map((s) => s.step)).toEqual(['validated', 'provisioned']);

      // While it is unfinished, no other deploy of the product may begin.
      const blocked = await rejection(
        h.store.beginDeploy({ productId: PRODUCT, version: '2.0.1', digest: 'sha256:ddd', bundle: {} }),
        'CONFLICT',
      );
      expect(blocked.details?.deployId).toBe(crashed.id);

      // Repair: fail it; then the product can be deployed again.
      await h.store.failDeploy(crashed.id, { message: 'interrupted', step: 'provisioned' });
      expect(await h.store.unfinishedDeploys()).toEqual([]);
      await h.deploy('2.0.0', 'sha256:ccc');
      expect((await h.store.getProduct(PRODUCT))?.currentVersion).toBe('2.0.0');
    });

    it('resumes an unfinished deploy: completing it after a restart registers it', async () => {
      const { deploy: begun } = await h.store.beginDeploy({
        productId: PRODUCT,
        version: '1.0.0',
        digest: 'sha256:aaa',
        bundle: {},
      });
      await h.store.recordDeployStep(begun.id, 'validated');
      await h.restart();
      const [pending] = await h.store.unfinishedDeploys();
      expect(pending?.id).toBe(begun.id);
      await h.store.recordDeployStep(begun.id, 'provisioned');
      await h.store.completeDeploy(begun.id, registration());
      expect((await h.store.getDeploy(begun.id))?.steps.map((s) => s.seq)).toEqual([1, 2]);
      expect((await h.store.getProduct(PRODUCT))?.currentVersion).toBe('1.0.0');
    });

    it('fails a deploy, keeping the previous version current', async () => {
      await h.deploy('1.0.0', 'sha256:aaa');
      const { deploy: begun } = await h.store.beginDeploy({
        productId: PRODUCT,
        version: '1.1.0',
        digest: 'sha256:bbb',
        bundle: {},
      });
      await h.store.recordDeployStep(begun.id, 'validated');
      const failed = await h.store.failDeploy(begun.id, {
        message: 'breaking change in order_lines',
        step: 'compatibility',
      });
      expect(failed).toMatchObject({
        state: 'failed',
        error: { message: 'breaking change in order_lines', step: 'compatibility' },
      });
      expect(failed.finishedAt).toBeDefined();
      expect((await h.store.getProduct(PRODUCT))?.currentVersion).toBe('1.0.0');
      expect((await h.store.getProduct(PRODUCT))?.versions).toHaveLength(1);
      expect(await h.store.unfinishedDeploys()).toEqual([]);

      // A failed deploy is over: it cannot record, complete, or be failed differently.
      expect(await h.store.failDeploy(begun.id, { message: 'other', step: 'x' })).toEqual(failed);
      await rejection(h.store.recordDeployStep(begun.id, 'provisioned'), 'CONFLICT');
      await rejection(h.store.completeDeploy(begun.id, registration()), 'CONFLICT');
      expect((await h.store.getProduct(PRODUCT))?.currentVersion).toBe('1.0.0');

      // The same digest can be tried again, since it never succeeded.
      const retry = await h.store.beginDeploy({
        productId: PRODUCT,
        version: '1.1.0',
        digest: 'sha256:bbb',
        bundle: {},
      });
      expect(retry.alreadyDeployed).toBe(false);
    });

    it('treats completing twice as a no-op and refuses to fail a succeeded deploy', async () => {
      const id = await h.deploy('1.0.0', 'sha256:aaa');
      const before = await h.store.getDeploy(id);
      expect(await h.store.completeDeploy(id, registration({ ports: ['other'] }))).toEqual(before);
      expect((await h.store.getProduct(PRODUCT))?.outputPorts.map((p) => p.name)).toEqual(['order_lines']);
      await rejection(h.store.failDeploy(id, { message: 'late', step: 'x' }), 'CONFLICT');
      await rejection(h.store.recordDeployStep(id, 'built'), 'CONFLICT');
    });

    it('reports unknown deploys as NOT_FOUND (or undefined when read)', async () => {
      expect(await h.store.getDeploy('no-such-deploy')).toBeUndefined();
      await rejection(h.store.recordDeployStep('no-such-deploy', 'validated'), 'NOT_FOUND');
      await rejection(h.store.completeDeploy('no-such-deploy', registration()), 'NOT_FOUND');
      await rejection(h.store.failDeploy('no-such-deploy', { message: 'm', step: 's' }), 'NOT_FOUND');
    });

    it('rejects input it cannot keep as INVALID_INPUT', async () => {
      await rejection(
        h.store.beginDeploy({ productId: PRODUCT, version: '1.0.0', digest: 'd', bundle: { big: 1n } }),
        'INVALID_INPUT',
      );
      await rejection(
        h.store.beginDeploy({ productId: '', version: '1.0.0', digest: 'd', bundle: {} }),
        'INVALID_INPUT',
      );
      const { deploy: d } = await h.store.beginDeploy({
        productId: PRODUCT,
        version: '1.0.0',
        digest: 'd',
        bundle: {},
      });
      await rejection(h.store.recordDeployStep(d.id, 'teleported' as 'built'), 'INVALID_INPUT');
      const twice = registration();
      await rejection(
        h.store.completeDeploy(d.id, { ...twice, outputPorts: [...twice.outputPorts, ...twice.outputPorts] }),
        'INVALID_INPUT',
      );
      await rejection(h.store.listDeploys(PRODUCT, 0), 'INVALID_INPUT');
      expect((await h.store.getDeploy(d.id))?.state).toBe('pending');
    });

    it('lists deploys newest first, per product or all, within the limit', async () => {
      const a = await h.deploy('1.0.0', 'sha256:aaa');
      const b = await h.deploy('1.1.0', 'sha256:bbb');
      const { deploy: other } = await h.store.beginDeploy({
        productId: 'customers.customers',
        version: '1.0.0',
        digest: 'sha256:xyz',
        bundle: {},
      });
      expect((await h.store.listDeploys(undefined, 10)).map((d) => d.id)).toEqual([other.id, b, a]);
      expect((await h.store.listDeploys(PRODUCT, 1)).map((d) => d.id)).toEqual([b]);
      const [latest] = await h.store.listDeploys(undefined, 1);
      expect(latest).not.toHaveProperty('bundle');
      expect(latest).not.toHaveProperty('steps');
    });
  });
}
