import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors/index.js';
import type { MeshServer } from '../../src/server/open-mesh-server.js';
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

describe('the storage quota (in-process server)', () => {
  let ws: CostWorkspace;
  let server: MeshServer;
  let url: string;

  beforeAll(async () => {
    ws = scaffoldCostWorkspace('cost-storage');
    server = await openCostServer(ws);
    url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    expect((await push(server, CRM, ['c1'])).statusCode).toBe(200);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(ws.dir, { recursive: true, force: true });
  });

  const inputRows = async (product: { id: string; input: string }) => {
    const [row] = await server.runtime.hub.query(
      `select count(*) as n from p_${product.id.replace('.', '_')}.input.${product.input}`,
    );
    return Number(row?.n);
  };
  const run = (id: string) =>
    server.app.inject({ method: 'POST', url: `/api/v1/products/${id}/runs`, payload: {} });

  it('refuses pushed events (507) and manual runs (403) of a domain at its storage quota, naming it', async () => {
    const stored = (await server.app.inject('/api/v1/cost?by=product')).json();
    const crmBytes = stored.rows.find((r: { product: string }) => r.product === CRM.id).storageBytes;
    expect(crmBytes).toBeGreaterThan(1000);
    setQuotas(ws, 'crm', { storageBytes: '1KB' });

    const refused = await push(server, CRM, ['c2', 'c3']);
    expect(refused.statusCode).toBe(507);
    const error = refused.json().error;
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(
      /^domain 'crm' is over its storage quota: [\d.]+ KB stored of 1 KB; it takes in no new data until its products use less or mesh.yaml raises domains\[\]\.quotas\.storageBytes \(storage does not reset with time\)$/,
    );
    expect(error.details).toMatchObject({
      reason: 'quota-exceeded',
      domain: 'crm',
      quota: 'storageBytes',
      unit: 'bytes',
      limit: 1000,
    });
    expect(error.details.used).toBeGreaterThanOrEqual(crmBytes);
    expect(error.details).not.toHaveProperty('resetsAt');
    expect(await inputRows(CRM)).toBe(1);

    const runRefused = await run(CRM.id);
    expect(runRefused.statusCode).toBe(403);
    expect(runRefused.json().error.details.quota).toBe('storageBytes');

    const cliRun = await cli(['run', CRM.id, '--server', url]);
    expect(cliRun.code).toBe(EXIT.USAGE);
    expect(cliRun.stderr).toMatch(/domain 'crm' is over its storage quota/);
  });

  it('leaves the other domains and reading alone', async () => {
    expect((await push(server, SALES, ['s1', 's2'])).json()).toEqual({
      accepted: 2,
      duplicates: 0,
      quarantined: 0,
    });
    expect((await run(SALES.id)).statusCode).toBe(200);
    expect((await query(server, `select count(*) as n from ${SALES.table}`)).json().rows).toEqual([
      { n: '2' },
    ]);
    // crm's data is still served: a storage quota stops growth, not reads.
    expect((await query(server, `select count(*) as n from ${CRM.table}`)).statusCode).toBe(200);
    const domains = (await server.app.inject('/api/v1/cost?by=domain')).json();
    expect(domains.rows.find((r: { domain: string }) => r.domain === 'crm')).toMatchObject({
      quotas: { storageBytes: 1000 },
      overQuota: ['storageBytes'],
    });
    expect(domains.rows.find((r: { domain: string }) => r.domain === 'sales').overQuota).toEqual([]);
  });

  it('takes data in again once the quota is raised', async () => {
    setQuotas(ws, 'crm', { storageBytes: '1GB', queryTimePerDay: '2h' });
    expect((await push(server, CRM, ['c2'])).json()).toEqual({ accepted: 1, duplicates: 0, quarantined: 0 });
    expect((await run(CRM.id)).statusCode).toBe(200);
    expect(await inputRows(CRM)).toBe(2);
  });
});
