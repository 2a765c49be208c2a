import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors/index.js';
import { tableBytes } from '../../src/observability/cost/index.js';
import { productAlias } from '../../src/runtime/index.js';
import type { MeshServer } from '../../src/server/open-mesh-server.js';
import { sampleValue } from '../observability/exposition.js';
import {
  type CostWorkspace,
  CRM,
  cli,
  openCostServer,
  push,
  query,
  SALES,
  scaffoldCostWorkspace,
  setQuotas,
} from './support/cost-workspace.js';

const JOIN = `select count(*) as n from ${SALES.table} s join ${CRM.table} c using (event_id)`;

/** Midnight UTC after now: when a query-time quota resets. */
function nextMidnight(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
}

describe('query cost and the query-time quota (in-process server)', () => {
  let ws: CostWorkspace;
  let server: MeshServer;
  let url: string;

  beforeAll(async () => {
    ws = scaffoldCostWorkspace('cost-query');
    server = await openCostServer(ws);
    url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    // Data in both domains: three sales events, two crm events, two of them sharing an id.
    expect((await push(server, SALES, ['e1', 'e2', 'e3'])).statusCode).toBe(200);
    expect((await push(server, CRM, ['e1', 'x9'])).statusCode).toBe(200);
    for (const id of [SALES.id, CRM.id]) {
      const run = await server.app.inject({
        method: 'POST',
        url: `/api/v1/products/${id}/runs`,
        payload: {},
      });
      expect(run.statusCode, run.body).toBe(200);
    }
  });

  afterAll(async () => {
    await server?.close();
    rmSync(ws.dir, { recursive: true, force: true });
  });

  /** Estimated bytes of a product's output table: its rows times the widths of its contract's column types. */
  async function outputBytes(productId: string): Promise<number> {
    const product = server.runtime.products().find((p) => p.id === productId);
    const port = product?.outputs[0];
    if (product === undefined || port === undefined) throw new Error(`no product ${productId}`);
    const [row] = await server.runtime.hub.query(
      `select count(*) as n from ${productAlias(product.id)}.main.${port.name}`,
    );
    return tableBytes(
      Number(row?.n),
      port.columns.map((c) => c.sqlType),
    );
  }

  it('charges a query to its consumer once and to each domain it read, with each domain its own bytes', async () => {
    const joined = await query(server, JOIN, 'ana');
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().rows).toEqual([{ n: '1' }]);
    expect((await query(server, `select * from ${CRM.table}`, 'bo')).statusCode).toBe(200);

    const salesBytes = await outputBytes(SALES.id);
    const crmBytes = await outputBytes(CRM.id);
    expect(salesBytes).toBeGreaterThan(0);

    const byConsumer = (await server.app.inject('/api/v1/cost?by=consumer')).json();
    const ana = byConsumer.rows.find((r: { consumer: string }) => r.consumer === 'ana');
    expect(ana).toMatchObject({ queries: 1, rows: 1, bytesScanned: salesBytes + crmBytes });
    expect(ana.queryTimeMs).toBeGreaterThanOrEqual(1);
    // Both domains are charged the join's whole time, each with its own bytes.
    expect(ana.domains).toEqual([
      { domain: 'crm', queries: 1, queryTimeMs: ana.queryTimeMs, bytesScanned: crmBytes },
      { domain: 'sales', queries: 1, queryTimeMs: ana.queryTimeMs, bytesScanned: salesBytes },
    ]);

    const byDomain = (await server.app.inject('/api/v1/cost?by=domain')).json();
    const crm = byDomain.rows.find((r: { domain: string }) => r.domain === 'crm');
    const sales = byDomain.rows.find((r: { domain: string }) => r.domain === 'sales');
    expect(crm).toMatchObject({
      products: 1,
      queries: 2,
      bytesScanned: 2 * crmBytes,
      quotas: {},
      overQuota: [],
    });
    expect(sales).toMatchObject({
      products: 1,
      queries: 1,
      bytesScanned: salesBytes,
      queryTimeMs: ana.queryTimeMs,
    });
    expect(sales.storageBytes).toBeGreaterThan(0);
    expect(sales.pipelineRuns).toBeGreaterThan(0);
  });

  it('refuses queries reading a domain over its query-time quota, naming domain, quota, usage and reset', async () => {
    // The join above used more than 1 ms of sales' day already.
    setQuotas(ws, 'sales', { queryTimePerDay: '1ms' });
    const refused = await query(server, `select count(*) from ${SALES.table}`, 'ana');
    expect(refused.statusCode).toBe(403);
    const error = refused.json().error;
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(
      /^domain 'sales' is over its query time quota: \d+ ms used of 1 ms per day \(UTC\); queries reading it are refused until the quota resets at /,
    );
    expect(error.message).toContain(nextMidnight());
    expect(error.details).toMatchObject({
      reason: 'quota-exceeded',
      domain: 'sales',
      quota: 'queryTimePerDay',
      unit: 'ms',
      limit: 1,
      resetsAt: nextMidnight(),
    });
    expect(error.details.used).toBeGreaterThanOrEqual(1);
    // Any other consumer too, and a join that reads sales among others.
    expect((await query(server, `select * from ${SALES.table}`, 'bo')).statusCode).toBe(403);
    expect((await query(server, JOIN, 'bo')).json().error.details.domain).toBe('sales');
  });

  it('keeps serving the other domains, and counts refusals as rejected queries, not as cost', async () => {
    const before = (await server.app.inject('/api/v1/cost?by=domain')).json();
    const crm = await query(server, `select count(*) as n from ${CRM.table}`, 'ana');
    expect(crm.statusCode, crm.body).toBe(200);
    expect(crm.json().rows).toEqual([{ n: '2' }]);
    expect((await query(server, 'select 42 as answer', 'ana')).json().rows).toEqual([{ answer: 42 }]);

    const after = (await server.app.inject('/api/v1/cost?by=domain')).json();
    const salesOf = (report: { rows: { domain: string; queries: number; overQuota: string[] }[] }) =>
      report.rows.find((r) => r.domain === 'sales');
    expect(salesOf(after)?.queries).toBe(salesOf(before)?.queries);
    expect(salesOf(after)?.overQuota).toEqual(['queryTimePerDay']);

    const metrics = await server.app.inject('/metrics');
    expect(metrics.statusCode).toBe(200);
    expect(
      sampleValue(metrics.body, 'meshplane_queries_total', { outcome: 'rejected' }),
    ).toBeGreaterThanOrEqual(3);
    expect((await server.app.inject('/healthz')).statusCode).toBe(200);
  });

  it('gives the CLI the refusal with the exit code of FORBIDDEN', async () => {
    const refused = await cli(['query', `select count(*) from ${SALES.table}`, '--server', url]);
    expect(refused.code).toBe(EXIT.USAGE);
    expect(refused.stderr).toMatch(/^meshplane: domain 'sales' is over its query time quota: .* resets at /);
    const served = await cli(['query', `select count(*) as n from ${CRM.table}`, '--server', url]);
    expect(served.code, served.stderr).toBe(EXIT.OK);
  });

  it('shows cost by domain, product and consumer as a table and as JSON', async () => {
    const domains = await cli(['cost', '--server', url]);
    expect(domains.code, domains.stderr).toBe(EXIT.OK);
    const lines = domains.stdout.split('\n');
    expect(lines[0]).toMatch(/^cost by domain, \d{4}-\d{2}-\d{2} \(UTC\)$/);
    expect(lines[1]).toMatch(
      /^domain\s+\| products \| storage\s+\| storage quota \| queries \| query time \| today/,
    );
    expect(lines.find((l) => l.startsWith('sales '))).toMatch(/\| 1 ms\s+\| .*\| over queryTimePerDay$/);
    expect(lines.find((l) => l.startsWith('crm '))).toMatch(/\| ok$/);

    const json = await cli(['cost', '--by', 'product', '--format', 'json', '--server', url]);
    const report = JSON.parse(json.stdout);
    expect(report.by).toBe('product');
    expect(report.rows.map((r: { product: string }) => r.product)).toEqual([CRM.id, SALES.id]);
    for (const row of report.rows) {
      expect(row.storageBytes).toBe(row.fileBytes + row.walBytes);
      expect(row.fileBytes).toBeGreaterThan(0);
      expect(row.pipelineRuns).toBeGreaterThan(0);
    }

    const consumers = await cli(['cost', '--by', 'consumer', '--days', '7', '--server', url]);
    expect(consumers.stdout).toMatch(/^cost by consumer, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(UTC\)\n/);
    expect(consumers.stdout).toMatch(/\nana\s+\|\s+\d+ \| .*\| crm \(\d+\), sales \(1\)\n/);
    expect(consumers.stdout).toMatch(/\nbo\s+\|/);

    const bad = await cli(['cost', '--by', 'team', '--server', url]);
    expect(bad.code).toBe(EXIT.USAGE);
    const tooLong = await cli(['cost', '--days', '400', '--server', url]);
    expect(tooLong.code).toBe(EXIT.USAGE);
    expect(tooLong.stderr).toMatch(/days/);
  });

  it('applies a quota change in mesh.yaml without a restart', async () => {
    setQuotas(ws, 'sales', { queryTimePerDay: '2h' });
    expect((await query(server, `select count(*) as n from ${SALES.table}`)).statusCode).toBe(200);
    setQuotas(ws, 'sales', undefined);
    expect((await query(server, JOIN)).statusCode).toBe(200);
  });
});
