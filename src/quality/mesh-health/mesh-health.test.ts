import { describe, expect, it } from 'vitest';
import { SCAFFOLDED_AT } from '../../workspace/scaffold-time.js';
import type { HealthProductInput, MeshHealthInput } from './health-input.js';
import { meshHealth } from './mesh-health.js';

const NOW = '2025-06-30T12:00:00.000Z';
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();

/** A deployed product with nothing special about it; fields override. */
function product(id: string, domain: string, over: Partial<HealthProductInput> = {}): HealthProductInput {
  return {
    id,
    domain,
    deployed: true,
    customProperties: [],
    firstDeployAt: ago(10 * DAY),
    firstSucceededAt: ago(10 * DAY - 60_000),
    reads: [],
    outputs: [],
    incidents: { open: 0, acknowledged: 0 },
    ...over,
  };
}

function mesh(over: Partial<MeshHealthInput>): MeshHealthInput {
  return {
    now: NOW,
    days: 30,
    domains: [
      { name: 'sales', ownerTeam: 'sales-team' },
      { name: 'crm', ownerTeam: 'crm-team' },
      { name: 'finance', ownerTeam: 'finance-team' },
    ],
    teams: [
      { name: 'sales-team', members: ['sam'] },
      { name: 'crm-team', members: ['cleo', 'both'] },
      { name: 'finance-team', members: ['fin', 'both'] },
    ],
    products: [],
    usage: [],
    ...over,
  };
}

