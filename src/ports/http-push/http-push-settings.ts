import { MeshplaneError } from '../../errors/index.js';
import { primaryKey } from '../../runtime/contract-columns.js';
import type { StoredInputPort } from '../../runtime/runtime-product.js';

/** How an http-push port keys its events, from the port's `meshplane.port` settings. */
export interface HttpPushSettings {
  /**
   * The contract fields whose values, joined, are an event's idempotency key: `idField` (a name
   * or a list; `idempotencyKey` is read as a synonym), else the input contract's primary key.
   * Empty: events are keyed by the `Idempotency-Key` header and their position, or not at all.
   */
  readonly idFields: readonly string[];
}

function names(value: unknown, port: string): string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v): v is string => typeof v === 'string' && v !== '')) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `input port ${port}: meshplane.port idField must name contract fields`,
    );
  }
  return list;
}

export function httpPushSettings(port: StoredInputPort): HttpPushSettings {
  const configured = names(port.settings.idField ?? port.settings.idempotencyKey, port.name);
  const idFields = configured ?? primaryKey(port.schema);
  const known = new Set(port.columns.map((c) => c.name));
  const unknown = idFields.filter((f) => !known.has(f));
  if (unknown.length > 0) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `input port ${port.name}: idField ${unknown.join(', ')} is not a field of the input contract`,
    );
  }
  return { idFields };
}
