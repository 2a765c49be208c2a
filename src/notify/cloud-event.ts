/**
 * CloudEvents 1.0 in the JSON event format (structured mode): the one shape Meshplane's
 * notifications and webhooks carry. Pure: no I/O, so the store, the server and the browser share it.
 */

/** A contract version was deprecated, with a sunset date. */
export const CONTRACT_DEPRECATED = 'dev.meshplane.contract.deprecated';
/** A deprecated contract version was retired: it is no longer served. */
export const CONTRACT_RETIRED = 'dev.meshplane.contract.retired';
/** A new contract version was published with a deploy. */
export const CONTRACT_PUBLISHED = 'dev.meshplane.contract.published';
/** A deploy was refused because its contract breaks the registered one. */
export const CONTRACT_BREAKING_CHANGE_REFUSED = 'dev.meshplane.contract.breaking-change-refused';
/** A column's classification was lowered (for example from restricted to internal). */
export const GOVERNANCE_CLASSIFICATION_LOWERED = 'dev.meshplane.governance.classification-lowered';

/** Every event type Meshplane emits. */
export const MESHPLANE_EVENT_TYPES = [
  CONTRACT_DEPRECATED,
  CONTRACT_RETIRED,
  CONTRACT_PUBLISHED,
  CONTRACT_BREAKING_CHANGE_REFUSED,
  GOVERNANCE_CLASSIFICATION_LOWERED,
] as const;

/** One of the event types Meshplane emits. */
export type MeshplaneEventType = (typeof MESHPLANE_EVENT_TYPES)[number];

/** A CloudEvent as it travels in structured mode (`application/cloudevents+json`). */
export interface CloudEvent<T = unknown> {
  readonly specversion: '1.0';
  /** Unique per source: receivers de-duplicate on (source, id). */
  readonly id: string;
  /** A URI reference naming the producer, e.g. `/meshplane/products/sales.orders`. */
  readonly source: string;
  readonly type: string;
  /** What the event is about within the source, e.g. an output port. */
  readonly subject?: string;
  /** When it happened, RFC 3339 (ISO-8601 UTC). */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: T;
}

/** What `cloudEvent` needs; the rest is filled in. */
export interface CloudEventFields<T> {
  readonly source: string;
  readonly type: string;
  readonly subject?: string;
  readonly data: T;
  /** Defaults to `newId()` of the builder's options. */
  readonly id?: string;
  /** Defaults to `now()` of the builder's options. */
  readonly time?: Date;
}

/** Where ids and times come from, so tests can fix them. */
export interface CloudEventSources {
  /** A new unique id; a random UUID in production (`crypto.randomUUID`). */
  readonly newId: () => string;
  readonly now?: () => Date;
}

/** A CloudEvent from its fields. `subject` is left out when absent rather than set to undefined. */
export function cloudEvent<T>(fields: CloudEventFields<T>, sources: CloudEventSources): CloudEvent<T> {
  const time = fields.time ?? sources.now?.() ?? new Date();
  return {
    specversion: '1.0',
    id: fields.id ?? sources.newId(),
    source: fields.source,
    type: fields.type,
    ...(fields.subject === undefined ? {} : { subject: fields.subject }),
    time: time.toISOString(),
    datacontenttype: 'application/json',
    data: fields.data,
  };
}

/** Whether `value` has the shape of a CloudEvent this module builds (for values read back from JSON). */
export function isCloudEvent(value: unknown): value is CloudEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.specversion === '1.0' &&
    typeof v.id === 'string' &&
    v.id !== '' &&
    typeof v.source === 'string' &&
    v.source !== '' &&
    typeof v.type === 'string' &&
    v.type !== '' &&
    typeof v.time === 'string' &&
    v.datacontenttype === 'application/json' &&
    (v.subject === undefined || typeof v.subject === 'string') &&
    'data' in v
  );
}
