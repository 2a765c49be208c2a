import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type EventPublisher,
  natsTarget,
  publishCursor,
  savePublishCursor,
  startNatsPublisher,
} from '../../src/ports/events-out/index.js';
import type { TestMesh } from '../runtime/support/workspace.js';
import { addOrders, closeMesh, openOrdersMesh, PRODUCT_ID, runOrders } from './events-out-fixture.js';

const SERVER = '127.0.0.1:4222';

async function reachable(): Promise<NatsConnection | undefined> {
  try {
    return await connect({ servers: SERVER, timeout: 2_000, reconnect: false });
  } catch {
    if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') {
      throw new Error(`NATS at ${SERVER} is required (MESHPLANE_REQUIRE_SERVICES=1)`);
    }
    console.warn(
      `SKIPPED: NATS JetStream at ${SERVER} is not reachable; the NATS event publishing test is skipped`,
    );
    return undefined;
  }
}

// A namespace of our own, so the test never overlaps another stream's subjects.
const token = `mpev${randomBytes(4).toString('hex')}`;
const stream = { name: token.toUpperCase(), subjects: [`${token}.>`] };
const subject = `${token}.sales.orders.orders`;

let nc: NatsConnection | undefined;
let mesh: TestMesh | undefined;
let publisher: EventPublisher | undefined;
beforeAll(async () => {
  nc = await reachable();
});
afterEach(async () => {
  await publisher?.stop();
  publisher = undefined;
  await closeMesh(mesh);
  mesh = undefined;
});
afterAll(async () => {
  if (nc === undefined) return;
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(stream.name).catch(() => undefined);
  await nc.close();
});

describe('NATS publishing of change events', () => {
  it('publishes each change once, in order, with Nats-Msg-Id; a republish after a lost cursor is de-duplicated', async (context) => {
    if (nc === undefined) return context.skip();
    mesh = await openOrdersMesh({ refresh: 'merge', events: { nats: true, subject } });
    addOrders(mesh, 'O-1,1,placed,', 'O-2,1,placed,');
    await runOrders(mesh);
    publisher = await startNatsPublisher({ runtime: mesh.runtime, servers: SERVER, stream, pollMs: 60_000 });
    await publisher.drain();
    addOrders(mesh, 'O-1,4,paid,');
    await runOrders(mesh);
    await publisher.drain();
    expect(await publishCursor(mesh.runtime.hub, PRODUCT_ID, 'orders', natsTarget(subject))).toBe(3);

    // A crash after publishing but before the cursor write: everything is published again.
    await savePublishCursor(mesh.runtime.hub, PRODUCT_ID, 'orders', natsTarget(subject), 0);
    await publisher.drain();

    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(stream.name);
    expect(info.state.messages).toBe(3);
    const messages = [];
    for (let seq = 1; seq <= 3; seq++) {
      const message = await jsm.streams.getMessage(stream.name, { seq });
      messages.push(message);
    }
    expect(messages.map((m) => m?.subject)).toEqual([subject, subject, subject]);
    expect(messages.map((m) => m?.header.get('Nats-Msg-Id'))).toEqual(
      [1, 2, 3].map((n) => `${PRODUCT_ID}:orders:${n}`),
    );
    const events = messages.map((m) => m?.json<{ subject: string; data: { quantity: number } }>());
    expect(events.map((e) => [e?.subject, e?.data.quantity])).toEqual([
      ['O-1', 1],
      ['O-2', 1],
      ['O-1', 4],
    ]);
  });
});
