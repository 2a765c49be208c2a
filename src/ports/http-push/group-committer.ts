import { MeshplaneError } from '../../errors/index.js';
import type { StagedRecords, StreamCounts, StreamRecord, StreamSink } from '../stream/index.js';

/** Bounds and timing of one port's group commit. */
export interface CommitterLimits {
  /** Records and bytes waiting or being written; a request that would pass either is refused (429). */
  readonly maxQueuedRecords: number;
  readonly maxQueuedBytes: number;
  /** The most records and bytes written in one transaction (a request is never split). */
  readonly maxBatchRecords: number;
  readonly maxBatchBytes: number;
  /** How long the first request of a batch waits for others. */
  readonly lingerMs: number;
  /** What a refused caller is told to wait (`Retry-After`, seconds). */
  readonly retryAfterSeconds: number;
  /**
   * Batches written at once: with two, the next batch is read and checked while the previous
   * one commits (the sink still commits one at a time).
   */
  readonly maxWritesInFlight: number;
}

export const DEFAULT_COMMITTER_LIMITS: CommitterLimits = Object.freeze({
  maxQueuedRecords: 200_000,
  maxQueuedBytes: 128 * 1024 * 1024,
  maxBatchRecords: 50_000,
  maxBatchBytes: 32 * 1024 * 1024,
  lingerMs: 5,
  retryAfterSeconds: 1,
  maxWritesInFlight: 2,
});

interface Pending {
  readonly group: number;
  /** The request's records, staged as it arrived (while an earlier batch was being written). */
  readonly staged: StagedRecords;
  readonly bytes: number;
  readonly resolve: (counts: StreamCounts) => void;
  readonly reject: (error: unknown) => void;
}

const NONE: StreamCounts = { accepted: 0, duplicates: 0, quarantined: 0 };

/**
 * Group commit for one port: requests queue up and are written together, one transaction every
 * `lingerMs` or as soon as a batch is full, at most `maxWritesInFlight` writes at a time. Each request's promise settles
 * only after its batch's COMMIT, with the counts of its own records (or the write's error: then
 * nothing of the batch is stored). The queue is bounded; `offer` returns undefined when a
 * request does not fit, so the caller can answer 429 without queueing anything.
 */
export class GroupCommitter {
  readonly #sink: StreamSink;
  readonly #limits: CommitterLimits;
  readonly #queue: Pending[] = [];
  #queuedRecords = 0;
  #queuedBytes = 0;
  #nextGroup = 0;
  /** A running count of staged records: it orders records within any batch. */
  #nextIdx = 0;
  readonly #writing = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(sink: StreamSink, limits: CommitterLimits = DEFAULT_COMMITTER_LIMITS) {
    this.#sink = sink;
    this.#limits = limits;
  }

  get limits(): CommitterLimits {
    return this.#limits;
  }

  /** Records and bytes waiting or being written. */
  queued(): { readonly records: number; readonly bytes: number } {
    return { records: this.#queuedRecords, bytes: this.#queuedBytes };
  }

  /**
   * A group number for the request's records (`StreamRecord.group`); pass the same to `offer`.
   * Unique per committer, so each request's counts come back apart.
   */
  nextGroup(): number {
    return this.#nextGroup++;
  }

  /**
   * Queues a request's records (each with `group`) of `bytes` bytes. INVALID_INPUT when the request
   * alone is over a batch's bounds; undefined when the queue is full right now.
   */
  offer(group: number, records: readonly StreamRecord[], bytes: number): Promise<StreamCounts> | undefined {
    if (this.#closed) throw new MeshplaneError('UNAVAILABLE', 'the port is stopping');
    const { maxBatchRecords, maxBatchBytes } = this.#limits;
    if (records.length > maxBatchRecords || bytes > maxBatchBytes) {
      throw new MeshplaneError(
        'INVALID_INPUT',
        `a request of ${records.length} events (${bytes} bytes) is over the limit of ${maxBatchRecords} events and ${maxBatchBytes} bytes`,
        { details: { events: records.length, bytes, maxEvents: maxBatchRecords, maxBytes: maxBatchBytes } },
      );
    }
    if (
      this.#queuedRecords + records.length > this.#limits.maxQueuedRecords ||
      this.#queuedBytes + bytes > this.#limits.maxQueuedBytes
    )
      return undefined;
    if (records.length === 0) return Promise.resolve(NONE);
    const staged = this.#sink.stage(records, this.#nextIdx);
    this.#nextIdx += records.length;
    this.#queuedRecords += records.length;
    this.#queuedBytes += bytes;
    return new Promise<StreamCounts>((resolve, reject) => {
      this.#queue.push({ group, staged, bytes, resolve, reject });
      this.#schedule();
    });
  }

  #waitingRecords(): number {
    return this.#queue.reduce((n, p) => n + p.staged.count, 0);
  }

  #canWrite(): boolean {
    return this.#queue.length > 0 && this.#writing.size < Math.max(1, this.#limits.maxWritesInFlight);
  }

  #schedule(): void {
    if (!this.#canWrite()) return;
    if (this.#waitingRecords() >= this.#limits.maxBatchRecords || this.#limits.lingerMs <= 0) {
      if (this.#timer !== undefined) clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#start();
    } else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        if (this.#canWrite()) this.#start();
      }, this.#limits.lingerMs);
    }
  }

  #start(): void {
    const writing: Promise<void> = this.#write().finally(() => {
      this.#writing.delete(writing);
      // Requests that queued meanwhile already waited a write's time: no linger for them.
      if (this.#canWrite()) this.#start();
    });
    this.#writing.add(writing);
  }

  /** Takes requests up to a batch's bounds (at least one) and writes them in one transaction. */
  async #write(): Promise<void> {
    const batch: Pending[] = [];
    let records = 0;
    let bytes = 0;
    while (this.#queue.length > 0) {
      const next = this.#queue[0] as Pending;
      const fits =
        records + next.staged.count <= this.#limits.maxBatchRecords &&
        bytes + next.bytes <= this.#limits.maxBatchBytes;
      if (batch.length > 0 && !fits) break;
      batch.push(next);
      this.#queue.shift();
      records += next.staged.count;
      bytes += next.bytes;
    }
    try {
      const result = await this.#sink.write({ records: [], staged: batch.map((p) => p.staged) });
      for (const p of batch) p.resolve(result.groups.get(p.group) ?? NONE);
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      this.#queuedRecords -= records;
      this.#queuedBytes -= bytes;
    }
  }

  /** Refuses new requests and waits until everything queued is written. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      if (this.#canWrite()) this.#start();
    }
    while (this.#writing.size > 0) await Promise.all(this.#writing);
  }
}
