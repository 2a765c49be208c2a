/**
 * A logged change as the CloudEvent consumers receive (SSE, webhooks, NATS). Pure and
 * deterministic: the same change always makes the same event, id and time included, so a
 * redelivery is byte-for-byte the event a receiver may have seen and can de-duplicate.
 */
import { type CloudEvent, cloudEvent } from '../../notify/cloud-event.js';
import type { ChangeRecord } from './read-changes.js';

/** A row was inserted or changed; `data` is the row as stored. */
export const ROW_UPSERTED = 'dev.meshplane.row.upserted';
/** A row was deleted; `data` is its key. */
export const ROW_DELETED = 'dev.meshplane.row.deleted';
/**
 * Every row of the port before this event is gone (a full refresh of a port without a primary
 * key); the upserts that follow are its whole new contents. `data` is null.
 */
export const PORT_RESET = 'dev.meshplane.port.reset';

const TYPES = { upsert: ROW_UPSERTED, delete: ROW_DELETED, reset: PORT_RESET } as const;

/** `/meshplane/products/<id>/ports/<port>`. */
export function changeSource(productId: string, port: string): string {
  return `/meshplane/products/${productId}/ports/${port}`;
}

/** `<product>:<port>:<offset>`: unique per source, stable across redeliveries. */
export function changeEventId(productId: string, port: string, offset: number): string {
  return `${productId}:${port}:${offset}`;
}

/** The key as the subject: the single key value as text, several as their JSON object. */
export function keySubject(key: Readonly<Record<string, unknown>> | null): string | undefined {
  if (key === null) return undefined;
  const values = Object.values(key);
  if (values.length === 1) {
    const [value] = values;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  return JSON.stringify(key);
}

/** The CloudEvent of a change of `productId`'s output port. */
export function changeEvent(productId: string, change: ChangeRecord): CloudEvent {
  const subject = keySubject(change.key);
  return cloudEvent(
    {
      source: changeSource(productId, change.port),
      type: TYPES[change.op],
      ...(subject === undefined ? {} : { subject }),
      data: change.op === 'delete' ? change.key : change.row,
      id: changeEventId(productId, change.port, change.offset),
      time: new Date(change.at),
    },
    { newId: () => changeEventId(productId, change.port, change.offset) },
  );
}
