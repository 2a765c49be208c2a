/** Streamed input ports' one currency (stream-types.ts) and the sink that stores their batches exactly once. */
export { createStreamSink, type StreamSinkOptions } from './create-stream-sink.js';
export {
  DEFAULT_STREAM_LIMITS,
  isStreamedKind,
  type StreamLimits,
  type StreamPortSpec,
  streamPortSpec,
} from './stream-port-spec.js';
export { checkBatchBounds, stageRecords } from './stream-records.js';
export { markConsumedSql, streamTablesSql, unconsumedSql } from './stream-tables.js';
export type {
  PortState,
  PortStatus,
  StagedRecords,
  StreamBatch,
  StreamBatchResult,
  StreamCounts,
  StreamOperation,
  StreamRecord,
  StreamSink,
  StreamSource,
  StreamSourceContext,
} from './stream-types.js';
