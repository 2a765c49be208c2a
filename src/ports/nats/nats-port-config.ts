/**
 * A `nats` input port's settings (`meshplane.port` of the input contract's server entry, ODCS
 * server `type: custom`), validated once into a frozen config. Pure.
 *
 * ```yaml
 * servers:
 *   - server: events
 *     type: custom
 *     customProperties:
 *       - property: meshplane.port
 *         value: { kind: nats, url: nats://127.0.0.1:4222, stream: ORDERS, subjects: [orders.>],
 *                  create: true, consumer: meshplane-orders, batch: 1000, idField: order_id }
 * ```
 */
import { MeshplaneError } from '../../errors/index.js';
import type { StoredInputPort } from '../../runtime/runtime-product.js';

export interface NatsPortConfig {
  readonly port: string;
  /** Server URLs (`nats://` or `tls://`). */
  readonly servers: readonly string[];
  readonly stream: string;
  /** Subjects of the stream when the port creates it; empty when it must exist. */
  readonly subjects: readonly string[];
  /** Whether a missing stream is created with `subjects`. */
  readonly create: boolean;
  /** The durable pull consumer's name. */
  readonly consumer: string;
  /** Messages fetched and written per batch (one transaction). */
  readonly batch: number;
  /** A top-level field of each message used as its idempotency key, instead of `<stream>:<sequence>`. */
  readonly idField: string | undefined;
  /** How long the server waits for an ack before redelivering; kept alive while a batch is written. */
  readonly ackWaitMs: number;
}

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
export const DEFAULT_BATCH = 1000;
export const MAX_BATCH = 10_000;
export const DEFAULT_ACK_WAIT_SECONDS = 30;
const MAX_ACK_WAIT_SECONDS = 3600;

const KNOWN = new Set([
  'kind',
  'url',
  'stream',
  'subjects',
  'create',
  'consumer',
  'batch',
  'idField',
  'ackWaitSeconds',
]);

// NATS names: no whitespace, no subject separators or wildcards, no path separators.
const NAME = /^[^\s.*>/\\]{1,255}$/;
const SUBJECT_TOKEN = /^[^\s.*>]+$/;

function invalid(port: string, message: string): MeshplaneError {
  return new MeshplaneError('INVALID_INPUT', `input port ${port}: meshplane.port ${message}`);
}

function isSubject(subject: string): boolean {
  const tokens = subject.split('.');
  return tokens.every((t, i) => t === '*' || (t === '>' && i === tokens.length - 1) || SUBJECT_TOKEN.test(t));
}

function servers(port: string, value: unknown): readonly string[] {
  if (value === undefined) return [DEFAULT_NATS_URL];
  const list = typeof value === 'string' ? value.split(',').map((u) => u.trim()) : value;
  if (!Array.isArray(list) || list.length === 0)
    throw invalid(port, 'url must be a nats:// URL or a list of them');
  return list.map((u) => {
    if (typeof u !== 'string' || !/^(nats|tls):\/\/[^\s/]+$/.test(u)) {
      throw invalid(port, `url ${JSON.stringify(u)} must look like nats://host:4222 or tls://host:4222`);
    }
    return u;
  });
}

function subjects(port: string, value: unknown): readonly string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0)
    throw invalid(port, 'subjects must be a subject or a list of them');
  return list.map((s) => {
    if (typeof s !== 'string' || !isSubject(s)) {
      throw invalid(
        port,
        `subjects: ${JSON.stringify(s)} is not a NATS subject (tokens separated by dots, * or > as a whole token, > last)`,
      );
    }
    return s;
  });
}

function whole(port: string, name: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalid(port, `${name} must be a whole number from 1 to ${max}`);
  }
  return value;
}

/** The default durable consumer name: one per product and port, in NATS name characters. */
export function defaultConsumerName(productId: string, port: string): string {
  return `meshplane_${productId}_${port}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Reads the port's `meshplane.port` settings. The URL falls back to the server entry's
 * `endpointUrl`, then to nats://127.0.0.1:4222. Throws INVALID_INPUT naming the port and setting.
 */
export function natsPortConfig(input: StoredInputPort, productId: string): NatsPortConfig {
  const port = input.name;
  const s = input.settings;
  const unknown = Object.keys(s).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) {
    throw invalid(port, `has unknown settings ${unknown.join(', ')} (known: ${[...KNOWN].join(', ')})`);
  }
  if (typeof s.stream !== 'string' || !NAME.test(s.stream)) {
    throw invalid(port, 'stream must name the JetStream stream (no spaces, dots, *, >, / or \\)');
  }
  if (s.create !== undefined && typeof s.create !== 'boolean')
    throw invalid(port, 'create must be true or false');
  const create = s.create === true;
  const subjectList = subjects(port, s.subjects);
  if (create && subjectList.length === 0)
    throw invalid(port, 'create: true needs the subjects of the stream');
  const consumer = s.consumer ?? defaultConsumerName(productId, port);
  if (typeof consumer !== 'string' || !NAME.test(consumer)) {
    throw invalid(port, 'consumer must be a durable consumer name (no spaces, dots, *, >, / or \\)');
  }
  let idField: string | undefined;
  if (s.idField !== undefined) {
    if (typeof s.idField !== 'string' || !input.columns.some((c) => c.name === s.idField)) {
      throw invalid(
        port,
        `idField must name a column of the contract (${input.columns.map((c) => c.name).join(', ')})`,
      );
    }
    idField = s.idField;
  }
  const url = s.url ?? input.server.settings.endpointUrl;
  return Object.freeze({
    port,
    servers: Object.freeze(servers(port, url)),
    stream: s.stream,
    subjects: Object.freeze(subjectList),
    create,
    consumer,
    batch: whole(port, 'batch', s.batch, DEFAULT_BATCH, MAX_BATCH),
    idField,
    ackWaitMs:
      whole(port, 'ackWaitSeconds', s.ackWaitSeconds, DEFAULT_ACK_WAIT_SECONDS, MAX_ACK_WAIT_SECONDS) * 1000,
  });
}
