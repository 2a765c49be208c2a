/**
 * The one currency of streamed input ports (http-push, nats, postgres-cdc, http-pull): a source
 * turns its protocol into batches of records with a resumable checkpoint; the sink stores a batch
 * in the product's DuckDB file in ONE transaction (accepted rows into `input.<port>`, rejected
 * ones into `_meshplane.quarantine`, idempotency keys and the checkpoint beside them) and only
 * then resolves, so a source acknowledges upstream only what is durable, exactly once.
 */

/** What a record does to the input table. `insert` appends; `upsert` and `delete` merge by the contract's primary key. */
export type StreamOperation = 'insert' | 'upsert' | 'delete';

export interface StreamRecord {
  /** The record: a JSON object with the input contract's columns (a delete needs only the key columns). */
  readonly value: unknown;
  /** Idempotency key: a record whose key the port has stored before is a duplicate, counted and not stored. */
  readonly key?: string;
  /** Default `insert`. */
  readonly op?: StreamOperation;
  /** Where the record came from, for quarantine rows and errors: `http:<request id>#3`, `nats:orders.created#1042`. */
  readonly source?: string;
  /** 1-based number of the record within its source (a request, a message), for quarantine rows; default: its place in the batch. */
  readonly position?: number;
  /** Which caller's record this is, when one batch carries several callers' records (group commit). */
  readonly group?: number;
  /**
   * Set by a source that could not decode the message (bad JSON, not an object, too large or deep):
   * the sink quarantines the record with this reason, `value` holding the raw text, without
   * validating it. Its `key` still makes a redelivery a duplicate.
   */
  readonly reject?: string;
}

/**
 * Records turned into the sink's staging text ahead of the write (`StreamSink.stage`), so a
 * source that gathers many callers' records (HTTP push's group commit) does that work as each
 * caller arrives, while the previous batch is being written.
 */
export interface StagedRecords {
  /** The index of the first record: chunks of a batch follow each other. */
  readonly first: number;
  readonly text: string;
  /** Each record's idempotency key (undefined for a record without one), in order. */
  readonly keys: readonly (string | undefined)[];
  readonly count: number;
}

export interface StreamBatch {
  readonly records: readonly StreamRecord[];
  /**
   * Chunks staged by this port's sink, written after `records` in the same transaction; their
   * index ranges must be increasing and disjoint (pass `stage` a running count).
   */
  readonly staged?: readonly StagedRecords[];
  /** The source's resumable position after this batch (stream sequence, LSN, watermark), stored in the same transaction. */
  readonly checkpoint?: string;
}

export interface StreamCounts {
  readonly accepted: number;
  readonly duplicates: number;
  readonly quarantined: number;
}

export interface StreamBatchResult extends StreamCounts {
  /** Counts per `group` (records without a group count under -1). */
  readonly groups: ReadonlyMap<number, StreamCounts>;
  readonly checkpoint?: string;
}

/** Writes batches of one stored input port durably; resolves only after COMMIT. */
export interface StreamSink {
  write(batch: StreamBatch, signal?: AbortSignal): Promise<StreamBatchResult>;
  /**
   * Stages records for a later `write` (`StreamBatch.staged`), numbered from `firstIdx`, which
   * orders them within the batch. Pure; bounds are checked when the batch is written.
   */
  stage(records: readonly StreamRecord[], firstIdx: number): StagedRecords;
  /** The checkpoint stored with the last committed batch, if any. */
  checkpoint(): Promise<string | undefined>;
}

/** A port's state, as `meshplane ports PRODUCT` shows it. */
export type PortState = 'starting' | 'running' | 'lagging' | 'paused' | 'failed' | 'stopped';

export interface PortStatus {
  readonly state: PortState;
  /** Why it failed or lags, in words. */
  readonly reason?: string;
  /** Source-specific lag (messages pending, bytes of WAL behind, seconds behind). */
  readonly lag?: number;
  readonly lagUnit?: string;
  readonly since: string;
}

/** What a long-running source gets from the supervisor that runs it. */
export interface StreamSourceContext {
  readonly productId: string;
  readonly port: string;
  readonly sink: StreamSink;
  /** Aborted when the port is paused, the product redeployed or the server stops. */
  readonly signal: AbortSignal;
  /** Reports the source's own view of its health (running, lagging with a lag figure, ...). */
  readonly report: (status: Omit<PortStatus, 'since'>) => void;
  readonly log: (line: string) => void;
}

/**
 * A long-running input port. `run` returns when `ctx.signal` is aborted; it throws for a failure
 * the supervisor should report and retry with backoff (a source that disappeared, a dropped slot).
 */
export interface StreamSource {
  run(ctx: StreamSourceContext): Promise<void>;
}
