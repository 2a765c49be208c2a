import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlStore, createControlStore } from '../../store/index.js';
import { buildApp } from '../build-app.js';
import { Lifecycle } from '../lifecycle.js';
import { registryRoutes } from './registry-routes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-registry-'));
let store: ControlStore;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  store = await createControlStore({ workspaceDir: dir });
  await store.syncMesh({
    name: 'shop',
    domains: [{ name: 'orders', ownerTeam: 'orders-team' }],
    teams: [{ name: 'orders-team', members: [{ username: 'alice@example.com', role: 'owner' }] }],
  });
  const { deploy } = await store.beginDeploy({
    productId: 'orders.orders',
    version: '1.0.0',
    digest: 'd1',
    bundle: {},
  });
  await store.completeDeploy(deploy.id, {
    domain: 'orders',
    name: 'orders',
    status: 'active',
    ownerTeam: 'orders-team',
    tags: ['sales'],
    descriptor: { apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'orders.orders' },
    outputPorts: [{ name: 'orders', version: '1.0.0', contractId: 'orders.orders.orders.v1' }],
    inputPorts: [],
    contracts: [
      {
        id: 'orders.orders.orders.v1',
        version: '1.0.0',
        port: 'orders',
        apiVersion: 'v3.1.0',
        document: { id: 'x' },
      },
    ],
  });
  app = await buildApp({ lifecycle: new Lifecycle(), api: [registryRoutes(store)] });
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('registry API', () => {
  it('lists domains, teams and products', async () => {
    expect((await app.inject('/api/v1/domains')).json()).toEqual({
      domains: [{ name: 'orders', ownerTeam: 'orders-team' }],
    });
    expect((await app.inject('/api/v1/teams')).json().teams[0].members[0].username).toBe('alice@example.com');
    const products = (await app.inject('/api/v1/products?domain=orders')).json().products;
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ id: 'orders.orders', currentVersion: '1.0.0', tags: ['sales'] });
    expect((await app.inject('/api/v1/products?domain=shipping')).json().products).toEqual([]);
  });

  it('shows a product with its contracts and versions, and 404 for an unknown one', async () => {
    const product = (await app.inject('/api/v1/products/orders.orders')).json();
    expect(product.versions[0]).toMatchObject({ version: '1.0.0', digest: 'd1' });
    expect(product.contracts[0].document).toEqual({ id: 'x' });
    expect(product.descriptor).toMatchObject({ kind: 'DataProduct' });
    const missing = await app.inject('/api/v1/products/orders.nothing');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('orders.nothing');
  });

  it('shows deploy history with the step log', async () => {
    const deploys = (await app.inject('/api/v1/deploys')).json().deploys;
    expect(deploys[0]).toMatchObject({ productId: 'orders.orders', state: 'succeeded' });
    const one = (await app.inject(`/api/v1/deploys/${deploys[0].id}`)).json();
    expect(one.id).toBe(deploys[0].id);
    expect(Array.isArray(one.steps)).toBe(true);
    expect((await app.inject('/api/v1/deploys?limit=0')).statusCode).toBe(400);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    for (const route of ['/api/v1/products', '/api/v1/products/{id}', '/api/v1/deploys', '/api/v1/domains']) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
  });
});
