/**
 * The nats input port's long-running source: fetches batches from a durable JetStream pull
 * consumer, writes each batch through the sink (one transaction, with the checkpoint) and only
 * then acknowledges its messages. A crash between commit and ack redelivers the batch: messages
 * at or below the checkpoint (see nats-checkpoint.ts) are acknowledged without being written, and
 * any other redelivered record is a duplicate by its key, which the sink drops.
 */
import {
  type Consumer,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { StreamSource, StreamSourceContext } from '../stream/stream-types.js';
import { advanceCheckpoint, parseCheckpoint } from './nats-checkpoint.js';
import { connectNats, diagnose, ensureConsumer, ensureStream, natsFailure } from './nats-jetstream.js';
import { natsMessageRecord } from './nats-message-record.js';
import type { NatsPortConfig } from './nats-port-config.js';
import { splitByBytes } from './split-by-bytes.js';

/** How long one pull waits for messages; an idle port checks its consumer this often. */
const FETCH_EXPIRES_MS = 5000;

export interface NatsSourceOptions {
  /** Pull wait in milliseconds (default 5000; tests shorten it). */
  readonly fetchExpiresMs?: number;
}

/**
 * Payload bytes per sink write: well under the sink's byte bound (64 MiB by default) even when
 * quarantined raw text grows sixfold as it is escaped.
 */
const WRITE_BYTES = 8 * 1024 * 1024;

/** Pulls up to `want` messages; an abort ends the pull early, keeping what arrived. */
async function fetchBatch(
  consumer: Consumer,
  want: number,
  expires: number,
  signal: AbortSignal,
): Promise<JsMsg[]> {
  const messages = await consumer.fetch({ max_messages: want, expires });
  const stop = (): void => void messages.close();
  signal.addEventListener('abort', stop, { once: true });
  const batch: JsMsg[] = [];
  try {
    for await (const message of messages) batch.push(message);
  } finally {
    signal.removeEventListener('abort', stop);
  }
  return batch;
}

/** Tells the server the batch is still being worked on while a long write runs, so it is not redelivered. */
function keepAlive(messages: readonly JsMsg[], ackWaitMs: number): () => void {
  const timer = setInterval(
    () => {
      for (const m of messages) m.working();
    },
    Math.max(ackWaitMs / 3, 100),
  );
  return () => clearInterval(timer);
}

class LagReporter {
  private last: string | undefined;
  constructor(
    private readonly ctx: StreamSourceContext,
    private readonly batch: number,
  ) {}

  /** `running`, or `lagging` while more than a batch waits; reported on a change of state or lag. */
  pending(pending: number): void {
    const state = pending > this.batch ? 'lagging' : 'running';
    // While running, only catching up fully is news; while lagging, every new lag figure is.
    const signature = state === 'lagging' ? `lagging:${pending}` : `running:${pending === 0}`;
    if (signature === this.last) return;
    this.last = signature;
    this.ctx.report(
      state === 'lagging'
        ? { state, lag: pending, lagUnit: 'messages', reason: `${pending} messages pending in the stream` }
        : { state, lag: pending, lagUnit: 'messages' },
    );
  }
}

async function consume(
  nc: NatsConnection,
  jsm: JetStreamManager,
  config: NatsPortConfig,
  ctx: StreamSourceContext,
  expires: number,
): Promise<void> {
  await ensureStream(jsm, config);
  let floor = parseCheckpoint(await ctx.sink.checkpoint(), config.port);
  const info = await ensureConsumer(jsm, config, floor);
  floor = Math.max(floor, info.ack_floor.stream_seq);
  const lag = new LagReporter(ctx, config.batch);
  lag.pending(info.num_pending);
  const consumer = await jetstream(nc).consumers.get(config.stream, config.consumer);
  const refresh = async (): Promise<number> => {
    // Also how an idle port notices a deleted stream or consumer: info throws NOT_FOUND.
    const now = await jsm.consumers.info(config.stream, config.consumer);
    floor = Math.max(floor, now.ack_floor.stream_seq);
    return now.num_pending;
  };
  /**
   * Writes one run of messages and acks it; false when stopped between commit and ack. Stopping
   * there is like a crash there: the run is redelivered, and the checkpoint or the keys keep it
   * from being stored twice.
   */
  const store = async (run: readonly JsMsg[], written: Set<JsMsg>): Promise<boolean> => {
    const fresh = run.filter((m) => m.seq > floor);
    const checkpoint = advanceCheckpoint(
      floor,
      run.map((m) => m.seq),
    );
    if (fresh.length > 0) {
      const records = fresh.map((m) => natsMessageRecord(m, config));
      const stop = keepAlive(run, config.ackWaitMs);
      try {
        await ctx.sink.write({ records, checkpoint: String(checkpoint) }, ctx.signal);
      } finally {
        stop();
      }
    }
    for (const m of run) written.add(m);
    if (ctx.signal.aborted) return false;
    for (const m of run) m.ack();
    floor = checkpoint;
    return true;
  };
  let want = config.batch;
  while (!ctx.signal.aborted) {
    const messages = await fetchBatch(consumer, want, expires, ctx.signal);
    const last = messages.at(-1);
    if (last === undefined) {
      if (!ctx.signal.aborted) lag.pending(await refresh());
      continue;
    }
    const written = new Set<JsMsg>();
    try {
      for (const run of splitByBytes(messages, WRITE_BYTES)) {
        if (ctx.signal.aborted || !(await store(run, written))) return;
      }
    } finally {
      // Hand back what was not committed at once, instead of after the ack wait.
      for (const m of messages) if (!written.has(m)) m.nak();
      await nc.flush().catch(() => undefined);
    }
    const pending = last.info.pending;
    lag.pending(floor < Math.max(...messages.map((m) => m.seq)) ? await refresh() : pending);
    // Ask for what is waiting: a pull for more than that waits its whole expiry before returning.
    want = Math.min(Math.max(pending, 1), config.batch);
  }
}

/** A StreamSource reading the port's stream; `run` returns when `ctx.signal` aborts, throws on failure. */
export function createNatsSource(config: NatsPortConfig, options: NatsSourceOptions = {}): StreamSource {
  const expires = options.fetchExpiresMs ?? FETCH_EXPIRES_MS;
  return {
    async run(ctx: StreamSourceContext): Promise<void> {
      if (ctx.signal.aborted) return;
      ctx.report({ state: 'starting' });
      let nc: NatsConnection | undefined;
      let jsm: JetStreamManager | undefined;
      try {
        nc = await connectNats(config, `meshplane ${ctx.productId}/${ctx.port}`);
        jsm = await jetstreamManager(nc);
        await consume(nc, jsm, config, ctx, expires);
      } catch (error) {
        if (ctx.signal.aborted) return;
        const failure =
          jsm === undefined || nc?.isClosed() !== false
            ? natsFailure(error, config)
            : await diagnose(jsm, error, config);
        ctx.report({ state: 'failed', reason: failure.message });
        throw failure;
      } finally {
        if (nc !== undefined && !nc.isClosed()) await nc.close().catch(() => undefined);
      }
    },
  };
}
