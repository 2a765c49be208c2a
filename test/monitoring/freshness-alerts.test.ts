import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProductBundle } from '../../src/cli/product-bundle.js';
import { type MeshServer, openMeshServer } from '../../src/server/open-mesh-server.js';
import { type Receiver, startReceiver, waitFor } from '../notify/webhook-receiver.js';
import { sampleValue } from '../observability/exposition.js';
import { removeWorkspace } from '../runtime/support/workspace.js';
import {
  addOrdersFile,
  ORDERS_DIR,
  OWNER_TEAM,
  PRODUCT_ID,
  writeMonitoringMesh,
} from './monitoring-workspace.js';

/**
 * The freshness SLA end to end, in-process: a product whose contract promises data at most 1 s
 * old, a real HTTP webhook receiver, monitor ticks at injected instants. A breach opens exactly
 * one incident and sends exactly one `opened` alert however many ticks see it; an acknowledgement
 * shows who; fresh data resolves it at the next tick with exactly one `resolved` alert.
 */
describe('a freshness breach, end to end', () => {
  let receiver: Receiver;
  let server: MeshServer;
  let root = '';
  const ms = (iso: string) => Date.parse(iso);
  const at = (base: number, offset: number) => new Date(base + offset);

  /** The finish of the port's newest successful run. */
  const lastRunEnd = async () => {
    const [run] = (await server.store.listRuns(PRODUCT_ID, 20)).filter(
      (r) => r.port === 'orders' && r.status === 'succeeded',
    );
    if (run?.finishedAt === undefined) throw new Error('the port has no successful run');
    return ms(run.finishedAt);
  };
  /** Waits until the outbox has nothing pending (every alert delivered to the receiver). */
  const delivered = () =>
    waitFor(
      async () => (await server.store.listWebhooks({ status: 'pending', limit: 10 })).length === 0,
      'delivery',
    );
  const bodies = () =>
    receiver.received.map(
      (r) => JSON.parse(r.body) as { id: string; type: string; data: Record<string, unknown> },
    );

  beforeAll(async () => {
    receiver = await startReceiver(() => 200);
    root = writeMonitoringMesh([{ property: 'latency', value: 1, unit: 's' }], receiver.url('/alerts'));
    server = await openMeshServer({
      workspace: root,
      inputPollMs: 0,
      webhookPollMs: 20,
      monitorIntervalMs: 0,
    });
    const deployed = await server.deploys.deploy(await readProductBundle(path.join(root, ORDERS_DIR)));
    expect(deployed.type).toBe('done');
  });

  afterAll(async () => {
    await server?.close();
    await receiver?.close();
    removeWorkspace(root);
  });

  it('opens one incident with one alert, shows who acknowledged it, and resolves it with one alert when fresh data arrives', async () => {
    const first = await lastRunEnd();
    const fresh = await server.monitor.tick(at(first, 200));
    expect(fresh).toMatchObject({ products: 1, evaluated: 1, alerts: 0, errors: [] });

    // Three ticks see the breach: one incident, one alert.
    const ticks = [];
    for (const offset of [1_500, 1_700, 1_900]) ticks.push(await server.monitor.tick(at(first, offset)));
    expect(ticks.map((t) => t.alerts)).toEqual([1, 0, 0]);
    const open = await server.app.inject(`/api/v1/incidents?state=open&product=${PRODUCT_ID}`);
    expect(open.statusCode).toBe(200);
    const incidents = open.json().incidents as Record<string, unknown>[];
    expect(incidents).toHaveLength(1);
    const incident = incidents[0] as { id: string };
    expect(incident).toMatchObject({
      key: { product: PRODUCT_ID, monitor: 'sla.breach', subject: 'orders/latency' },
      port: 'orders',
      state: 'open',
      occurrences: 3,
    });
    await delivered();
    expect(bodies().map((b) => [b.type, b.id])).toEqual([
      ['dev.meshplane.incident.opened', `${incident.id}.opened`],
    ]);
    expect(bodies()[0]?.data).toMatchObject({ product: PRODUCT_ID, monitor: 'sla.breach', kind: 'latency' });
    expect(receiver.received[0]?.headers['content-type']).toContain('application/cloudevents+json');

    const ack = await server.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/acknowledge`,
      headers: { 'meshplane-actor': 'carla@example.com' },
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'carla@example.com' });
    // Still failing while acknowledged: counted, no alert.
    expect((await server.monitor.tick(at(first, 2_000))).alerts).toBe(0);

    // Fresh data, after the instants the breach was seen at.
    await waitFor(async () => Date.now() > first + 2_100, 'the clock to pass the last breached tick');
    addOrdersFile(root, 2, 'O-3,3\n');
    const run = await server.runtime.runProduct(server.runtime.products()[0] ?? expect.fail('no product'), {
      trigger: 'manual',
    });
    expect(run.transforms.map((t) => t.status)).toEqual(['succeeded']);
    const second = await lastRunEnd();
    expect(second).toBeGreaterThan(first + 2_000);
    const cleared = await server.monitor.tick(at(second, 100));
    expect(cleared.alerts).toBe(1);
    expect((await server.monitor.tick(at(second, 300))).alerts).toBe(0);

    await delivered();
    expect(bodies().map((b) => [b.type, b.id])).toEqual([
      ['dev.meshplane.incident.opened', `${incident.id}.opened`],
      ['dev.meshplane.incident.resolved', `${incident.id}.resolved`],
    ]);
    expect(bodies()[1]?.data).toMatchObject({ resolvedBy: 'system', acknowledgedBy: 'carla@example.com' });
    const outbox = await server.store.listWebhooks({ limit: 10 });
    expect(outbox.map((w) => w.status)).toEqual(['delivered', 'delivered']);

    const shown = await server.app.inject(`/api/v1/incidents/${incident.id}`);
    expect(shown.json()).toMatchObject({
      state: 'resolved',
      acknowledgedBy: 'carla@example.com',
      resolvedBy: 'system',
      occurrences: 4,
    });
    expect(
      (shown.json().history as { action: string; actor: string }[]).map((h) => [h.action, h.actor]),
    ).toEqual([
      ['opened', 'system'],
      ['acknowledged', 'carla@example.com'],
      ['resolved', 'system'],
    ]);
    const notices = await server.store.listNotifications({ recipient: OWNER_TEAM, limit: 10 });
    expect(notices.map((n) => n.type).sort()).toEqual([
      'dev.meshplane.incident.opened',
      'dev.meshplane.incident.resolved',
    ]);
  });

  it('reports the SLA with its state, history and adherence, and exports the state', async () => {
    const now = new Date((await lastRunEnd()) + 500);
    const report = await server.monitor.slaReport(PRODUCT_ID, now);
    expect(report).toMatchObject({ productId: PRODUCT_ID, state: 'met' });
    const [objective] = report.ports[0]?.objectives ?? [];
    expect(objective).toMatchObject({
      id: 'latency',
      kind: 'latency',
      state: 'met',
      limit: { value: 1, unit: 'seconds' },
    });
    const day = report.adherence.day;
    expect(day.breachedSeconds).toBeGreaterThan(0);
    expect(day.metSeconds).toBeGreaterThan(0);
    expect(day.adherence).toBeGreaterThan(0);
    expect(day.adherence).toBeLessThan(1);

    await waitFor(async () => Date.now() > now.getTime(), 'the clock to reach the report instant');
    const api = await server.app.inject(`/api/v1/products/${PRODUCT_ID}/sla`);
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toMatchObject({
      productId: PRODUCT_ID,
      ports: [{ port: 'orders', objectives: [{ id: 'latency' }] }],
    });
    expect((await server.app.inject('/api/v1/products/sales.nothing/sla')).statusCode).toBe(404);

    const metrics = (await server.app.inject('/metrics')).body;
    expect(
      sampleValue(metrics, 'meshplane_sla_state', {
        product: PRODUCT_ID,
        objective: 'orders/latency',
        state: 'met',
      }),
    ).toBe(1);
    expect(
      sampleValue(metrics, 'meshplane_sla_state', {
        product: PRODUCT_ID,
        objective: 'orders/latency',
        state: 'breached',
      }),
    ).toBe(0);
  });

  it('refuses acting on a resolved or unknown incident with the right status', async () => {
    const [resolved] = await server.store.listIncidents({ state: 'resolved', limit: 1 });
    const again = await server.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${resolved?.id}/resolve`,
    });
    expect(again.statusCode).toBe(409);
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/api/v1/incidents/inc-nope/acknowledge',
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await server.app.inject('/api/v1/incidents?state=closed');
    expect(bad.statusCode).toBe(400);
  });
});
