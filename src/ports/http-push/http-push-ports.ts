import { MeshplaneError } from '../../errors/index.js';
import type { RuntimeProduct, StoredInputPort } from '../../runtime/runtime-product.js';
import type { StreamCounts, StreamSink } from '../stream/index.js';
import { eventRecords } from './event-records.js';
import { type CommitterLimits, DEFAULT_COMMITTER_LIMITS, GroupCommitter } from './group-committer.js';
import { httpPushSettings } from './http-push-settings.js';
import { type EventFormat, type EventLimits, parseEvents } from './parse-events.js';

export interface HttpPushOptions {
  readonly committer?: Partial<CommitterLimits>;
  readonly events?: Partial<EventLimits>;
}

export const DEFAULT_EVENT_LIMITS: EventLimits = Object.freeze({ maxEvents: 50_000, maxDepth: 32 });

/** One pushed request, as the HTTP edge hands it over. */
export interface PushRequest {
  readonly body: string;
  readonly format: EventFormat;
  readonly idempotencyKey?: string;
  /** Names the request in quarantine rows. */
  readonly requestId: string;
}

/** Stored (after COMMIT) with the request's own counts, or refused because the port's queue is full. */
export type PushOutcome =
  | ({ readonly status: 'stored' } & StreamCounts)
  | { readonly status: 'busy'; readonly retryAfterSeconds: number };

interface PortEntry {
  readonly product: RuntimeProduct;
  readonly committer: GroupCommitter;
  readonly idFields: readonly string[];
}

/**
 * The http-push input ports of a server: parses each pushed body with bounds, keys its events and
 * hands them to the port's group committer, which answers after COMMIT. A committer belongs to one
 * deployed definition of the product: a redeploy drains the old one and starts a new one.
 */
export class HttpPushPorts {
  readonly #sinkFor: (productId: string, port: string) => StreamSink;
  readonly #committerLimits: CommitterLimits;
  readonly #eventLimits: EventLimits;
  readonly #ports = new Map<string, PortEntry>();

  constructor(sinkFor: (productId: string, port: string) => StreamSink, options: HttpPushOptions = {}) {
    this.#sinkFor = sinkFor;
    this.#committerLimits = { ...DEFAULT_COMMITTER_LIMITS, ...options.committer };
    this.#eventLimits = { ...DEFAULT_EVENT_LIMITS, ...options.events };
    this.#eventLimits = {
      ...this.#eventLimits,
      maxEvents: Math.min(this.#eventLimits.maxEvents, this.#committerLimits.maxBatchRecords),
    };
  }

  #entry(product: RuntimeProduct, port: StoredInputPort): PortEntry {
    const id = `${product.id}\u0000${port.name}`;
    const current = this.#ports.get(id);
    if (current?.product === product) return current;
    // A redeploy: what the old committer holds is written with the old definition, then it goes.
    if (current !== undefined) void current.committer.close();
    const entry: PortEntry = {
      product,
      committer: new GroupCommitter(this.#sinkFor(product.id, port.name), this.#committerLimits),
      idFields: httpPushSettings(port).idFields,
    };
    this.#ports.set(id, entry);
    return entry;
  }

  /** Records and bytes waiting or being written on a port, when it has a committer yet. */
  queued(productId: string, port: string): { readonly records: number; readonly bytes: number } | undefined {
    return this.#ports.get(`${productId}\u0000${port}`)?.committer.queued();
  }

  /**
   * Parses and stores one request. NOT_FOUND for an unknown port, CONFLICT for a port that is not
   * http-push, INVALID_INPUT for a malformed or oversized body (nothing stored).
   */
  async push(product: RuntimeProduct, portName: string, request: PushRequest): Promise<PushOutcome> {
    const port = product.inputs.find((p) => p.name === portName);
    if (port === undefined)
      throw new MeshplaneError('NOT_FOUND', `product '${product.id}' has no input port '${portName}'`);
    if (port.kind !== 'http-push') {
      throw new MeshplaneError(
        'CONFLICT',
        `input port ${product.id}/${portName} is a ${port.kind} port, not http-push`,
      );
    }
    const entry = this.#entry(product, port as StoredInputPort);
    const events = parseEvents(request.body, request.format, this.#eventLimits);
    const group = entry.committer.nextGroup();
    const records = eventRecords(events, {
      idFields: entry.idFields,
      requestId: request.requestId,
      group,
      ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey }),
    });
    const stored = entry.committer.offer(group, records, Buffer.byteLength(request.body));
    if (stored === undefined)
      return { status: 'busy', retryAfterSeconds: this.#committerLimits.retryAfterSeconds };
    return { status: 'stored', ...(await stored) };
  }

  /** Stops taking requests and waits until every queued one is written. */
  async close(): Promise<void> {
    await Promise.all([...this.#ports.values()].map((e) => e.committer.close()));
    this.#ports.clear();
  }
}
