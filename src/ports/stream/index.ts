/** Streamed input ports' one currency (stream-types.ts) and the sink that stores their batches exactly once. */
export { createStreamSink, type StreamSinkOptions } from './create-stream-sink.js';
export {
  DEFAULT_STREAM_LIMITS,
  isStreamedKind,
  type StreamLimits,
  type StreamPortSpec,
  streamPortSpec,
} from './stream-port-spec.js';
export { stageText } from './stream-records.js';
export { markConsumedSql, streamTablesSql, unconsumedSql } from './stream-tables.js';
export type {
  PortState,
  PortStatus,
  StreamBatch,
  StreamBatchResult,
  StreamCounts,
  StreamOperation,
  StreamRecord,
  StreamSink,
  StreamSource,
  StreamSourceContext,
} from './stream-types.js';
