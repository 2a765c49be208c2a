import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudEvent, CONTRACT_DEPRECATED, cloudEvent } from '../../src/notify/cloud-event.js';
import { exponentialBackoff } from '../../src/notify/webhook-backoff.js';
import { startWebhookDispatcher, type WebhookDispatcher } from '../../src/notify/webhook-dispatcher.js';
import { verifySignature } from '../../src/notify/webhook-signature.js';
import { type ControlStore, createControlStore, type WebhookDelivery } from '../../src/store/index.js';
import {
  closedPort,
  type ReceivedRequest,
  type Receiver,
  startReceiver,
  waitFor,
} from './webhook-receiver.js';

const SECRET = 'whsec-test';

let workspaceDir: string;
let store: ControlStore;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  workspaceDir = await mkdtemp(path.join(tmpdir(), 'meshplane-webhooks-'));
  store = await createControlStore({ url: `sqlite:${path.join(workspaceDir, 'control.db')}`, workspaceDir });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await store.close();
  await rm(workspaceDir, { recursive: true, force: true });
});

function start(options: Omit<Parameters<typeof startWebhookDispatcher>[0], 'store'>): WebhookDispatcher {
  const dispatcher = startWebhookDispatcher({ store, ...options });
  cleanups.push(() => dispatcher.stop());
  return dispatcher;
}

async function listen(
  respond: (path: string, n: number) => number | Promise<number>,
  port = 0,
): Promise<Receiver> {
  const receiver = await startReceiver(respond, port);
  cleanups.push(() => receiver.close());
  return receiver;
}

function event(n: number): CloudEvent {
  return cloudEvent(
    {
      source: '/meshplane/products/sales.orders',
      type: CONTRACT_DEPRECATED,
      subject: 'sales.orders/orders',
      data: { n, title: `event ${n}`, message: 'orders v1 is deprecated' },
    },
    { newId: () => crypto.randomUUID() },
  );
}

async function all(): Promise<WebhookDelivery[]> {
  return store.listWebhooks({ limit: 1_000 });
}

async function noneIn(status: 'pending' | 'delivered' | 'dead'): Promise<boolean> {
  return (await store.listWebhooks({ status, limit: 1 })).length === 0;
}

/** The event ids of a URL path's requests, in the order the receiver got them. */
function idsAt(received: readonly ReceivedRequest[], at: string, accepted = false): string[] {
  return received
    .filter((r) => r.path === at && (!accepted || r.status < 300))
    .map((r) => (JSON.parse(r.body) as CloudEvent).id);
}

