/**
 * The NATS JetStream server of the nats port suites (127.0.0.1:4222, or MESHPLANE_TEST_NATS_URL),
 * uniquely named streams per test, a publisher, and an in-memory StreamSink that keeps what a
 * real sink promises: a record whose key it holds is a duplicate, the checkpoint is stored with
 * its batch.
 */
import { randomBytes } from 'node:crypto';
import { AckPolicy, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { it } from 'vitest';
import { stringify } from 'yaml';
import type {
  PortStatus,
  StreamBatch,
  StreamBatchResult,
  StreamCounts,
  StreamRecord,
  StreamSink,
  StreamSourceContext,
} from '../../src/ports/stream/stream-types.js';
import { meshYaml } from '../runtime/support/workspace.js';

export const NATS_URL = process.env.MESHPLANE_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** Why the server cannot be used, or undefined when it can. */
export async function natsUnavailable(): Promise<string | undefined> {
  try {
    const nc = await connect({ servers: NATS_URL, reconnect: false, timeout: 2000 });
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
    } finally {
      await nc.close();
    }
    return undefined;
  } catch (error) {
    return `NATS JetStream at ${NATS_URL} is unavailable: ${(error as Error).message}`;
  }
}

/** SKIPPED loudly when the server is missing, a failing test when services are required. */
export function natsReady(suite: string, why: string | undefined): boolean {
  if (why === undefined) return true;
  if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') {
    it(`${suite}: reaches NATS (MESHPLANE_REQUIRE_SERVICES=1)`, () => {
      throw new Error(why);
    });
  } else {
    console.warn(`\n*** SKIPPED: ${suite}: ${why} ***\n`);
  }
  return false;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export interface NatsAdmin {
  readonly nc: NatsConnection;
  readonly jsm: JetStreamManager;
  /** Creates a stream on `<name>.>`; deleted by `close`. */
  stream(name: string): Promise<void>;
  /** Has `close` delete a stream something else creates. */
  own(name: string): void;
  /** Publishes payloads (strings as-is, anything else as JSON) on `subject`, in order. */
  publish(subject: string, payloads: readonly unknown[]): Promise<void>;
  /** A pull consumer that reads the whole stream, as an operator might have set it up. */
  consumer(stream: string, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function natsAdmin(): Promise<NatsAdmin> {
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const streams = new Set<string>();
  return {
    nc,
    jsm,
    async stream(name) {
      streams.add(name);
      await jsm.streams.add({ name, subjects: [`${name}.>`] });
    },
    own(name) {
      streams.add(name);
    },
    async publish(subject, payloads) {
      const chunk = 500;
      for (let i = 0; i < payloads.length; i += chunk) {
        // Sequential chunks keep the stream's order equal to the payloads' order.
        const acks = payloads
          .slice(i, i + chunk)
          .map((p) => js.publish(subject, typeof p === 'string' ? p : JSON.stringify(p)));
        await Promise.all(acks);
      }
    },
    async consumer(stream, name) {
      await jsm.consumers.add(stream, { durable_name: name, ack_policy: AckPolicy.Explicit });
    },
    async close() {
      for (const name of streams) await jsm.streams.delete(name).catch(() => undefined);
      await nc.close();
    },
  };
}

export interface QuarantinedRecord {
  readonly key: string | undefined;
  readonly reason: string;
  readonly value: unknown;
  readonly source: string | undefined;
}

/** An in-memory StreamSink: accepted values by key, quarantine, duplicates, the checkpoint. */
export class MemoryStreamSink implements StreamSink {
  readonly accepted = new Map<string, unknown>();
  readonly quarantined: QuarantinedRecord[] = [];
  readonly keys = new Set<string>();
  /** Every batch committed, in order. */
  readonly batches: StreamBatch[] = [];
  duplicates = 0;
  stored: string | undefined;
  /** Called after a batch is committed, before `write` resolves (a test's crash point). */
  afterCommit: ((batch: StreamBatch) => void) | undefined;

  constructor(checkpoint?: string) {
    this.stored = checkpoint;
  }

  async write(batch: StreamBatch, signal?: AbortSignal): Promise<StreamBatchResult> {
    signal?.throwIfAborted();
    const counts = { accepted: 0, duplicates: 0, quarantined: 0 };
    for (const record of batch.records) this.store(record, counts);
    this.duplicates += counts.duplicates;
    if (batch.checkpoint !== undefined) this.stored = batch.checkpoint;
    this.batches.push(batch);
    this.afterCommit?.(batch);
    return {
      ...counts,
      groups: new Map<number, StreamCounts>([[-1, counts]]),
      ...(batch.checkpoint === undefined ? {} : { checkpoint: batch.checkpoint }),
    };
  }

  private store(record: StreamRecord, counts: { accepted: number; duplicates: number; quarantined: number }) {
    if (record.key !== undefined) {
      if (this.keys.has(record.key)) {
        counts.duplicates += 1;
        return;
      }
      this.keys.add(record.key);
    }
    if (record.reject !== undefined) {
      this.quarantined.push({
        key: record.key,
        reason: record.reject,
        value: record.value,
        source: record.source,
      });
      counts.quarantined += 1;
    } else {
      this.accepted.set(record.key ?? `#${this.accepted.size}`, record.value);
      counts.accepted += 1;
    }
  }

  stage(): never {
    throw new Error('a NATS source writes records, it does not stage them');
  }

  async checkpoint(): Promise<string | undefined> {
    return this.stored;
  }
}

export interface TestContext extends StreamSourceContext {
  readonly controller: AbortController;
  readonly statuses: Omit<PortStatus, 'since'>[];
}

export function sourceContext(sink: StreamSink, controller = new AbortController()): TestContext {
  const statuses: Omit<PortStatus, 'since'>[] = [];
  return {
    productId: 'sales.orders',
    port: 'orders',
    sink,
    signal: controller.signal,
    controller,
    statuses,
    report: (status) => statuses.push(status),
    log: () => undefined,
  };
}

/** Resolves when `done()` holds, polling; rejects after `ms`. */
export async function until(done: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const PRODUCT_DIR = 'domains/sales/orders';

function contract(id: string, name: string, extra: Record<string, unknown>): string {
  return stringify({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id,
    name,
    version: '1.0.0',
    status: 'active',
    domain: 'sales',
    dataProduct: 'orders',
    team: { name: 'sales-team' },
    ...extra,
    schema: [
      {
        name,
        physicalName: name,
        logicalType: 'object',
        properties: [
          {
            name: 'order_id',
            logicalType: 'string',
            required: true,
            primaryKey: true,
            primaryKeyPosition: 1,
          },
          { name: 'amount', logicalType: 'number', physicalType: 'DOUBLE', required: true },
          { name: 'note', logicalType: 'string' },
        ],
      },
    ],
  });
}

/**
 * A workspace with one product, `sales.orders`, whose input port `orders` reads the JetStream
 * stream `stream` (ODCS server `type: custom`, created if missing, keyed by `order_id`, ack wait
 * 1 s so redeliveries come quickly) and whose output `order_totals` selects from it.
 */
export function natsMesh(stream: string, port: Record<string, unknown> = {}): Record<string, string> {
  const server = {
    server: 'events',
    type: 'custom',
    customProperties: [
      {
        property: 'meshplane.port',
        value: {
          kind: 'nats',
          url: NATS_URL,
          stream,
          subjects: [`${stream}.>`],
          create: true,
          idField: 'order_id',
          ackWaitSeconds: 1,
          ...port,
        },
      },
    ],
  };
  return {
    'mesh.yaml': meshYaml(['sales']),
    [`${PRODUCT_DIR}/product.odps.yaml`]: stringify({
      apiVersion: 'v1.0.0',
      kind: 'DataProduct',
      id: 'sales.orders',
      name: 'orders',
      version: '1.0.0',
      status: 'active',
      domain: 'sales',
      inputPorts: [{ name: 'orders', version: '1.0.0', contractId: 'sales.orders.in.v1' }],
      outputPorts: [
        {
          name: 'order_totals',
          version: '1.0.0',
          type: 'tables',
          contractId: 'sales.orders.out.v1',
          inputContracts: [{ id: 'sales.orders.in.v1', version: '1.0.0' }],
        },
      ],
      team: { name: 'sales-team', members: [{ username: 'owner@example.com', role: 'owner' }] },
    }),
    [`${PRODUCT_DIR}/orders.odcs.yaml`]: contract('sales.orders.in.v1', 'orders', { servers: [server] }),
    [`${PRODUCT_DIR}/order_totals.odcs.yaml`]: contract('sales.orders.out.v1', 'order_totals', {
      customProperties: [{ property: 'meshplane.transform', value: 'order_totals.sql' }],
    }),
    [`${PRODUCT_DIR}/order_totals.sql`]: 'select order_id, amount, note from orders\n',
  };
}
