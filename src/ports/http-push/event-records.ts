/**
 * Pushed events as stream records: CloudEvents structured events (`specversion`, `id`, `data`)
 * are unwrapped to their `data`, keyed by their `id`; other events are keyed by the port's
 * id fields, else by the request's `Idempotency-Key` and the event's position, else not at all
 * (every delivery is stored). Pure.
 */
import type { StreamRecord } from '../stream/index.js';

export interface EventKeying {
  readonly idFields: readonly string[];
  /** The request's `Idempotency-Key` header, when it has one. */
  readonly idempotencyKey?: string;
  /** Names the request in quarantine rows: `http:<requestId>#<n>`. */
  readonly requestId: string;
  /** Set on every record: whose request it is, in a group commit. */
  readonly group?: number;
}

function isCloudEvent(event: Record<string, unknown>): boolean {
  const id = event.id;
  return (
    typeof event.specversion === 'string' &&
    (typeof id === 'string' || typeof id === 'number') &&
    'data' in event
  );
}

function fieldKey(value: unknown, fields: readonly string[]): string | undefined {
  if (typeof value !== 'object' || value === null || fields.length === 0) return undefined;
  const parts: string[] = [];
  for (const field of fields) {
    const part = (value as Record<string, unknown>)[field];
    if (part === undefined || part === null) return undefined;
    parts.push(typeof part === 'string' ? part : JSON.stringify(part));
  }
  // One field: its value as is, so the key reads like the data; several: an unambiguous JSON list.
  return parts.length === 1 ? parts[0] : JSON.stringify(parts);
}

export function eventRecords(
  events: readonly Record<string, unknown>[],
  keying: EventKeying,
): StreamRecord[] {
  return events.map((event, i) => {
    const position = i + 1;
    let value: unknown = event;
    let key: string | undefined;
    if (isCloudEvent(event)) {
      value = event.data;
      key = String(event.id);
    } else {
      key = fieldKey(event, keying.idFields);
      if (key === undefined && keying.idempotencyKey !== undefined)
        key = `hdr:${keying.idempotencyKey}#${position}`;
    }
    return {
      value,
      position,
      source: `http:${keying.requestId}#${position}`,
      ...(key === undefined ? {} : { key }),
      ...(keying.group === undefined ? {} : { group: keying.group }),
    };
  });
}
