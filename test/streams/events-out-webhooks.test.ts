import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, verifySignature } from '../../src/notify/index.js';
import {
  type EventDelivery,
  type Subscription,
  startEventDelivery,
} from '../../src/ports/events-out/index.js';
import { buildApp } from '../../src/server/build-app.js';
import { Lifecycle } from '../../src/server/lifecycle.js';
import { eventsOutRoutes } from '../../src/server/routes/events-out-routes.js';
import { closedPort, type Receiver, startReceiver, waitFor } from '../notify/webhook-receiver.js';
import type { TestMesh } from '../runtime/support/workspace.js';
import { addOrders, closeMesh, openOrdersMesh, PRODUCT_ID, runOrders } from './events-out-fixture.js';

const SECRET = 'hook-secret-1';
const ENV = { HOOK_SECRET: SECRET };

let mesh: TestMesh | undefined;
let app: FastifyInstance | undefined;
let delivery: EventDelivery | undefined;
const receivers: Receiver[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  await delivery?.stop();
  delivery = undefined;
  for (const r of receivers.splice(0)) await r.close();
  await closeMesh(mesh);
  mesh = undefined;
});

async function serve(m: TestMesh, maxAttempts: number): Promise<string> {
  delivery = startEventDelivery({
    runtime: m.runtime,
    pollMs: 25,
    backoff: () => 30,
    maxAttempts,
    timeoutMs: 2_000,
    env: ENV,
    onError: (error) => {
      throw error;
    },
  });
  app = await buildApp({
    lifecycle: new Lifecycle(),
    api: [eventsOutRoutes(m.runtime, { delivery, env: ENV })],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/products/${PRODUCT_ID}/ports/orders/subscriptions`;
}

async function subscribe(api: string, body: Record<string, unknown>): Promise<Subscription> {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Subscription;
}

async function listed(
  api: string,
): Promise<(Subscription & { deadLetters: { offset: number; error: string }[] })[]> {
  const response = await fetch(api);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: never[] }).items;
}

describe('webhook subscriptions', () => {
  it('deliver every change, in order, signed, once a receiver that was down comes back', async () => {
    mesh = await openOrdersMesh({ refresh: 'merge' });
    const api = await serve(mesh, 1_000);
    const port = await closedPort();
    const subscription = await subscribe(api, {
      url: `http://127.0.0.1:${port}/hook`,
      secretEnv: 'HOOK_SECRET',
      after: 0,
    });
    expect(subscription).toMatchObject({ port: 'orders', cursor: 0, failures: 0, secretEnv: 'HOOK_SECRET' });

    addOrders(mesh, 'O-1,1,placed,', 'O-2,1,placed,');
    await runOrders(mesh);
    addOrders(mesh, 'O-1,2,paid,', 'O-3,1,placed,');
    await runOrders(mesh);
    addOrders(mesh, 'O-1,3,paid,note', 'O-2,5,paid,');
    await runOrders(mesh);
    // The receiver is down: attempts fail, the cursor stays, the failures show.
    await waitFor(async () => ((await listed(api))[0]?.failures ?? 0) >= 3, 'failed attempts');
    const down = (await listed(api))[0];
    expect(down).toMatchObject({ cursor: 0, delivered: 0 });
    expect(down?.lastError).toMatch(/fetch failed|ECONNREFUSED/);

    // Back up, answering 500 to its first requests.
    receivers.push(await startReceiver((_path, n) => (n < 3 ? 500 : 204), port));
    const receiver = receivers[0] as Receiver;
    await waitFor(
      async () => receiver.received.filter((r) => r.status === 204).length >= 6,
      'all six events',
    );
    await delivery?.drain();

    const accepted = receiver.received.filter((r) => r.status === 204);
    const events = accepted.map((r) => JSON.parse(r.body));
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${PRODUCT_ID}:orders:${n}`));
    expect(events.filter((e) => e.subject === 'O-1').map((e) => e.data.quantity)).toEqual([1, 2, 3]);
    expect(events.filter((e) => e.subject === 'O-2').map((e) => e.data.quantity)).toEqual([1, 5]);
    for (const request of receiver.received) {
      expect(request.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
      const header = request.headers[SIGNATURE_HEADER.toLowerCase()] as string;
      expect(verifySignature(SECRET, header, request.body, new Date(), 300)).toEqual({ ok: true });
      expect(verifySignature('another-secret', header, request.body, new Date(), 300).ok).toBe(false);
    }
    // The 500s were retried with the same event, so nothing was skipped.
    expect(receiver.received.slice(0, 4).map((r) => JSON.parse(r.body).id)).toEqual(
      Array(4).fill(`${PRODUCT_ID}:orders:1`),
    );
    expect((await listed(api))[0]).toMatchObject({ cursor: 6, delivered: 6, failures: 0, deadLettered: 0 });
  });

  it('dead-letters an event after its last attempt without holding up other subscriptions', async () => {
    mesh = await openOrdersMesh({ refresh: 'merge' });
    const api = await serve(mesh, 3);
    receivers.push(await startReceiver((path) => (path === '/broken' ? 500 : 200)));
    const receiver = receivers[0] as Receiver;
    const broken = await subscribe(api, { url: receiver.url('/broken') });
    const healthy = await subscribe(api, { url: receiver.url('/ok') });
    expect(broken.cursor).toBe(0);

    addOrders(mesh, 'O-1,1,placed,', 'O-2,1,placed,');
    await runOrders(mesh);
    await waitFor(async () => (await listed(api)).every((s) => s.cursor === 2), 'both cursors at 2');

    const [first, second] = await listed(api);
    expect(first).toMatchObject({ id: broken.id, delivered: 0, deadLettered: 2, cursor: 2 });
    expect(first?.deadLetters.map((d) => d.offset)).toEqual([2, 1]);
    expect(first?.deadLetters[0]?.error).toMatch(/^HTTP 500/);
    expect(second).toMatchObject({ id: healthy.id, delivered: 2, deadLettered: 0 });
    expect(receiver.received.filter((r) => r.path === '/broken')).toHaveLength(6);
    expect(receiver.received.filter((r) => r.path === '/ok').map((r) => JSON.parse(r.body).subject)).toEqual([
      'O-1',
      'O-2',
    ]);

    const removed = await fetch(`${api}/${broken.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await listed(api)).map((s) => s.id)).toEqual([healthy.id]);
    expect((await fetch(`${api}/${broken.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a secret variable that is not set, a URL that is not http, and starts new subscriptions at the end', async () => {
    mesh = await openOrdersMesh({ refresh: 'merge' });
    addOrders(mesh, 'O-1,1,placed,');
    await runOrders(mesh);
    const api = await serve(mesh, 3);
    const post = (body: unknown) =>
      fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const unset = await post({ url: 'http://127.0.0.1:1/x', secretEnv: 'NOT_SET_ANYWHERE' });
    expect(unset.status).toBe(400);
    expect((await unset.json()).error.message).toMatch(/NOT_SET_ANYWHERE is not set/);
    expect((await post({ url: 'file:///etc/passwd' })).status).toBe(400);
    expect((await post({ url: 'http://user:pw@127.0.0.1/x' })).status).toBe(400);
    const latest = await subscribe(api, { url: 'http://127.0.0.1:1/x' });
    expect(latest.cursor).toBe(1);
  });
});
