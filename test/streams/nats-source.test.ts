/**
 * The nats port's source against a real JetStream server, through an in-memory sink: every message
 * stored exactly once (also across redelivery and restarts), bad messages quarantined, resumption
 * from the stored checkpoint, status reports, failures and prompt stops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNatsSource, natsPortConfig } from '../../src/ports/nats/index.js';
import type { StoredInputPort } from '../../src/runtime/runtime-product.js';
import {
  MemoryStreamSink,
  NATS_URL,
  type NatsAdmin,
  natsAdmin,
  natsReady,
  natsUnavailable,
  sourceContext,
  type TestContext,
  uniqueName,
  until,
} from './nats-support.js';

const ready = natsReady('nats source', await natsUnavailable());

const columns = [
  { name: 'order_id', sqlType: 'VARCHAR', kind: 'string', required: true },
  { name: 'n', sqlType: 'BIGINT', kind: 'integer', required: false },
];

function port(settings: Record<string, unknown>): StoredInputPort {
  return {
    kind: 'nats',
    name: 'orders',
    columns,
    settings: { kind: 'nats', url: NATS_URL, ackWaitSeconds: 1, ...settings },
    schema: { name: 'orders', properties: [] },
    server: { server: 'events', type: 'custom', settings: {}, customProperties: [], path: [] },
  } as unknown as StoredInputPort;
}

function source(settings: Record<string, unknown>) {
  return createNatsSource(natsPortConfig(port(settings), 'sales.orders'), { fetchExpiresMs: 1000 });
}

const orders = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ order_id: `o${from + i}`, n: from + i }));

/** Runs the source until `done`, then stops it and waits for `run` to return. */
async function runUntil(
  settings: Record<string, unknown>,
  ctx: TestContext,
  done: () => boolean | Promise<boolean>,
  ms = 20_000,
): Promise<void> {
  const running = source(settings).run(ctx);
  try {
    await Promise.race([until(done, ms, 'the sink'), running.then(() => until(done, 0, 'the sink'))]);
  } finally {
    ctx.controller.abort();
    await running;
  }
}

