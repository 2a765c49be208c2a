import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProductBundle } from '../../src/cli/product-bundle.js';
import { type MeshServer, openMeshServer } from '../../src/server/open-mesh-server.js';
import { sampleValue } from '../observability/exposition.js';
import { runCli } from '../support/cli.js';
import {
  type EventsWorkspace,
  INPUT_PORT,
  ndjson,
  OUTPUT_PORT,
  orderEvent,
  PRODUCT_ID,
  scaffoldEventsWorkspace,
} from './support/events-workspace.js';

const EVENTS = `/api/v1/products/${PRODUCT_ID}/ports/${INPUT_PORT}/events`;

describe('HTTP push into an http-push input port (in-process server)', () => {
  let ws: EventsWorkspace;
  let server: MeshServer;

  beforeAll(async () => {
    ws = scaffoldEventsWorkspace('http-push');
    server = await openMeshServer({
      workspace: ws.workspace,
      inputPollMs: 100,
      webhookPollMs: 0,
      httpPush: { maxBodyBytes: 64 * 1024, events: { maxDepth: 8 } },
    });
    const deployed = await server.deploys.deploy(await readProductBundle(ws.product));
    expect(deployed.type).toBe('done');
    // A product with a files input port, for the 409.
    expect(runCli(['new', 'sales/batch-feed', '--template', 'batch'], ws.workspace).status).toBe(0);
    const batch = await server.deploys.deploy(
      await readProductBundle(path.join(ws.workspace, 'domains/sales/batch-feed')),
    );
    expect(batch.type).toBe('done');
  });

  afterAll(async () => {
    await server?.close();
    rmSync(ws.dir, { recursive: true, force: true });
  });

  const push = (body: string, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: EVENTS,
      payload: body,
      headers: { 'content-type': 'application/x-ndjson', ...headers },
    });

  const inputRows = async (where = 'true') => {
    const rows = await server.runtime.hub.query(
      `SELECT event_id FROM p_sales_orders.input.${INPUT_PORT} WHERE ${where} ORDER BY event_id`,
    );
    return rows.map((r) => String(r.event_id));
  };

  it('stores valid events, counts duplicates and quarantines events that break the contract', async () => {
    const first = await push(
      ndjson([orderEvent('a1'), orderEvent('a2'), orderEvent('a3', { event_type: 'moved' })]),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ accepted: 2, duplicates: 0, quarantined: 1 });
    // A retry of the same request, and a repeat inside one request: each key is stored once.
    const retry = await push(
      ndjson([orderEvent('a1'), orderEvent('a2'), orderEvent('a4'), orderEvent('a4')]),
    );
    expect(retry.json()).toEqual({ accepted: 1, duplicates: 3, quarantined: 0 });
    expect(await inputRows("event_id LIKE 'a%'")).toEqual(['a1', 'a2', 'a4']);
    const quarantine = await server.runtime.listQuarantine(PRODUCT_ID, { port: INPUT_PORT });
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]).toMatchObject({ position: 3 });
    expect(JSON.stringify(quarantine[0])).toMatch(/event_type: 'moved' does not match the pattern/);
    expect(JSON.stringify(quarantine[0])).toMatch(/http:.*#3/);
  });

  it('takes a JSON array and unwraps CloudEvents structured events, keyed by their id', async () => {
    const cloud = (id: string, data: unknown) => ({
      specversion: '1.0',
      id,
      source: '/shop',
      type: 'order.created',
      data,
    });
    const body = JSON.stringify([cloud('ce-1', orderEvent('c1')), cloud('ce-2', orderEvent('c2'))]);
    const response = await server.app.inject({
      method: 'POST',
      url: EVENTS,
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ accepted: 2, duplicates: 0, quarantined: 0 });
    // Same CloudEvent ids with other data: duplicates by id.
    const again = JSON.stringify([cloud('ce-1', orderEvent('c3'))]);
    const second = await server.app.inject({
      method: 'POST',
      url: EVENTS,
      payload: again,
      headers: { 'content-type': 'application/json' },
    });
    expect(second.json()).toEqual({ accepted: 0, duplicates: 1, quarantined: 0 });
    expect(await inputRows("event_id LIKE 'c%'")).toEqual(['c1', 'c2']);
  });

  it('keys events without an id field by the Idempotency-Key header and their position', async () => {
    // Without event_id the contract refuses the event, but the key still makes a retry a duplicate.
    const events = [{ event_type: 'created' }, { event_type: 'created' }];
    const first = await push(ndjson(events), { 'idempotency-key': 'req-77' });
    expect(first.json()).toEqual({ accepted: 0, duplicates: 0, quarantined: 2 });
    const retry = await push(ndjson(events), { 'idempotency-key': 'req-77' });
    expect(retry.json()).toEqual({ accepted: 0, duplicates: 2, quarantined: 0 });
    const other = await push(ndjson(events.slice(0, 1)), { 'idempotency-key': 'req-78' });
    expect(other.json()).toEqual({ accepted: 0, duplicates: 0, quarantined: 1 });
  });

  it('refuses malformed JSON naming the line and column, and stores nothing of the request', async () => {
    const body = `${JSON.stringify(orderEvent('m1'))}\n{"event_id": "m2", "amount": }\n`;
    const response = await push(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_INPUT', details: { line: 2, column: 30 } });
    expect(response.json().error.message).toMatch(/line 2, column 30/);
    const notObject = await push(`${JSON.stringify(orderEvent('m3'))}\n[1, 2]\n`);
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().error.message).toMatch(/must be a JSON object at line 2, column 1/);
    expect(await inputRows("event_id LIKE 'm%'")).toEqual([]);
  });

  it('refuses a body over the size limit (413) and events nested too deep (400)', async () => {
    const big = ndjson(Array.from({ length: 800 }, (_, i) => orderEvent(`big-${i}`)));
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024);
    const response = await push(big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('INVALID_INPUT');
    const deep = { ...orderEvent('deep'), amount: JSON.parse(`${'['.repeat(20)}1${']'.repeat(20)}`) };
    const nested = await push(ndjson([deep]));
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.message).toMatch(/nests deeper than 8 levels at line 1/);
    expect(await inputRows("event_id LIKE 'big%' OR event_id = 'deep'")).toEqual([]);
  });

  it('answers 404 for an unknown product or port and 409 for a port that is not http-push', async () => {
    const unknownProduct = await server.app.inject({
      method: 'POST',
      url: `/api/v1/products/sales.nope/ports/${INPUT_PORT}/events`,
      payload: '{}',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(unknownProduct.statusCode).toBe(404);
    const unknownPort = await server.app.inject({
      method: 'POST',
      url: `/api/v1/products/${PRODUCT_ID}/ports/nope/events`,
      payload: '{}',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(unknownPort.statusCode).toBe(404);
    const filesPort = await server.app.inject({
      method: 'POST',
      url: '/api/v1/products/sales.batch_feed/ports/batch_feed_files/events',
      payload: '{}',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(filesPort.statusCode, filesPort.body).toBe(409);
    expect(filesPort.json().error.message).toMatch(/is a files port, not http-push/);
  });

  it('rebuilds the output port after a push, on its own', async () => {
    await push(ndjson([orderEvent('r1'), orderEvent('r2')]));
    const deadline = Date.now() + 15_000;
    let rows: unknown[] = [];
    while (Date.now() < deadline) {
      rows = await server.runtime.hub.query(
        `SELECT event_id FROM p_sales_orders.main.${OUTPUT_PORT} WHERE event_id IN ('r1', 'r2')`,
      );
      if (rows.length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows).toHaveLength(2);
    // The run marks the input consumed after its transforms commit.
    const product = server.runtime.products().find((p) => p.id === PRODUCT_ID);
    if (product === undefined) throw new Error('not deployed');
    while ((await server.runtime.hasNewInput(product)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await server.runtime.hasNewInput(product)).toBe(false);
  });

  it('shows the port status with counters, and refuses pushes while paused (503)', async () => {
    const ports = await server.app.inject({ method: 'GET', url: `/api/v1/products/${PRODUCT_ID}/ports` });
    expect(ports.statusCode).toBe(200);
    const view = ports.json().ports.find((p: { port: string }) => p.port === INPUT_PORT);
    expect(view).toMatchObject({ kind: 'http-push', streamed: true, status: { state: 'running' } });
    expect(view.counters.accepted).toBeGreaterThanOrEqual(7);
    expect(view.counters.duplicates).toBeGreaterThanOrEqual(6);
    const paused = await server.app.inject({
      method: 'POST',
      url: `/api/v1/products/${PRODUCT_ID}/ports/${INPUT_PORT}/pause`,
    });
    expect(paused.json()).toMatchObject({ status: { state: 'paused' } });
    expect((await push(ndjson([orderEvent('p1')]))).statusCode).toBe(503);
    const resumed = await server.app.inject({
      method: 'POST',
      url: `/api/v1/products/${PRODUCT_ID}/ports/${INPUT_PORT}/resume`,
    });
    expect(resumed.json()).toMatchObject({ status: { state: 'running' } });
    expect((await push(ndjson([orderEvent('p1')]))).json()).toEqual({
      accepted: 1,
      duplicates: 0,
      quarantined: 0,
    });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/products/{id}/ports/{port}/events',
        '/api/v1/products/{id}/ports',
        '/api/v1/products/{id}/ports/{port}/pause',
      ]),
    );
    expect(doc.paths['/api/v1/products/{id}/ports/{port}/events'].post.responses).toHaveProperty('429');
  });
  it("exports the port's counters and state at /metrics", async () => {
    const ports = (await server.app.inject(`/api/v1/products/${PRODUCT_ID}/ports`)).json();
    const view = ports.ports.find((p: { port: string }) => p.port === INPUT_PORT);
    expect(view.counters.accepted).toBeGreaterThan(0);
    const body = (await server.app.inject('/metrics')).body;
    const labels = { product: PRODUCT_ID, port: INPUT_PORT };
    expect(sampleValue(body, 'meshplane_ingest_events_total', { ...labels, result: 'accepted' })).toBe(
      view.counters.accepted,
    );
    expect(sampleValue(body, 'meshplane_ingest_events_total', { ...labels, result: 'quarantined' })).toBe(
      view.counters.quarantined,
    );
    expect(sampleValue(body, 'meshplane_ingest_port_state', { ...labels, state: 'running' })).toBe(1);
  });
});

describe('HTTP push backpressure (a tiny queue)', () => {
  let ws: EventsWorkspace;
  let server: MeshServer;

  beforeAll(async () => {
    ws = scaffoldEventsWorkspace('http-push-429');
    server = await openMeshServer({
      workspace: ws.workspace,
      inputPollMs: 0,
      webhookPollMs: 0,
      // The first request waits 300 ms for company, holding 3 of the queue's 4 places meanwhile.
      httpPush: {
        committer: { maxQueuedRecords: 4, maxBatchRecords: 4, lingerMs: 300, retryAfterSeconds: 2 },
      },
    });
    expect((await server.deploys.deploy(await readProductBundle(ws.product))).type).toBe('done');
  });

  afterAll(async () => {
    await server?.close();
    rmSync(ws.dir, { recursive: true, force: true });
  });

  it('answers 429 with Retry-After when the queue is full, queues nothing of that request, and takes it later', async () => {
    const send = (ids: string[]) =>
      server.app.inject({
        method: 'POST',
        url: EVENTS,
        payload: ndjson(ids.map((id) => orderEvent(id))),
        headers: { 'content-type': 'application/x-ndjson' },
      });
    const first = send(['q1', 'q2', 'q3']);
    const queued = async () => {
      const ports = (await server.app.inject(`/api/v1/products/${PRODUCT_ID}/ports`)).json();
      return ports.ports.find((p: { port: string }) => p.port === INPUT_PORT)?.queued?.records ?? 0;
    };
    while ((await queued()) < 3) await new Promise((r) => setTimeout(r, 5));
    const refused = await send(['q4', 'q5']);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.json().error.code).toBe('UNAVAILABLE');
    // A request that fits joins the first one's batch; both answer after the same COMMIT.
    const joined = await send(['q6']);
    expect(joined.json()).toEqual({ accepted: 1, duplicates: 0, quarantined: 0 });
    expect((await first).json()).toEqual({ accepted: 3, duplicates: 0, quarantined: 0 });
    const retried = await send(['q4', 'q5']);
    expect(retried.json()).toEqual({ accepted: 2, duplicates: 0, quarantined: 0 });
    const rows = await server.runtime.hub.query(
      `SELECT event_id FROM p_sales_orders.input.${INPUT_PORT} ORDER BY 1`,
    );
    expect(rows.map((r) => r.event_id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    // A request larger than a whole batch can never fit: refused as invalid, not as busy.
    const huge = await send(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(huge.statusCode).toBe(400);
  });
});

describe('streamed port settings at deploy', () => {
  it('refuses a deploy whose streamed port names an idField the contract does not have, and says which', async () => {
    const ws = scaffoldEventsWorkspace('http-push-bad');
    const server = await openMeshServer({ workspace: ws.workspace, inputPollMs: 0, webhookPollMs: 0 });
    try {
      const contract = path.join(ws.product, `${INPUT_PORT}.odcs.yaml`);
      writeFileSync(
        contract,
        readFileSync(contract, 'utf8').replace('idField: event_id', 'idField: no_such_field'),
      );
      const outcome = await server.deploys.deploy(await readProductBundle(ws.product));
      expect(outcome).toMatchObject({ type: 'failed', step: 'validate', code: 'INVALID_INPUT' });
      expect(outcome.type === 'failed' && outcome.message).toMatch(
        /idField no_such_field is not a field of the input contract/,
      );
      expect(await server.store.getProduct(PRODUCT_ID)).toBeUndefined();
    } finally {
      await server.close();
      rmSync(ws.dir, { recursive: true, force: true });
    }
  });
});
