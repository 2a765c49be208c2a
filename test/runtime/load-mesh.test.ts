import { afterEach, describe, expect, it } from 'vitest';
import { loadMesh, MeshRuntime } from '../../src/runtime/index.js';
import { ORDERS_DIR, salesMesh } from './support/sales-mesh.js';
import { contractYaml, makeWorkspace, meshYaml, productYaml, removeWorkspace } from './support/workspace.js';

const roots: string[] = [];

function workspace(files: Record<string, string>): string {
  const root = makeWorkspace(files);
  roots.push(root);
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) removeWorkspace(root);
});

const revenue = {
  'domains/finance/revenue/product.odps.yaml': productYaml({
    id: 'finance.revenue',
    domain: 'finance',
    inputs: [{ name: 'orders', contractId: 'sales.orders.orders.v1' }],
    outputs: [{ name: 'revenue', contractId: 'finance.revenue.revenue.v1' }],
  }),
  'domains/finance/revenue/revenue.odcs.yaml': contractYaml({
    id: 'finance.revenue.revenue.v1',
    domain: 'finance',
    product: 'revenue',
    table: 'revenue',
    properties: [
      { name: 'status', logicalType: 'string', primaryKey: 1 },
      { name: 'amount', logicalType: 'number', physicalType: 'DECIMAL(18,2)' },
    ],
    meshplane: { transform: 'revenue.sql', refresh: 'full' },
  }),
  'domains/finance/revenue/revenue.sql':
    'select status, sum(price * quantity) as amount from orders group by status',
};

describe('loadMesh', () => {
  it('resolves products, their ports and platform settings', async () => {
    const root = workspace({ ...salesMesh(), ...revenue, 'mesh.yaml': meshYaml(['sales', 'finance']) });
    const mesh = await loadMesh(root);
    expect(mesh.problems).toEqual([]);
    const revenueProduct = mesh.products.find((p) => p.id === 'finance.revenue');
    expect(revenueProduct?.inputs).toEqual([
      {
        kind: 'product',
        name: 'orders',
        contractId: 'sales.orders.orders.v1',
        productId: 'sales.orders',
        port: 'orders',
      },
    ]);
    expect(revenueProduct?.outputs[0]).toMatchObject({
      name: 'revenue',
      refresh: 'full',
      primaryKey: ['status'],
      schedule: undefined,
    });
    const orders = mesh.products.find((p) => p.id === 'sales.orders');
    expect(orders?.inputs.map((i) => i.kind)).toEqual(['files', 'files', 'files']);
    expect(orders?.sqlName).toBe('orders');
  });

  it('lists products it cannot resolve, with the reason', async () => {
    const files = salesMesh('select 1', 'sometimes');
    const root = workspace(files);
    const mesh = await loadMesh(root);
    expect(mesh.products).toEqual([]);
    expect(mesh.problems).toEqual([
      'sales.orders/orders: meshplane.refresh must be one of full, append, merge',
    ]);
  });
});

describe('product input ports', () => {
  it('say which upstream product must run first when it has no storage', async () => {
    const root = workspace({ ...salesMesh(), ...revenue, 'mesh.yaml': meshYaml(['sales', 'finance']) });
    const mesh = await loadMesh(root);
    const runtime = await MeshRuntime.open({ workspace: root, settleMs: 0 });
    try {
      const downstream = mesh.products.filter((p) => p.id === 'finance.revenue');
      await runtime.deploy(downstream);
      const result = await runtime.runProduct(downstream[0] as never, { trigger: 'manual' });
      expect(result.transforms[0]?.error).toEqual({
        code: 'NOT_FOUND',
        message:
          'input port orders reads sales.orders/orders, which has no storage yet (deploy and run sales.orders first)',
      });
    } finally {
      await runtime.close();
    }
  });

  it('read the upstream output through the hub once it ran', async () => {
    const root = workspace({
      ...salesMesh(),
      ...revenue,
      'mesh.yaml': meshYaml(['sales', 'finance']),
      [`${ORDERS_DIR}/data/orders/1.csv`]:
        'order_id,quantity,price,status,ordered_at,note\nO-1,2,1.50,placed,2025-01-01,\nO-2,1,4.00,paid,2025-01-01,\nO-3,1,1.00,paid,2025-01-01,\n',
    });
    const mesh = await loadMesh(root);
    const runtime = await MeshRuntime.open({ workspace: root, settleMs: 0 });
    try {
      await runtime.deploy(mesh.products);
      for (const id of ['sales.orders', 'finance.revenue']) {
        const product = mesh.products.find((p) => p.id === id);
        if (product === undefined) throw new Error(id);
        expect((await runtime.runProduct(product, { trigger: 'manual' })).ok).toBe(true);
      }
      const stream = await runtime.runQuery('select * from finance.revenue order by status');
      const rows = [];
      for await (const chunk of stream) rows.push(...chunk);
      expect(rows).toEqual([
        { status: 'paid', amount: '5.00' },
        { status: 'placed', amount: '3.00' },
      ]);
    } finally {
      await runtime.close();
    }
  });
});