describe('meshHealth', () => {
  it('reports an empty mesh with counts at zero and no made-up figures', () => {
    const report = meshHealth(mesh({ domains: [], teams: [] }));
    expect(report).toEqual({
      generatedAt: NOW,
      days: 30,
      mesh: {
        products: { total: 0, deployed: 0, notYetDeployed: 0 },
        timeToCreate: { count: 0, scaffolded: 0, firstSeen: 0 },
        sla: { productsWithSla: 0, breachedNow: 0, metSeconds: 0, breachedSeconds: 0 },
        freshness: { count: 0, ports: 0, neverUpdated: 0 },
        consumers: { distinctQueryConsumers: 0, productsWithoutConsumers: 0 },
        reuse: { crossDomainProducts: 0 },
        incidents: { open: 0, acknowledged: 0 },
        domains: { declared: 0, onPlatform: 0, withoutProducts: [], undeclared: [] },
        edges: [],
        consumersWithoutDomain: 0,
      },
      domains: [],
      products: [],
    });
  });

  it('takes the median and 90th percentile of time to create over the mesh and per domain, naming each start', () => {
    const made = (id: string, domain: string, minutes: number, scaffolded: boolean) =>
      product(id, domain, {
        customProperties: scaffolded ? [{ property: SCAFFOLDED_AT, value: ago(20 * DAY) }] : [],
        firstDeployAt: ago(20 * DAY - 30_000),
        firstSucceededAt: ago(20 * DAY - minutes * 60_000),
      });
    const report = meshHealth(
      mesh({
        products: [
          made('sales.a', 'sales', 1, true),
          made('sales.b', 'sales', 3, true),
          made('sales.c', 'sales', 10, false),
          made('crm.d', 'crm', 2, true),
        ],
      }),
    );
    // Durations: a 60 s, b 180 s, c 600 s - 30 s (first seen 30 s after the scaffold) = 570 s, d 120 s.
    const seconds = Object.fromEntries(report.products.map((p) => [p.id, p.timeToCreate?.seconds]));
    expect(seconds).toEqual({ 'crm.d': 120, 'sales.a': 60, 'sales.b': 180, 'sales.c': 570 });
    expect(report.products.find((p) => p.id === 'sales.c')?.timeToCreate?.source).toBe('first-seen');
    // Sorted 60 120 180 570: median (120 + 180) / 2; p90 at rank 2.7: 180 + 0.7 * 390.
    expect(report.mesh.timeToCreate).toEqual({
      count: 4,
      medianSeconds: 150,
      p90Seconds: 453,
      scaffolded: 3,
      firstSeen: 1,
    });
    const sales = report.domains.find((d) => d.name === 'sales');
    expect(sales?.timeToCreate).toEqual({
      count: 3,
      medianSeconds: 180,
      p90Seconds: 492,
      scaffolded: 2,
      firstSeen: 1,
    });
  });

  it('lists products never deployed apart: no time to create, not on the platform, not in shares', () => {
    const report = meshHealth(
      mesh({
        products: [
          product('sales.live', 'sales'),
          withoutSuccess(
            product('finance.tried', 'finance', {
              deployed: false,
              notes: ['never deployed successfully (2 deploys failed)'],
            }),
          ),
        ],
      }),
    );
    const tried = report.products.find((p) => p.id === 'finance.tried');
    expect(tried).toMatchObject({ deployed: false, firstSeenAt: ago(10 * DAY) });
    expect(tried?.timeToCreate).toBeUndefined();
    expect(tried?.notes).toEqual(['never deployed successfully (2 deploys failed)']);
    expect(report.mesh.products).toEqual({ total: 2, deployed: 1, notYetDeployed: 1 });
    expect(report.mesh.timeToCreate.count).toBe(1);
    expect(report.mesh.domains).toEqual({
      declared: 3,
      onPlatform: 1,
      share: 1 / 3,
      withoutProducts: ['crm', 'finance'],
      undeclared: [],
    });
    expect(report.domains.find((d) => d.name === 'finance')).toMatchObject({
      declared: true,
      onPlatform: false,
      products: { total: 1, deployed: 0, notYetDeployed: 1 },
    });
    // The undeployed product has no consumers, and does not count as a product without any.
    expect(report.mesh.consumers.productsWithoutConsumers).toBe(1);
  });

  it('counts consumers with a read inside the window only, and products reading through input ports', () => {
    const report = meshHealth(
      mesh({
        days: 7,
        products: [
          product('sales.orders', 'sales'),
          product('sales.summary', 'sales', { reads: ['sales.orders'] }),
        ],
        usage: [
          { productId: 'sales.orders', consumer: 'sam', lastReadAt: ago(DAY) },
          { productId: 'sales.orders', consumer: 'sam', lastReadAt: ago(2 * DAY) },
          { productId: 'sales.orders', consumer: 'old', lastReadAt: ago(8 * DAY) },
          { productId: 'sales.orders', consumer: 'edge', lastReadAt: ago(7 * DAY) },
        ],
      }),
    );
    const orders = report.products.find((p) => p.id === 'sales.orders');
    expect(orders?.consumers).toEqual({ active: 3, queryConsumers: 2, products: 1, readByDomains: [] });
    expect(orders?.crossDomain).toBe(false);
    expect(report.mesh.consumers).toEqual({
      distinctQueryConsumers: 2,
      medianPerProduct: 1.5,
      productsWithoutConsumers: 1,
    });
    // `edge` read exactly at the window's start and belongs to no domain.
    expect(report.mesh.consumersWithoutDomain).toBe(1);
    const wider = meshHealth(
      mesh({
        days: 30,
        products: [product('sales.orders', 'sales')],
        usage: [{ productId: 'sales.orders', consumer: 'old', lastReadAt: ago(8 * DAY) }],
      }),
    );
    expect(wider.products[0]?.consumers.queryConsumers).toBe(1);
  });

  it('finds cross-domain reuse by consumers and products of other domains, with the edges between domains', () => {
    const report = meshHealth(
      mesh({
        products: [
          product('sales.orders', 'sales'),
          product('sales.returns', 'sales'),
          product('crm.leads', 'crm', { reads: ['sales.orders'] }),
          product('finance.revenue', 'finance'),
        ],
        usage: [
          // A crm member, a finance member, someone in both (crm and finance), the owner's own member.
          { productId: 'sales.orders', consumer: 'cleo', lastReadAt: ago(DAY) },
          { productId: 'sales.orders', consumer: 'fin', lastReadAt: ago(DAY) },
          { productId: 'sales.returns', consumer: 'both', lastReadAt: ago(DAY) },
          { productId: 'sales.returns', consumer: 'sam', lastReadAt: ago(DAY) },
          // A member of the owning domain (both is in finance) is not cross-domain for finance.
          { productId: 'finance.revenue', consumer: 'both', lastReadAt: ago(DAY) },
          // The owner team's name itself counts as the domain.
          { productId: 'crm.leads', consumer: 'crm-team', lastReadAt: ago(DAY) },
        ],
      }),
    );
    const byId = Object.fromEntries(report.products.map((p) => [p.id, p]));
    expect(byId['sales.orders']?.consumers.readByDomains).toEqual(['crm', 'finance']);
    expect(byId['sales.returns']?.consumers.readByDomains).toEqual(['crm', 'finance']);
    expect(byId['finance.revenue']?.crossDomain).toBe(false);
    expect(byId['crm.leads']?.crossDomain).toBe(false);
    expect(report.mesh.edges).toEqual([
      // sales -> crm: both products; readers cleo, both, and the product crm.leads.
      { from: 'sales', to: 'crm', products: 2, readers: 3 },
      { from: 'sales', to: 'finance', products: 2, readers: 2 },
    ]);
    expect(report.mesh.reuse).toEqual({ crossDomainProducts: 2, share: 0.5 });
    expect(report.domains.find((d) => d.name === 'sales')?.reuse).toEqual({
      crossDomainProducts: 2,
      share: 1,
    });
    expect(report.domains.find((d) => d.name === 'crm')?.reuse).toEqual({ crossDomainProducts: 0, share: 0 });
    expect(report.mesh.consumersWithoutDomain).toBe(0);
  });

  it('pools SLA time over products, ages output ports, counts incidents, and lists undeclared domains', () => {
    const report = meshHealth(
      mesh({
        products: [
          product('sales.orders', 'sales', {
            sla: { objectives: 2, state: 'breached', metSeconds: 900, breachedSeconds: 100 },
            outputs: [
              { port: 'orders', lastUpdatedAt: ago(60_000) },
              { port: 'orders@v2', lastUpdatedAt: ago(3_600_000) },
              { port: 'totals' },
            ],
            incidents: { open: 2, acknowledged: 1 },
          }),
          product('crm.leads', 'crm', {
            sla: { objectives: 1, state: 'met', metSeconds: 3000, breachedSeconds: 0 },
            outputs: [{ port: 'leads', lastUpdatedAt: ago(-5_000) }],
          }),
          product('ops.jobs', 'ops', {
            sla: { objectives: 0, state: 'unknown', metSeconds: 0, breachedSeconds: 0 },
          }),
        ],
      }),
    );
    const orders = report.products.find((p) => p.id === 'sales.orders');
    expect(orders?.sla).toEqual({
      objectives: 2,
      state: 'breached',
      adherence: 0.9,
      metSeconds: 900,
      breachedSeconds: 100,
    });
    expect(orders?.freshness).toEqual({
      ports: [
        { port: 'orders', lastUpdatedAt: ago(60_000), ageSeconds: 60 },
        { port: 'orders@v2', lastUpdatedAt: ago(3_600_000), ageSeconds: 3600 },
        { port: 'totals' },
      ],
      oldestAgeSeconds: 3600,
      neverUpdated: 1,
    });
    // A run finished after the report's instant is fresh, not negative.
    expect(report.products.find((p) => p.id === 'crm.leads')?.freshness.ports[0]?.ageSeconds).toBe(0);
    expect(report.products.find((p) => p.id === 'ops.jobs')?.sla).toBeUndefined();
    expect(report.mesh.sla).toEqual({
      productsWithSla: 2,
      breachedNow: 1,
      adherence: 3900 / 4000,
      metSeconds: 3900,
      breachedSeconds: 100,
    });
    expect(report.mesh.freshness).toEqual({
      count: 3,
      medianSeconds: 60,
      p90Seconds: 2892,
      ports: 4,
      neverUpdated: 1,
    });
    expect(report.mesh.incidents).toEqual({ open: 2, acknowledged: 1 });
    expect(report.mesh.domains).toMatchObject({ declared: 3, onPlatform: 2, undeclared: ['ops'] });
    expect(report.domains.map((d) => [d.name, d.declared])).toEqual([
      ['crm', true],
      ['finance', true],
      ['ops', false],
      ['sales', true],
    ]);
  });
});

/** The product without a successful deploy (exactOptionalPropertyTypes keeps `undefined` out). */
function withoutSuccess(p: HealthProductInput): HealthProductInput {
  const { firstSucceededAt: _drop, ...rest } = p;
  return rest;
}
