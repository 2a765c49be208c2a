import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MeshServer, openMeshServer } from '../../src/server/open-mesh-server.js';
import { sampleValue } from './exposition.js';

describe('metrics of the mesh server', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'meshplane-metrics-'));
  let server: MeshServer;

  beforeAll(async () => {
    server = await openMeshServer({ workspace, inputPollMs: 0, webhookPollMs: 0 });
  });

  afterAll(async () => {
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('serves /metrics and labels the API routes by their patterns', async () => {
    for (const id of ['sales.orders', 'crm.customers'])
      expect((await server.app.inject(`/api/v1/products/${id}`)).statusCode).toBe(404);
    const query = await server.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      payload: { sql: 'drop table x' },
    });
    expect(query.statusCode).toBe(400);
    expect(query.headers['x-request-id']).toBeDefined();

    const response = await server.app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(
      sampleValue(body, 'meshplane_http_requests_total', {
        method: 'GET',
        route: '/api/v1/products/:id',
        status_code: '404',
      }),
    ).toBe(2);
    expect(
      sampleValue(body, 'meshplane_http_requests_total', {
        method: 'POST',
        route: '/api/v1/query',
        status_code: '400',
      }),
    ).toBe(1);
    // The refused query is counted by its outcome, and no query succeeded.
    expect(sampleValue(body, 'meshplane_queries_total', { outcome: 'rejected' })).toBe(1);
    expect(sampleValue(body, 'meshplane_queries_total', { outcome: 'succeeded' }) ?? 0).toBe(0);
  });
});
