/**
 * Publishes the changes of output ports whose contract says `meshplane.events: { nats: true }`
 * to NATS JetStream, one message per change (the CloudEvent as JSON) on the port's subject, in
 * offset order. Each message carries `Nats-Msg-Id` = the event id, and the port's publish cursor
 * is stored only after JetStream acknowledged it: a crash in between publishes the message again
 * and JetStream drops the duplicate (within the stream's duplicate window, two minutes by default).
 */
import { type JetStreamClient, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { exponentialBackoff } from '../../notify/webhook-backoff.js';
import { changeEvent } from './change-event.js';
import type { EventSourceRuntime } from './event-delivery.js';
import { eventsSettings } from './events-settings.js';
import { publishCursor, savePublishCursor } from './publish-cursors.js';
import { readChanges } from './read-changes.js';

/** The JetStream stream that captures the subjects published to, created when missing. */
export interface EventStreamConfig {
  readonly name: string;
  readonly subjects: readonly string[];
}

export const DEFAULT_EVENT_STREAM: EventStreamConfig = {
  name: 'MESHPLANE_EVENTS',
  subjects: ['meshplane.>'],
};

export interface NatsPublisherOptions {
  readonly runtime: EventSourceRuntime;
  /** NATS servers. Default `127.0.0.1:4222`. */
  readonly servers?: string | readonly string[];
  /** The stream to create when it does not exist; `false` when the operator manages streams. */
  readonly stream?: EventStreamConfig | false;
  /** How often ports are checked for new changes. Default 1 s. */
  readonly pollMs?: number;
  /** Changes published per round and port. Default 100. */
  readonly batchSize?: number;
  /** The delay before trying a port again after `failures` failed rounds. */
  readonly backoff?: (failures: number) => number;
  readonly onError?: (error: unknown) => void;
}

/** A running publisher. */
export interface EventPublisher {
  /** Publishes until every port is caught up; rejects when a publish fails. */
  drain(): Promise<void>;
  /** Stops polling, waits for the round in flight and closes the connection. */
  stop(): Promise<void>;
}

/** What the port's publish cursor is stored under. */
export const natsTarget = (subject: string) => `nats:${subject}`;

async function ensureStream(nc: NatsConnection, stream: EventStreamConfig): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const exists = await jsm.streams.info(stream.name).then(
    () => true,
    () => false,
  );
  if (!exists) await jsm.streams.add({ name: stream.name, subjects: [...stream.subjects] });
}

/** Connects, makes sure the stream exists and starts publishing: a first round at once, then one every `pollMs`. */
export async function startNatsPublisher(options: NatsPublisherOptions): Promise<EventPublisher> {
  const { runtime } = options;
  const servers = options.servers ?? '127.0.0.1:4222';
  const nc = await connect({ servers: typeof servers === 'string' ? servers : [...servers] });
  try {
    if (options.stream !== false) await ensureStream(nc, options.stream ?? DEFAULT_EVENT_STREAM);
  } catch (error) {
    await nc.close();
    throw error;
  }
  const js: JetStreamClient = jetstream(nc);
  const pollMs = options.pollMs ?? 1_000;
  const batchSize = options.batchSize ?? 100;
  const backoff = options.backoff ?? exponentialBackoff();
  const onError = options.onError ?? ((error: unknown) => console.warn(`nats events: ${String(error)}`));
  /** Per port: failed rounds in a row and when it may be tried again. */
  const failing = new Map<string, { failures: number; retryAt: number }>();

  /** Publishes one port's pending changes; how many. */
  async function publishPort(productId: string, port: string, subject: string): Promise<number> {
    const target = natsTarget(subject);
    let cursor = await publishCursor(runtime.hub, productId, port, target);
    let published = 0;
    for (;;) {
      const batch = await readChanges(runtime.hub, productId, port, { after: cursor, limit: batchSize });
      for (const change of batch) {
        const event = changeEvent(productId, change);
        await js.publish(subject, JSON.stringify(event), { msgID: event.id });
        await savePublishCursor(runtime.hub, productId, port, target, change.offset);
        cursor = change.offset;
        published += 1;
      }
      if (batch.length < batchSize) return published;
    }
  }

  /** One round over every publishing port; rejects with the first failure after trying them all. */
  async function round(force: boolean): Promise<void> {
    let first: unknown;
    for (const product of runtime.products()) {
      for (const port of product.outputs) {
        const subject = eventsSettings(product.id, port).natsSubject;
        if (subject === undefined || port.viewOf !== undefined) continue;
        const key = `${product.id}\u0000${port.name}`;
        const state = failing.get(key);
        if (!force && state !== undefined && state.retryAt > Date.now()) continue;
        try {
          await publishPort(product.id, port.name, subject);
          failing.delete(key);
        } catch (error) {
          const failures = (state?.failures ?? 0) + 1;
          failing.set(key, { failures, retryAt: Date.now() + backoff(failures) });
          first ??= error;
        }
      }
    }
    if (first !== undefined) throw first;
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  const serial = (task: () => Promise<void>) => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };
  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void serial(() => round(false))
        .catch(onError)
        .finally(() => schedule(pollMs));
    }, delayMs);
    timer.unref();
  }
  schedule(0);

  return {
    drain: () => serial(() => round(true)),
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await chain;
      await nc.drain().catch(() => nc.close());
    },
  };
}
