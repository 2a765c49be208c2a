/**
 * The nats port's I/O with the server: connect, make sure the stream and the durable pull consumer
 * exist, and translate the client's errors into MeshplaneErrors with words a port status can show.
 */
import {
  AckPolicy,
  type ConsumerInfo,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { MeshplaneError } from '../../errors/index.js';
import type { NatsPortConfig } from './nats-port-config.js';

const NANOS_PER_MS = 1_000_000;

/**
 * Connects without automatic reconnection: a lost server fails the source, and the supervisor's
 * retry with backoff reconnects and resumes from the consumer's state.
 */
export async function connectNats(config: NatsPortConfig, name: string): Promise<NatsConnection> {
  try {
    return await connect({ servers: [...config.servers], name, reconnect: false, timeout: 5000 });
  } catch (error) {
    throw new MeshplaneError(
      'UNAVAILABLE',
      `input port ${config.port}: NATS at ${config.servers.join(', ')} is unreachable: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function apiCode(error: unknown): number | undefined {
  return error instanceof JetStreamApiError ? error.code : undefined;
}

/** A client or server error as a MeshplaneError naming the port, the stream and the consumer. */
export function natsFailure(error: unknown, config: NatsPortConfig): MeshplaneError {
  if (error instanceof MeshplaneError) return error;
  const code = apiCode(error);
  const at = `input port ${config.port}`;
  if (code === JetStreamApiCodes.StreamNotFound) {
    return new MeshplaneError(
      'NOT_FOUND',
      `${at}: JetStream stream ${config.stream} does not exist (deleted?)`,
      {
        cause: error,
      },
    );
  }
  if (code === JetStreamApiCodes.ConsumerNotFound || /consumer deleted/i.test(String(error))) {
    return new MeshplaneError(
      'NOT_FOUND',
      `${at}: consumer ${config.consumer} of stream ${config.stream} was deleted; it is created again from the checkpoint on retry`,
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new MeshplaneError('UNAVAILABLE', `${at}: NATS ${config.servers.join(', ')}: ${message}`, {
    cause: error,
  });
}

/**
 * Why a pull failed, in the port's words. A deleted stream first shows as "consumer deleted" on the
 * pull; asking for the stream tells the two apart.
 */
export async function diagnose(
  jsm: JetStreamManager,
  error: unknown,
  config: NatsPortConfig,
): Promise<MeshplaneError> {
  if (error instanceof MeshplaneError) return error;
  try {
    await jsm.streams.info(config.stream);
  } catch (streamError) {
    if (apiCode(streamError) === JetStreamApiCodes.StreamNotFound) return natsFailure(streamError, config);
  }
  return natsFailure(error, config);
}

/** Makes sure the stream exists; creates it with the port's subjects when `create: true`. */
export async function ensureStream(jsm: JetStreamManager, config: NatsPortConfig): Promise<void> {
  try {
    await jsm.streams.info(config.stream);
  } catch (error) {
    if (apiCode(error) !== JetStreamApiCodes.StreamNotFound || !config.create)
      throw natsFailure(error, config);
    await jsm.streams.add({ name: config.stream, subjects: [...config.subjects] });
  }
}

/**
 * Makes sure the durable pull consumer exists with explicit acks and the port's ack wait, and
 * returns its state. A missing consumer is created to start after `checkpoint`, so a deleted
 * consumer (or a new consumer name) resumes where the product's storage says it is.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  config: NatsPortConfig,
  checkpoint: number,
): Promise<ConsumerInfo> {
  const settings = {
    ack_wait: config.ackWaitMs * NANOS_PER_MS,
    // One batch is in flight at a time; room for a second keeps redeliveries from blocking new messages.
    max_ack_pending: Math.max(2 * config.batch, 1000),
  };
  let info: ConsumerInfo;
  try {
    info = await jsm.consumers.info(config.stream, config.consumer);
  } catch (error) {
    if (apiCode(error) !== JetStreamApiCodes.ConsumerNotFound) throw natsFailure(error, config);
    return await jsm.consumers.add(config.stream, {
      durable_name: config.consumer,
      ack_policy: AckPolicy.Explicit,
      max_deliver: -1,
      ...settings,
      ...(checkpoint > 0
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: checkpoint + 1 }
        : { deliver_policy: DeliverPolicy.All }),
    });
  }
  if (info.config.ack_policy !== AckPolicy.Explicit || info.config.deliver_subject !== undefined) {
    throw new MeshplaneError(
      'PRECONDITION_FAILED',
      `input port ${config.port}: consumer ${config.consumer} of stream ${config.stream} must be a pull consumer with explicit acks`,
    );
  }
  if (
    info.config.ack_wait !== settings.ack_wait ||
    info.config.max_ack_pending !== settings.max_ack_pending
  ) {
    info = await jsm.consumers.update(config.stream, config.consumer, settings);
  }
  return info;
}