describe.skipIf(!ready)('nats source (JetStream at 127.0.0.1:4222)', () => {
  let admin: NatsAdmin;
  beforeAll(async () => {
    admin = await natsAdmin();
  });
  afterAll(async () => {
    await admin?.close();
  });

  const consumerState = (stream: string, consumer: string) => admin.jsm.consumers.info(stream, consumer);
  /** Whether the consumer has every message delivered and acked. */
  const settled = async (stream: string, consumer: string) => {
    const state = await consumerState(stream, consumer);
    return state.num_pending === 0 && state.num_ack_pending === 0;
  };

  it('creates the stream and consumer and stores 10k messages exactly once, acked after commit', async () => {
    const stream = uniqueName('NATS_10K');
    await admin.stream(stream); // created here so the publish precedes the source; the port's create is tested below
    await admin.publish(`${stream}.created`, orders(1, 10_000));
    const sink = new MemoryStreamSink();
    const ctx = sourceContext(sink);
    await runUntil(
      { stream, consumer: 'c' },
      ctx,
      async () => sink.accepted.size === 10_000 && (await settled(stream, 'c')),
    );

    expect(sink.accepted.size).toBe(10_000);
    expect(sink.duplicates).toBe(0);
    expect(sink.quarantined).toEqual([]);
    expect(sink.accepted.get(`${stream}:1`)).toEqual({ order_id: 'o1', n: 1 });
    expect(sink.accepted.get(`${stream}:10000`)).toEqual({ order_id: 'o10000', n: 10_000 });
    const ns = [...sink.accepted.values()].map((v) => (v as { n: number }).n).sort((a, b) => a - b);
    expect(ns).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
    expect(sink.batches.every((b) => b.records.length <= 1000)).toBe(true);
    expect(sink.stored).toBe('10000');
    const state = await consumerState(stream, 'c');
    expect(state.ack_floor.stream_seq).toBe(10_000);
    expect(state.num_ack_pending).toBe(0);
    expect(state.num_pending).toBe(0);
    // 10k pending at start is more than a batch: lagging, with the pending count as lag.
    expect(ctx.statuses[0]).toEqual({ state: 'starting' });
    expect(ctx.statuses[1]).toMatchObject({ state: 'lagging', lag: 10_000, lagUnit: 'messages' });
    expect(ctx.statuses.at(-1)).toMatchObject({ state: 'running', lag: 0 });
  });

  it('creates a missing stream with create: true and picks up messages published while it runs', async () => {
    const stream = uniqueName('NATS_CREATE');
    admin.own(stream);
    const sink = new MemoryStreamSink();
    const ctx = sourceContext(sink);
    const running = source({ stream, subjects: [`${stream}.>`], create: true }).run(ctx);
    try {
      await until(() => ctx.statuses.some((s) => s.state === 'running'), 5000, 'running');
      const info = await admin.jsm.streams.info(stream);
      expect(info.config.subjects).toEqual([`${stream}.>`]);
      await admin.publish(`${stream}.x`, orders(1, 3));
      await until(() => sink.accepted.size === 3, 5000, 'three orders');
    } finally {
      ctx.controller.abort();
      await running;
    }
    expect([...sink.accepted.keys()]).toEqual([`${stream}:1`, `${stream}:2`, `${stream}:3`]);
  });

  it('after a stop between commit and ack, the redelivered batch is acked without being stored twice', async () => {
    const stream = uniqueName('NATS_REDELIVER');
    await admin.stream(stream);
    await admin.publish(`${stream}.created`, orders(1, 2500));
    const sink = new MemoryStreamSink();
    const first = sourceContext(sink);
    // The first batch commits, then the source is stopped before it can ack: what a crash there does.
    sink.afterCommit = () => first.controller.abort();
    await source({ stream, consumer: 'c' }).run(first);
    expect(sink.accepted.size).toBe(1000);
    expect(sink.stored).toBe('1000');
    expect((await consumerState(stream, 'c')).num_ack_pending).toBe(1000);

    sink.afterCommit = undefined;
    const second = sourceContext(sink);
    const running = source({ stream, consumer: 'c' }).run(second);
    try {
      // 1001..2500 come first; 1..1000 after their ack wait, at or below the checkpoint: acked, not written.
      await until(() => sink.accepted.size === 2500, 10_000, 'all orders');
      await until(() => settled(stream, 'c'), 10_000, 'the redelivered batch acked');
    } finally {
      second.controller.abort();
      await running;
    }
    expect(sink.accepted.size).toBe(2500);
    expect(sink.duplicates).toBe(0);
    const written = sink.batches.flatMap((b) => b.records.map((r) => r.key));
    expect(new Set(written).size).toBe(written.length);
  });

  it('a redelivered batch above the stored checkpoint reaches the sink and is counted as duplicates', async () => {
    const stream = uniqueName('NATS_DUPS');
    await admin.stream(stream);
    await admin.publish(`${stream}.created`, orders(1, 1500));
    const sink = new MemoryStreamSink();
    const first = sourceContext(sink);
    sink.afterCommit = () => first.controller.abort();
    await source({ stream, consumer: 'c' }).run(first);
    expect(sink.accepted.size).toBe(1000);
    // A checkpoint behind the records it covers (as after a gap): only the keys can catch the redelivery.
    sink.stored = undefined;
    sink.afterCommit = undefined;
    const second = sourceContext(sink);
    await runUntil(
      { stream, consumer: 'c' },
      second,
      () => sink.accepted.size === 1500 && sink.duplicates === 1000,
    );
    expect(sink.accepted.size).toBe(1500);
    expect(sink.duplicates).toBe(1000);
    expect((await consumerState(stream, 'c')).num_ack_pending).toBe(0);
  });

  it('drops a message published twice with the same idField value as a duplicate', async () => {
    const stream = uniqueName('NATS_IDFIELD');
    await admin.stream(stream);
    await admin.publish(`${stream}.created`, [...orders(1, 50), ...orders(41, 60)]);
    const sink = new MemoryStreamSink();
    await runUntil({ stream, idField: 'order_id' }, sourceContext(sink), () => sink.accepted.size === 60);
    await until(() => sink.duplicates === 10, 5000, 'ten duplicates');
    expect([...sink.accepted.keys()].slice(0, 2)).toEqual(['o1', 'o2']);
    expect(sink.accepted.size).toBe(60);
  });

  it('quarantines bad JSON, non-objects and records without an id, with reasons, and acks them', async () => {
    const stream = uniqueName('NATS_BAD');
    await admin.stream(stream);
    await admin.publish(`${stream}.created`, [
      { order_id: 'a', n: 1 },
      '{"order_id": "b", ',
      '[1, 2, 3]',
      '42',
      { n: 5 },
      { order_id: 'f', n: 6 },
    ]);
    const sink = new MemoryStreamSink();
    const ctx = sourceContext(sink);
    await runUntil(
      { stream, consumer: 'c', idField: 'order_id' },
      ctx,
      () => sink.accepted.size + sink.quarantined.length === 6,
    );
    expect([...sink.accepted.keys()]).toEqual(['a', 'f']);
    expect(sink.quarantined).toEqual([
      {
        key: `${stream}:2`,
        value: '{"order_id": "b", ',
        reason: expect.stringMatching(/^message is not JSON: /),
        source: `nats:${stream}.created#2`,
      },
      {
        key: `${stream}:3`,
        value: '[1, 2, 3]',
        reason: 'message is JSON array, not an object',
        source: `nats:${stream}.created#3`,
      },
      {
        key: `${stream}:4`,
        value: '42',
        reason: 'message is JSON number, not an object',
        source: `nats:${stream}.created#4`,
      },
      {
        key: `${stream}:5`,
        value: '{"n":5}',
        reason: expect.stringMatching(/^idField order_id is missing/),
        source: `nats:${stream}.created#5`,
      },
    ]);
    const state = await consumerState(stream, 'c');
    expect(state.ack_floor.stream_seq).toBe(6);
    expect(sink.stored).toBe('6');
  });

  it('resumes from the stored checkpoint: a new consumer starts after it', async () => {
    const stream = uniqueName('NATS_RESUME');
    await admin.stream(stream);
    await admin.publish(`${stream}.created`, orders(1, 1000));
    const sink = new MemoryStreamSink('600');
    await runUntil(
      { stream, consumer: 'fresh' },
      sourceContext(sink),
      async () => sink.accepted.size === 400 && (await settled(stream, 'fresh')),
    );
    const keys = [...sink.accepted.keys()];
    expect(keys[0]).toBe(`${stream}:601`);
    expect(keys.at(-1)).toBe(`${stream}:1000`);
    const state = await consumerState(stream, 'fresh');
    expect(state.config.opt_start_seq).toBe(601);
    expect(state.num_ack_pending).toBe(0);
    expect(sink.stored).toBe('1000');
  });

  it('resumes from the stored checkpoint: an existing consumer behind it has those messages acked, not written', async () => {
    const stream = uniqueName('NATS_BEHIND');
    await admin.stream(stream);
    await admin.publish(`${stream}.created`, orders(1, 1000));
    await admin.consumer(stream, 'old');
    const sink = new MemoryStreamSink('600');
    await runUntil(
      { stream, consumer: 'old', batch: 250 },
      sourceContext(sink),
      () => sink.accepted.size === 400,
    );
    await until(() => sink.stored === '1000', 5000, 'the checkpoint');
    expect(Math.min(...[...sink.accepted.values()].map((v) => (v as { n: number }).n))).toBe(601);
    expect(sink.batches.flatMap((b) => b.records)).toHaveLength(400);
    const state = await consumerState(stream, 'old');
    expect(state.ack_floor.stream_seq).toBe(1000);
    expect(state.num_ack_pending).toBe(0);
  });

  it('fails with NOT_FOUND, reported, when the stream is missing or deleted while it runs', async () => {
    const missing = sourceContext(new MemoryStreamSink());
    await expect(source({ stream: uniqueName('NATS_MISSING') }).run(missing)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/JetStream stream NATS_MISSING_\S+ does not exist/),
    });
    expect(missing.statuses.at(-1)).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/does not exist/),
    });

    const stream = uniqueName('NATS_DELETED');
    await admin.stream(stream);
    const ctx = sourceContext(new MemoryStreamSink());
    const outcome = source({ stream })
      .run(ctx)
      .then(
        () => 'returned',
        (error: unknown) => error,
      );
    await until(() => ctx.statuses.some((s) => s.state === 'running'), 5000, 'running');
    const started = Date.now();
    await admin.jsm.streams.delete(stream);
    expect(await outcome).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/JetStream stream NATS_DELETED_\S+ does not exist/),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ctx.statuses.at(-1)).toMatchObject({ state: 'failed' });
  });

  it('fails with UNAVAILABLE when the server cannot be reached', async () => {
    const ctx = sourceContext(new MemoryStreamSink());
    await expect(source({ stream: 'S', url: 'nats://127.0.0.1:1' }).run(ctx)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/^input port orders: NATS at nats:\/\/127\.0\.0\.1:1 is unreachable/),
    });
    expect(ctx.statuses.at(-1)).toMatchObject({ state: 'failed' });
  });

  it('stops promptly when aborted while waiting for messages', async () => {
    const stream = uniqueName('NATS_STOP');
    await admin.stream(stream);
    const ctx = sourceContext(new MemoryStreamSink());
    const running = createNatsSource(natsPortConfig(port({ stream }), 'sales.orders')).run(ctx);
    await until(() => ctx.statuses.some((s) => s.state === 'running'), 5000, 'running');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopped = Date.now();
    ctx.controller.abort();
    await running;
    expect(Date.now() - stopped).toBeLessThan(1000);
  });
});
