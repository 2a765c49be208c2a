/** The `nats` input port: a durable JetStream pull consumer feeding `input.<port>`, acked after commit. */
export { advanceCheckpoint, parseCheckpoint } from './nats-checkpoint.js';
export { connectNats, diagnose, ensureConsumer, ensureStream, natsFailure } from './nats-jetstream.js';
export {
  MAX_DEPTH,
  MAX_MESSAGE_BYTES,
  type NatsMessage,
  natsMessageRecord,
  type RecordOptions,
  sequenceKey,
} from './nats-message-record.js';
export {
  DEFAULT_ACK_WAIT_SECONDS,
  DEFAULT_BATCH,
  DEFAULT_NATS_URL,
  defaultConsumerName,
  MAX_BATCH,
  type NatsPortConfig,
  natsPortConfig,
} from './nats-port-config.js';
export { createNatsSource, type NatsSourceOptions } from './nats-source.js';
export { natsSourceFactory } from './nats-source-factory.js';