describe('webhook dispatcher', () => {
  it('delivers every event once accepted, in order per URL, signed, through an outage of refused connections and 500s', async () => {
    const port = await closedPort();
    const url = (p: string) => `http://127.0.0.1:${port}${p}`;
    const events = { '/a': [1, 2, 3, 4].map(event), '/b': [5, 6, 7].map(event) };
    await store.enqueueWebhooks([
      ...events['/a'].slice(0, 2).map((e) => ({ url: url('/a'), event: e })),
      ...events['/b'].map((e) => ({ url: url('/b'), event: e })),
    ]);
    const errors: unknown[] = [];
    start({
      intervalMs: 10,
      backoff: exponentialBackoff({ baseMs: 10, maxMs: 60 }),
      maxAttempts: 50,
      timeoutMs: 2_000,
      secretFor: (u) => (u.startsWith(url('')) ? SECRET : undefined),
      onError: (e) => errors.push(e),
    });

    // Down: nothing listens; both URLs' first deliveries fail and wait for their retries.
    await waitFor(async () => (await all()).filter((d) => d.attempts >= 2).length >= 2, 'refused attempts');
    expect((await all()).every((d) => d.status === 'pending')).toBe(true);
    const refused = (await all()).find((d) => d.attempts >= 2);
    expect(refused?.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    // Enqueued during the outage: must still come after the earlier ones to /a.
    await store.enqueueWebhooks(events['/a'].slice(2).map((e) => ({ url: url('/a'), event: e })));

    // Up, but failing with 500 for the first five requests; then accepting.
    const receiver = await listen((_p, n) => (n < 5 ? 500 : 200), port);
    await waitFor(() => noneIn('pending'), 'every delivery to settle');

    expect(errors).toEqual([]);
    const deliveries = await all();
    expect(deliveries).toHaveLength(7);
    expect(deliveries.every((d) => d.status === 'delivered' && d.deliveredAt !== undefined)).toBe(true);
    expect(receiver.received.filter((r) => r.status === 500)).toHaveLength(5);
    const failedOnce = deliveries.filter((d) => d.lastError?.startsWith('HTTP 500'));
    expect(failedOnce.length).toBeGreaterThan(0);

    for (const [at, sent] of Object.entries(events)) {
      const ids = sent.map((e) => e.id);
      // No event lost, none accepted twice, and in order.
      expect(idsAt(receiver.received, at, true)).toEqual(ids);
      // Even counting failed requests, a later event never went out before an earlier one was accepted.
      const seen = idsAt(receiver.received, at).map((id) => ids.indexOf(id));
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }

    const byId = new Map(deliveries.map((d) => [d.event.id, d]));
    for (const request of receiver.received) {
      const body = JSON.parse(request.body) as CloudEvent;
      const delivery = byId.get(body.id);
      // The body is the stored CloudEvent, in structured mode, without ce-* headers.
      expect(body).toEqual(delivery?.event);
      expect(delivery?.url).toBe(url(request.path));
      expect(request.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      expect(Object.keys(request.headers).filter((h) => h.startsWith('ce-'))).toEqual([]);
      const header = request.headers['meshplane-signature'];
      expect(
        verifySignature(
          SECRET,
          typeof header === 'string' ? header : undefined,
          request.body,
          new Date(),
          300,
        ),
      ).toEqual({
        ok: true,
      });
      expect(
        verifySignature(
          'wrong',
          typeof header === 'string' ? header : undefined,
          request.body,
          new Date(),
          300,
        ).ok,
      ).toBe(false);
    }
    // Attempts count refused connections and 500s as well as the success.
    for (const d of deliveries) {
      const requests = receiver.received.filter((r) => (JSON.parse(r.body) as CloudEvent).id === d.event.id);
      expect(d.attempts).toBeGreaterThanOrEqual(requests.length);
    }
  });

  it('gives up on a receiver that never comes back: dead after maxAttempts, later events still sent', async () => {
    const broken = await listen(() => 503);
    const healthy = await listen(() => 200);
    await store.enqueueWebhooks([
      { url: broken.url('/hook'), event: event(1) },
      { url: broken.url('/hook'), event: event(2) },
      { url: healthy.url('/hook'), event: event(3) },
    ]);
    start({ intervalMs: 10, backoff: () => 5, maxAttempts: 3 });
    await waitFor(() => noneIn('pending'), 'every delivery to settle');

    const deliveries = await all();
    const dead = deliveries.filter((d) => d.status === 'dead');
    expect(dead.map((d) => d.event.data)).toEqual([
      expect.objectContaining({ n: 2 }),
      expect.objectContaining({ n: 1 }),
    ]);
    for (const d of dead) {
      expect(d.attempts).toBe(3);
      expect(d.lastError).toBe('HTTP 503: failing with 503');
      expect(d).not.toHaveProperty('deliveredAt');
    }
    expect(broken.received).toHaveLength(6);
    expect(broken.received.every((r) => r.headers['meshplane-signature'] === undefined)).toBe(true);
    expect(deliveries.find((d) => d.url === healthy.url('/hook'))).toMatchObject({
      status: 'delivered',
      attempts: 1,
    });
  });

  it('times out a receiver that does not answer, and retries', async () => {
    const receiver = await listen(async (_p, n) => {
      if (n === 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
      return 204;
    });
    await store.enqueueWebhooks([{ url: receiver.url('/slow'), event: event(1) }]);
    start({ intervalMs: 10, backoff: () => 5, timeoutMs: 100 });
    await waitFor(() => noneIn('pending'), 'the delivery to settle');
    const [delivery] = await all();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastError: 'timed out after 100 ms' });
  });

  it('drains what is due, sending Slack messages to URLs configured for them', async () => {
    const receiver = await listen(() => 200);
    const dispatcher = start({
      intervalMs: 60_000,
      formatFor: (u) => (u.endsWith('/slack') ? 'slack' : 'cloudevents'),
    });
    await store.enqueueWebhooks([
      { url: receiver.url('/slack'), event: event(1) },
      { url: receiver.url('/slack'), event: event(2) },
      { url: receiver.url('/ce'), event: event(3) },
    ]);
    await dispatcher.drain();
    expect(await noneIn('pending')).toBe(true);
    const slack = receiver.received.filter((r) => r.path === '/slack');
    expect(slack.map((r) => JSON.parse(r.body) as { text: string }).map((b) => b.text)).toEqual([
      'event 1 (sales.orders/orders): orders v1 is deprecated',
      'event 2 (sales.orders/orders): orders v1 is deprecated',
    ]);
    expect(slack[0]?.headers['content-type']).toBe('application/json');
    expect(receiver.received.find((r) => r.path === '/ce')?.headers['content-type']).toContain('cloudevents');
  });

  it('waits for sends in flight when stopped, and records them', async () => {
    let arrived = false;
    const receiver = await listen(async () => {
      arrived = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return 200;
    });
    await store.enqueueWebhooks([{ url: receiver.url('/hook'), event: event(1) }]);
    const dispatcher = start({ intervalMs: 10 });
    await waitFor(async () => arrived, 'the request to arrive');
    await dispatcher.stop();
    const [delivery] = await all();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });

    // Stopped means stopped: a new event stays pending.
    await store.enqueueWebhooks([{ url: receiver.url('/hook'), event: event(2) }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(1);
    expect(await noneIn('pending')).toBe(false);
  });
});
