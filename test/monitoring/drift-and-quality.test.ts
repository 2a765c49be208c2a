import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProductBundle } from '../../src/cli/product-bundle.js';
import { type MeshServer, openMeshServer } from '../../src/server/open-mesh-server.js';
import { removeWorkspace } from '../runtime/support/workspace.js';
import { addOrdersFile, ORDERS_DIR, PRODUCT_ID, writeMonitoringMesh } from './monitoring-workspace.js';

/**
 * Schema drift at a CSV source and quality failures, through the mesh server: a file whose header
 * lost a column the contract reads opens a `schema.drift` incident at the next tick, a newer file
 * with the expected columns resolves it; a run whose output breaks a quality rule opens a
 * `quality.failure` incident through the quality service's report hook.
 */
describe('schema drift and quality failures', () => {
  let server: MeshServer;
  let root = '';
  const open = async (monitor: string) =>
    (await server.store.listIncidents({ limit: 20 })).filter((i) => i.key.monitor === monitor);

  beforeAll(async () => {
    root = writeMonitoringMesh([], undefined, ['O-1', 'O-2', 'O-3', 'O-4']);
    server = await openMeshServer({
      workspace: root,
      inputPollMs: 0,
      webhookPollMs: 0,
      monitorIntervalMs: 0,
    });
    const deployed = await server.deploys.deploy(await readProductBundle(path.join(root, ORDERS_DIR)));
    expect(deployed.type).toBe('done');
  });

  afterAll(async () => {
    await server?.close();
    removeWorkspace(root);
  });

  const product = () => server.runtime.products()[0] ?? expect.fail('no product');

  it('opens a quality incident when a run breaks a quality rule', async () => {
    expect(await open('quality.failure')).toEqual([]);
    addOrdersFile(root, 2, 'O-9,9\n');
    await server.runtime.runProduct(product(), { trigger: 'manual' });
    const [incident] = await open('quality.failure');
    expect(incident).toMatchObject({
      key: { product: PRODUCT_ID, subject: 'orders' },
      port: 'orders',
      state: 'open',
    });
    expect(incident?.details.message).toMatch(/quality rules of orders failed/);
  });

  it('opens a drift incident for a removed column and resolves it when the source has it again', async () => {
    const first = await server.monitor.tick();
    expect(first.errors).toEqual([]);
    expect(await open('schema.drift')).toEqual([]);

    addOrdersFile(root, 3, 'O-3,3\n', 'order_id,qty');
    await server.monitor.tick();
    await server.monitor.tick();
    const drifted = await open('schema.drift');
    expect(drifted).toHaveLength(1);
    expect(drifted[0]).toMatchObject({
      key: { product: PRODUCT_ID, subject: 'raw_orders' },
      state: 'open',
      occurrences: 2,
      details: { facts: { removed: 'quantity', added: 'qty' } },
    });

    addOrdersFile(root, 4, 'O-4,4\n');
    await server.monitor.tick();
    const [resolved] = await open('schema.drift');
    expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: 'system' });
  });
});
