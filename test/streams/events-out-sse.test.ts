import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { isCloudEvent } from '../../src/notify/index.js';
import { type SseSink, streamChanges } from '../../src/ports/events-out/index.js';
import { buildApp } from '../../src/server/build-app.js';
import { Lifecycle } from '../../src/server/lifecycle.js';
import { eventsOutRoutes } from '../../src/server/routes/events-out-routes.js';
import type { TestMesh } from '../runtime/support/workspace.js';
import { addOrders, closeMesh, openOrdersMesh, PRODUCT_ID, runOrders } from './events-out-fixture.js';

let mesh: TestMesh | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await closeMesh(mesh);
  mesh = undefined;
});

interface Frame {
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  readonly comment?: string;
}

function parseFrame(block: string): Frame {
  const frame: Record<string, string> = {};
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    const colon = line.indexOf(':');
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'id' || field === 'event') frame[field] = value;
  }
  return { ...frame, ...(data.length > 0 ? { data: data.join('\n') } : {}) };
}

/** An SSE client reading frames as they come. */
async function connect(base: string, query = '', headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/products/${PRODUCT_ID}/ports/orders/events${query}`, {
    headers,
    signal: controller.signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  const frames: Frame[] = [];
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          frames.push(parseFrame(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by the test
    }
    ended = true;
  })();
  const until = async (test: (f: readonly Frame[]) => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!test(frames)) {
      if (Date.now() > deadline) throw new Error(`timed out; frames: ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return {
    response,
    frames,
    changes: () => frames.filter((f) => f.id !== undefined),
    until,
    ended: () => ended,
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}

async function serve(m: TestMesh): Promise<string> {
  app = await buildApp({
    lifecycle: new Lifecycle(),
    api: [eventsOutRoutes(m.runtime, { stream: { pollMs: 25, heartbeatMs: 150 } })],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe('SSE of an output port', () => {
  it('streams past changes from an offset, then live ones; a reconnect with Last-Event-ID loses nothing', async () => {
    mesh = await openOrdersMesh({ refresh: 'merge' });
    addOrders(mesh, 'O-1,1,placed,', 'O-2,2,placed,', 'O-3,3,placed,');
    await runOrders(mesh);
    const base = await serve(mesh);

    const first = await connect(base, '?after=1');
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await first.until((f) => f.filter((x) => x.id !== undefined).length >= 2);
    addOrders(mesh, 'O-2,9,paid,', 'O-4,4,placed,');
    await runOrders(mesh);
    await first.until((f) => f.filter((x) => x.id !== undefined).length >= 4);
    expect(first.changes().map((f) => f.id)).toEqual(['2', '3', '4', '5']);
    const events = first.changes().map((f) => JSON.parse(f.data ?? ''));
    expect(events.every(isCloudEvent)).toBe(true);
    expect(events[2]).toMatchObject({
      id: `${PRODUCT_ID}:orders:4`,
      source: `/meshplane/products/${PRODUCT_ID}/ports/orders`,
      type: 'dev.meshplane.row.upserted',
      subject: 'O-2',
      data: { order_id: 'O-2', quantity: 9, status: 'paid', note: null },
    });
    await first.close();

    // Offline while more changes commit, then resume from the last id seen (the URL keeps ?after=1).
    addOrders(mesh, 'O-5,5,placed,');
    await runOrders(mesh);
    const second = await connect(base, '?after=1', { 'last-event-id': '5' });
    addOrders(mesh, 'O-6,6,placed,');
    await runOrders(mesh);
    await second.until((f) => f.filter((x) => x.id !== undefined).length >= 2);
    expect(second.changes().map((f) => f.id)).toEqual(['6', '7']);
    expect(second.changes().map((f) => JSON.parse(f.data ?? '').subject)).toEqual(['O-5', 'O-6']);
    await second.close();
  });

  it('sends heartbeats while idle, and ends open streams with a shutdown event when the server closes', async () => {
    mesh = await openOrdersMesh({ refresh: 'full' });
    const base = await serve(mesh);
    const client = await connect(base);
    await client.until((f) => f.some((x) => x.comment === 'heartbeat'));
    await (app as FastifyInstance).close();
    app = undefined;
    await client.until(() => client.ended());
    const last = client.frames.at(-1);
    expect(last?.event).toBe('shutdown');
    expect(JSON.parse(last?.data ?? '')).toEqual({ lastEventId: '0' });
  });

  it('refuses an unknown port and an offset that is not a number', async () => {
    mesh = await openOrdersMesh({ refresh: 'full' });
    const base = await serve(mesh);
    const unknown = await fetch(`${base}/api/v1/products/${PRODUCT_ID}/ports/nope/events`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('NOT_FOUND');
    const bad = await fetch(`${base}/api/v1/products/${PRODUCT_ID}/ports/orders/events?after=x`);
    expect(bad.status).toBe(400);
  });
});

describe('streamChanges', () => {
  it('disconnects a client that stops reading, with a last event naming where to resume, holding one batch at most', async () => {
    mesh = await openOrdersMesh({
      refresh: 'append',
      sql: 'select order_id, quantity, status, note from raw_orders',
    });
    addOrders(mesh, ...Array.from({ length: 30 }, (_, i) => `O-${i + 1},1,placed,`));
    await runOrders(mesh);
    const written: string[] = [];
    let ended = false;
    let destroyed = false;
    // A socket whose peer never reads: everything written stays buffered, no drain ever comes.
    const sink: SseSink = {
      write(chunk) {
        written.push(chunk);
        return false;
      },
      end() {
        ended = true;
      },
      destroy() {
        destroyed = true;
      },
      get writableLength() {
        return written.join('').length;
      },
      get destroyed() {
        return destroyed;
      },
      once: () => sink,
      off: () => sink,
    };
    const outcome = await streamChanges(sink, {
      hub: mesh.runtime.hub,
      productId: PRODUCT_ID,
      port: 'orders',
      after: 0,
      signal: new AbortController().signal,
      batchSize: 10,
      maxBufferedBytes: 1_000,
      slowConsumerMs: 100,
    });
    expect(outcome).toBe('slow-consumer');
    expect(ended).toBe(true);
    const frames = written
      .join('')
      .split('\n\n')
      .filter((f) => f !== '');
    expect(frames).toHaveLength(11);
    expect(frames.at(-1)).toMatch(/^event: overflow\n/);
    expect(JSON.parse((frames.at(-1) ?? '').split('data: ')[1] ?? '')).toMatchObject({ lastEventId: '10' });
  });
});
