/**
 * The quality routes as `meshplane serve` wires them: a product deployed through the API, its
 * rules run on demand, the reports kept, and the routes in the OpenAPI document.
 */
import { rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProductBundle } from '../../src/cli/product-bundle.js';
import type { PortQualityReport } from '../../src/quality/runs/index.js';
import { type MeshServer, openMeshServer } from '../../src/server/open-mesh-server.js';
import { makeWorkspace } from '../runtime/support/workspace.js';
import { PRODUCT, productDir, qualityMeshFiles } from './support/quality-workspace.js';

describe('quality routes of the mesh server', () => {
  const root = makeWorkspace(qualityMeshFiles());
  let server: MeshServer;

  beforeAll(async () => {
    // Settled input (older than the runtime's settle time), so the deploy's first build reads it.
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(productDir(root), 'data', 'orders.csv'), past, past);
    server = await openMeshServer({ workspace: root, inputPollMs: 0, webhookPollMs: 0 });
    const deploy = await server.app.inject({
      method: 'POST',
      url: '/api/v1/deploys',
      payload: await readProductBundle(productDir(root)),
    });
    expect(deploy.statusCode, deploy.body).toBe(201);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('runs the rules on demand, keeps the reports and serves the latest', async () => {
    const check = await server.app.inject({
      method: 'POST',
      url: `/api/v1/products/${PRODUCT}/quality/check`,
      payload: {},
    });
    expect(check.statusCode, check.body).toBe(200);
    const reports = (check.json() as { reports: PortQualityReport[] }).reports;
    const manual = reports.map((r) => [r.key, r.trigger, r.state]);
    expect(manual).toEqual([
      ['orders', 'manual', 'failed'],
      ['amounts', 'manual', 'warning'],
    ]);
    const rows = reports[1]?.results.find((r) => r.rule === 'amounts.rowCount');
    expect(rows).toMatchObject({ status: 'passed', measured: 4, threshold: [1, 100] });
    const latest = await server.app.inject(`/api/v1/products/${PRODUCT}/quality`);
    const ids = (latest.json() as { reports: PortQualityReport[] }).reports.map((r) => r.id).sort();
    expect(ids).toEqual(reports.map((r) => r.id).sort());
  });

  it('lists the quality routes in the OpenAPI document', async () => {
    const doc = (await server.app.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, unknown>;
    };
    for (const p of ['/quality', '/quality/history', '/quality/check'])
      expect(Object.keys(doc.paths)).toContain(`/api/v1/products/{id}${p}`);
  });
});
