import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { MeshHealthReport, ProductHealth } from '../../src/quality/mesh-health/index.js';
import type { MeshServer } from '../../src/server/open-mesh-server.js';
import { SCAFFOLDED_AT } from '../../src/workspace/scaffold-time.js';
import {
  CRM,
  cli,
  deploy,
  FINANCE,
  type HealthWorkspace,
  makeHealthWorkspace,
  openHealthServer,
  query,
  SALES,
} from './health-workspace.js';

const DAY = 86_400_000;

/**
 * The mesh's health end to end: three declared domains, two deployed products, one whose deploy
 * failed, a crm member reading a sales product, and the monitor's incidents.
 */
describe('GET /api/v1/mesh/health and meshplane health (in-process server)', () => {
  let ws: HealthWorkspace;
  let server: MeshServer;
  let url = '';

  async function health(query = ''): Promise<MeshHealthReport> {
    const response = await server.app.inject(`/api/v1/mesh/health${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const productOf = (report: MeshHealthReport, id: string): ProductHealth => {
    const found = report.products.find((p) => p.id === id);
    if (found === undefined) throw new Error(`no product ${id} in the report`);
    return found;
  };

  beforeAll(async () => {
    ws = await makeHealthWorkspace();
    server = await openHealthServer(ws);
    expect(await deploy(server, ws, SALES.dir)).toBe('done');
    expect(await deploy(server, ws, CRM.dir)).toBe('done');
    expect(await deploy(server, ws, FINANCE.dir)).toBe('failed');
    // cleo is in crm-team (owner of crm): a read of a sales product from another domain.
    expect((await query(server, 'select count(*) as n from sales.orders', 'cleo')).statusCode).toBe(200);
    // anonymous belongs to no domain: a consumer, never cross-domain.
    expect((await query(server, 'select count(*) as n from crm.leads', 'anonymous')).statusCode).toBe(200);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    ws?.remove();
  });

  it('measures time to create from the scaffold time recorded by meshplane new to the first successful deploy', async () => {
    const report = await health();
    const descriptor = parse(readFileSync(path.join(ws.workspace, SALES.dir, 'product.odps.yaml'), 'utf8'));
    const scaffolded = descriptor.customProperties.find(
      (p: { property: string }) => p.property === SCAFFOLDED_AT,
    ).value;
    const [deployed] = await server.store.listDeploys(SALES.id, 1);
    const sales = productOf(report, SALES.id);
    expect(sales).toMatchObject({
      domain: 'sales',
      deployed: true,
      scaffoldedAt: new Date(scaffolded).toISOString(),
      firstDeployedAt: deployed?.finishedAt,
      timeToCreate: {
        source: 'scaffolded',
        from: new Date(scaffolded).toISOString(),
        to: deployed?.finishedAt,
        seconds: (Date.parse(deployed?.finishedAt ?? '') - Date.parse(scaffolded)) / 1000,
      },
      notes: [],
    });
    expect(report.mesh.timeToCreate).toMatchObject({ count: 2, scaffolded: 2, firstSeen: 0 });
    const [a = Number.NaN, b = Number.NaN] = [SALES.id, CRM.id].map(
      (id) => productOf(report, id).timeToCreate?.seconds ?? Number.NaN,
    );
    expect(report.mesh.timeToCreate.medianSeconds).toBeCloseTo((a + b) / 2, 2);
  });

  it('lists the product whose deploy failed as not deployed, with its domain read from the journal', async () => {
    const report = await health();
    const ledger = productOf(report, FINANCE.id);
    expect(ledger.deployed).toBe(false);
    expect(ledger.domain).toBe('finance');
    expect(ledger.timeToCreate).toBeUndefined();
    expect(ledger.scaffoldedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(ledger.notes[0]).toBe('not deployed successfully yet: 1 deploy(s), 1 failed');
    expect(ledger.notes[1]).toMatch(/^latest deploy failed at built: /);
    expect(report.mesh.products).toEqual({ total: 3, deployed: 2, notYetDeployed: 1 });
    expect(report.mesh.domains).toEqual({
      declared: 3,
      onPlatform: 2,
      share: 2 / 3,
      withoutProducts: ['finance'],
      undeclared: [],
    });
    expect(report.domains.map((d) => [d.name, d.ownerTeam, d.onPlatform])).toEqual([
      ['crm', 'crm-team', true],
      ['finance', 'finance-team', false],
      ['sales', 'sales-team', true],
    ]);
  });

  it('counts active consumers and the cross-domain reuse of a sales product by a crm member', async () => {
    const report = await health();
    expect(productOf(report, SALES.id).consumers).toEqual({
      active: 1,
      queryConsumers: 1,
      products: 0,
      readByDomains: ['crm'],
    });
    expect(productOf(report, SALES.id).crossDomain).toBe(true);
    expect(productOf(report, CRM.id)).toMatchObject({
      consumers: { active: 1, queryConsumers: 1, readByDomains: [] },
      crossDomain: false,
    });
    expect(report.mesh.edges).toEqual([{ from: 'sales', to: 'crm', products: 1, readers: 1 }]);
    expect(report.mesh.reuse).toEqual({ crossDomainProducts: 1, share: 0.5 });
    expect(report.mesh.consumers).toEqual({
      distinctQueryConsumers: 2,
      medianPerProduct: 1,
      productsWithoutConsumers: 0,
    });
    expect(report.mesh.consumersWithoutDomain).toBe(1);
  });

  it('widens or narrows the consumer window with ?days=', async () => {
    // A finance member's read 40 days ago: outside the default 30 days, inside 60.
    await server.store.recordPortUsage([
      {
        productId: SALES.id,
        port: 'orders',
        major: 1,
        consumer: 'fin',
        rows: 1,
        at: new Date(Date.now() - 40 * DAY),
      },
    ]);
    expect(productOf(await health(), SALES.id).consumers.readByDomains).toEqual(['crm']);
    const wide = await health('?days=60');
    expect(wide.days).toBe(60);
    expect(productOf(wide, SALES.id).consumers).toMatchObject({
      queryConsumers: 2,
      readByDomains: ['crm', 'finance'],
    });
    expect(wide.mesh.edges).toEqual([
      { from: 'sales', to: 'crm', products: 1, readers: 1 },
      { from: 'sales', to: 'finance', products: 1, readers: 1 },
    ]);
    for (const bad of ['?days=0', '?days=366', '?days=soon', '?other=1']) {
      const refused = await server.app.inject(`/api/v1/mesh/health${bad}`);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error.code).toBe('INVALID_INPUT');
    }
  });

  it('reports freshness from the runs, SLA adherence from the monitor and open incidents', async () => {
    const before = await health();
    const sales = productOf(before, SALES.id);
    const last = await server.store.lastPortUpdate(SALES.id, 'orders');
    expect(last).toBeDefined();
    expect(sales.freshness.ports).toEqual([
      { port: 'orders', lastUpdatedAt: last, ageSeconds: expect.any(Number) },
    ]);
    expect(sales.freshness.neverUpdated).toBe(0);
    const sla = await server.monitor.slaReport(SALES.id);
    const objectives = sla.ports.reduce((n, p) => n + p.objectives.length, 0);
    expect(objectives).toBeGreaterThan(0);
    expect(sales.sla).toMatchObject({ objectives });
    expect(before.mesh.sla.productsWithSla).toBe(2);
    expect(before.mesh.incidents).toEqual({ open: 0, acknowledged: 0 });

    // A tick a day later: the data is older than the contracts' five-minute latency promise.
    await server.monitor.tick(new Date(Date.now() + DAY));
    const open = await server.store.listIncidents({ state: 'open', productId: SALES.id, limit: 100 });
    expect(open.length).toBeGreaterThan(0);
    const after = await health();
    expect(productOf(after, SALES.id).incidents).toEqual({ open: open.length, acknowledged: 0 });
    const all = await server.store.listIncidents({ state: 'open', limit: 100 });
    expect(after.mesh.incidents).toEqual({ open: all.length, acknowledged: 0 });
    expect(after.domains.find((d) => d.name === 'sales')?.incidents.open).toBe(open.length);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await server.app.inject('/api/v1/openapi.json')).json();
    expect(doc.paths['/api/v1/mesh/health']?.get?.parameters).toEqual([
      expect.objectContaining({ name: 'days', in: 'query' }),
    ]);
  });

  it('meshplane health prints the figures for people, and the same report as JSON', async () => {
    const text = await cli(['health', '--server', url], ws.workspace);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^mesh health at \S+ \(consumers: a read in the last 30 days\)\n/);
    expect(text.stdout).toContain(
      'domains on the platform: 2 of 3 declared (66.7 %); without products: finance; undeclared: -',
    );
    expect(text.stdout).toContain('products: 2 deployed, 1 not deployed yet');
    expect(text.stdout).toMatch(
      /time to create: median .+, p90 .+ over 2 products \(2 from scaffold, 0 from first deploy attempt\)/,
    );
    expect(text.stdout).toContain('cross-domain reuse: 1 of 2 products (50.0 %)');
    expect(text.stdout).toContain('  sales -> crm: 1 products, 1 readers');
    expect(text.stdout).toMatch(/sales\.orders\s+\|\s+yes\s+\|.*\|\s+scaffolded\s+\|.*\|\s+crm\s+\|/);
    expect(text.stdout).toMatch(/finance\.ledger\s+\|\s+no\s+\|\s+-\s+\|\s+-\s+\|/);
    expect(text.stdout).toContain('  finance.ledger: not deployed successfully yet: 1 deploy(s), 1 failed');

    const json = await cli(['health', '--server', url, '--format', 'json', '--days', '60'], ws.workspace);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as MeshHealthReport;
    expect(report.days).toBe(60);
    expect(report.products.map((p) => p.id)).toEqual([CRM.id, FINANCE.id, SALES.id]);
    expect(productOf(report, SALES.id).consumers.readByDomains).toEqual(['crm', 'finance']);

    for (const days of ['0', '400', 'soon']) {
      const refused = await cli(['health', '--server', url, '--days', days], ws.workspace);
      expect(refused.code, days).toBe(2);
      expect(refused.stderr).toMatch(/--days/);
    }
  });
});
