import { setTimeout as delay } from 'node:timers/promises';
/**
 * Streams an output port's changes to one SSE client: the logged ones after its offset, then new
 * ones as transforms commit them (the log is polled; offsets commit in order, so a reader never
 * skips one). Memory per client is bounded: one batch is read at a time and the next only when
 * the socket has taken the previous one; a client that does not read for `slowConsumerMs` gets a
 * last `overflow` event naming where to resume, and is disconnected.
 */
import type { DuckDBDriver } from '../../engines/duckdb/index.js';
import { changeEvent } from './change-event.js';
import { readChanges } from './read-changes.js';
import { changeFrame, controlFrame, HEARTBEAT_FRAME } from './sse-frame.js';

/** The part of a Node `ServerResponse` (or any Writable) the stream writes to. */
export interface SseSink {
  write(chunk: string): boolean;
  end(): void;
  destroy(): void;
  readonly writableLength: number;
  readonly destroyed: boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

export interface ChangeStreamOptions {
  readonly hub: DuckDBDriver;
  readonly productId: string;
  readonly port: string;
  /** Stream changes after this offset. */
  readonly after: number;
  /** Ends the stream (the client left, or the server shuts down: then a `shutdown` event is sent). */
  readonly signal: AbortSignal;
  /** How often the log is read when the client is caught up. Default 500 ms. */
  readonly pollMs?: number;
  /** A comment line after this much idle time. Default 15 s. */
  readonly heartbeatMs?: number;
  /** Changes read and written at a time. Default 100. */
  readonly batchSize?: number;
  /** Bytes the socket may hold unsent before the stream waits for it. Default 1 MiB. */
  readonly maxBufferedBytes?: number;
  /** How long a client may leave the buffer full before it is disconnected. Default 10 s. */
  readonly slowConsumerMs?: number;
}

/** Resolves `true` when `sink` drained, `false` after `ms` or when it closed or `signal` aborted. */
function drained(sink: SseSink, ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      sink.off('drain', onDrain);
      sink.off('close', onClose);
      signal.removeEventListener('abort', onClose);
      resolve(value);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    const timer = setTimeout(() => done(false), ms);
    sink.once('drain', onDrain);
    sink.once('close', onClose);
    signal.addEventListener('abort', onClose, { once: true });
  });
}

/** Waits `ms`, or less when `signal` aborts; never rejects. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal }).catch(() => undefined);
}

/** Why the stream ended. */
export type ChangeStreamEnd = 'aborted' | 'closed' | 'slow-consumer';

/** Writes frames to `sink` until `signal` aborts, the client goes away or it falls behind. */
export async function streamChanges(sink: SseSink, options: ChangeStreamOptions): Promise<ChangeStreamEnd> {
  const pollMs = options.pollMs ?? 500;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const batchSize = options.batchSize ?? 100;
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const slowMs = options.slowConsumerMs ?? 10_000;
  const { signal } = options;
  let cursor = options.after;
  let idleSince = Date.now();
  while (!signal.aborted && !sink.destroyed) {
    const batch = await readChanges(options.hub, options.productId, options.port, {
      after: cursor,
      limit: batchSize,
    });
    for (const change of batch) {
      sink.write(changeFrame(change.offset, changeEvent(options.productId, change)));
      cursor = change.offset;
    }
    if (batch.length > 0) idleSince = Date.now();
    else if (Date.now() - idleSince >= heartbeatMs) {
      sink.write(HEARTBEAT_FRAME);
      idleSince = Date.now();
    }
    if (sink.writableLength > maxBuffered && !(await drained(sink, slowMs, signal))) {
      if (signal.aborted || sink.destroyed) break;
      sink.write(
        controlFrame('overflow', {
          reason: `the client did not read for ${slowMs} ms; reconnect with Last-Event-ID to resume`,
          lastEventId: String(cursor),
        }),
      );
      sink.end();
      // A client that reads nothing never takes the last frame either: do not keep the socket.
      setTimeout(() => sink.destroy(), 1_000).unref();
      return 'slow-consumer';
    }
    if (batch.length < batchSize) await sleep(Math.min(pollMs, heartbeatMs), signal);
  }
  if (sink.destroyed) return 'closed';
  sink.write(controlFrame('shutdown', { lastEventId: String(cursor) }, 1_000));
  sink.end();
  return 'aborted';
}
