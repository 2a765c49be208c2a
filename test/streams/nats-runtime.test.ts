/**
 * The nats port end to end through a real runtime product: `natsSourceFactory` on the resolved
 * input port, the runtime's stream sink writing `input.orders` of the product's DuckDB file, the
 * contract's checks quarantining bad records, and a stop between commit and ack storing nothing
 * twice.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natsSourceFactory } from '../../src/ports/nats/index.js';
import type { StreamSink } from '../../src/ports/stream/index.js';
import { isStoredInput, type StoredInputPort } from '../../src/runtime/index.js';
import { makeWorkspace, openMesh, removeWorkspace, type TestMesh } from '../runtime/support/workspace.js';
import {
  type NatsAdmin,
  natsAdmin,
  natsMesh,
  natsReady,
  natsUnavailable,
  sourceContext,
  uniqueName,
  until,
} from './nats-support.js';

const ready = natsReady('nats runtime', await natsUnavailable());

const orders = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ order_id: `o${from + i}`, amount: from + i }));

describe.skipIf(!ready)('nats port through a runtime product (JetStream at 127.0.0.1:4222)', () => {
  let admin: NatsAdmin;
  let mesh: TestMesh;
  let stream: string;
  let port: StoredInputPort;

  beforeAll(async () => {
    admin = await natsAdmin();
    stream = uniqueName('NATS_RUNTIME');
    admin.own(stream);
    mesh = await openMesh(makeWorkspace(natsMesh(stream, { batch: 500 })));
    const input = mesh.product('sales.orders').inputs.find((p) => p.name === 'orders');
    if (input === undefined || !isStoredInput(input)) throw new Error('no stored input port orders');
    port = input;
  });
  afterAll(async () => {
    await admin?.close();
    await mesh?.runtime.close();
    if (mesh !== undefined) removeWorkspace(mesh.root);
  });

  const count = async (sql: string) => Number((await mesh.runtime.hub.query(sql))[0]?.n);
  const stored = () => count('SELECT count(*)::INT AS n FROM p_sales_orders.input.orders');
  const distinct = () => count('SELECT count(DISTINCT order_id)::INT AS n FROM p_sales_orders.input.orders');
  const quarantined = async () => (await mesh.runtime.quarantineCounts('sales.orders')).get('orders') ?? 0;
  const settled = async (consumer: string) => {
    const state = await admin.jsm.consumers.info(stream, consumer);
    return state.num_pending === 0 && state.num_ack_pending === 0;
  };

  /** Runs the port's source on `sink` until `done`, then stops it. */
  async function runUntil(
    sink: StreamSink,
    done: () => Promise<boolean>,
    controller = new AbortController(),
  ) {
    const ctx = sourceContext(sink, controller);
    const running = natsSourceFactory(port, mesh.product('sales.orders')).run(ctx);
    try {
      await Promise.race([until(done, 30_000, 'the input table'), running]);
    } finally {
      controller.abort();
      await running;
    }
    return ctx;
  }

  it('resolves the port (ODCS custom server) and stores the stream exactly once, bad records quarantined', async () => {
    expect(port.kind).toBe('nats');
    expect(port.server.type).toBe('custom');
    const sink = mesh.runtime.streamSink('sales.orders', 'orders');
    // The stream does not exist yet: the port creates it (create: true); publish once it is there.
    const ctx = sourceContext(sink);
    const running = natsSourceFactory(port, mesh.product('sales.orders')).run(ctx);
    try {
      await until(() => ctx.statuses.some((s) => s.state === 'running'), 10_000, 'running');
      await admin.publish(`${stream}.created`, [
        ...orders(1, 3000),
        '{"order_id": "broken", ',
        '["not", "an", "object"]',
        { order_id: 'bad-amount', amount: 'twelve' },
        { amount: 5 },
        ...orders(2990, 3010), // o2990..o3000 again: duplicates by idField, not stored twice
      ]);
      const consumer = 'meshplane_sales_orders_orders';
      await until(
        async () => (await stored()) === 3010 && (await quarantined()) === 4 && (await settled(consumer)),
        30_000,
        'every order stored and every bad record quarantined',
      );
    } finally {
      ctx.controller.abort();
      await running;
    }
    expect(await distinct()).toBe(3010);
    expect(
      await count(
        "SELECT count(*)::INT AS n FROM p_sales_orders.input.orders WHERE order_id = 'o3000' AND amount = 3000",
      ),
    ).toBe(1);
    const reasons = (await mesh.runtime.listQuarantine('sales.orders', { port: 'orders' })).map((q) => [
      q.source,
      q.reason,
    ]);
    expect(reasons).toHaveLength(4);
    const reasonOf = (seq: number) => reasons.find(([s]) => s?.endsWith(`#${seq}`))?.[1];
    // The port's own reason when the sink takes `reject`, else the sink's: never stored either way.
    expect(reasonOf(3001)).toMatch(/^message is not JSON|not a JSON object/);
    expect(reasonOf(3002)).toMatch(/^message is JSON array|not a JSON object/);
    expect(reasonOf(3004)).toMatch(/^idField order_id is missing|not a JSON object/);
    expect(reasons.map(([source]) => source).sort()).toEqual(
      [3001, 3002, 3003, 3004].map((seq) => `nats:${stream}.created#${seq}`).sort(),
    );
    expect(reasonOf(3003)).toMatch(/^amount: 'twelve' is not a valid DOUBLE/);
    expect(await sink.checkpoint()).toBe('3025');
  });

  it('after a stop between commit and ack, the redelivered messages are not stored twice', async () => {
    const before = await stored();
    await admin.publish(`${stream}.created`, orders(5001, 6000));
    const real = mesh.runtime.streamSink('sales.orders', 'orders');
    const first = new AbortController();
    const crashing: StreamSink = {
      checkpoint: () => real.checkpoint(),
      stage: (records, first) => real.stage(records, first),
      async write(batch, signal) {
        const result = await real.write(batch, signal);
        first.abort(); // committed; the source must not get to ack
        return result;
      },
    };
    await runUntil(crashing, async () => first.signal.aborted, first);
    expect(await stored()).toBe(before + 500);
    expect((await admin.jsm.consumers.info(stream, 'meshplane_sales_orders_orders')).num_ack_pending).toBe(
      500,
    );

    await runUntil(
      real,
      async () => (await stored()) === before + 1000 && (await settled('meshplane_sales_orders_orders')),
    );
    expect(await stored()).toBe(before + 1000);
    expect(await distinct()).toBe(before + 1000);
    expect(await real.checkpoint()).toBe('4025');
  });
});
