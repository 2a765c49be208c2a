/**
 * An output port's event settings, from its contract's `meshplane.events` custom property. Pure.
 *
 * - absent or `true`: changes are logged (and served over SSE and webhooks), nothing published;
 * - `false`: the port logs no changes (a large table rebuilt often, nobody following it);
 * - `{ nats: true }`: changes are also published to NATS JetStream, subject
 *   `meshplane.<product>.<port>` unless `subject` names another;
 * - `{ retention: 30d }`: how long changes are kept (default 7 days; `forever`). A change is
 *   removed only once every webhook subscription and publisher of the port is past it.
 */
import { customProperty } from '../../runtime/custom-properties.js';
import type { RuntimeOutputPort } from '../../runtime/runtime-product.js';
import { parseDuration } from '../port-duration.js';

export interface EventsSettings {
  /** Whether transforms log the port's changes. */
  readonly capture: boolean;
  /** The NATS subject to publish each change to, when publishing is on. */
  readonly natsSubject?: string;
  /** How long changes are kept, in ms; undefined: forever. */
  readonly retentionMs: number | undefined;
}

export const DEFAULT_CHANGE_RETENTION_MS = 7 * 86_400_000;

/** `retention` as ms: a duration of at least a minute, or `forever`; anything else the default (the validator reports it). */
function retention(value: unknown): number | undefined {
  if (value === 'forever') return undefined;
  const ms = typeof value === 'string' ? parseDuration(value) : undefined;
  return ms !== undefined && ms >= 60_000 ? ms : DEFAULT_CHANGE_RETENTION_MS;
}

/** NATS subject tokens cannot hold whitespace, `.`, `*` or `>`; anything else goes through. */
function subjectToken(text: string): string {
  return text.replace(/[\s.*>]/g, '_');
}

/** `meshplane.<product>.<port>`: the product id keeps its dots, so its domain is a token of its own. */
export function defaultSubject(productId: string, port: string): string {
  return `meshplane.${productId.split('.').map(subjectToken).join('.')}.${subjectToken(port)}`;
}

const SUBJECT = /^[^\s*>]+(\.[^\s*>.]+)*$/;

/** The port's settings; an unusable value falls back to the defaults (the validator reports it). */
export function eventsSettings(productId: string, port: RuntimeOutputPort): EventsSettings {
  const value = customProperty(port.contract.customProperties, 'meshplane.events');
  if (value === false) return { capture: false, retentionMs: undefined };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { capture: true, retentionMs: DEFAULT_CHANGE_RETENTION_MS };
  const settings = value as Record<string, unknown>;
  const retentionMs = retention(settings.retention);
  if (settings.nats !== true) return { capture: true, retentionMs };
  const subject =
    typeof settings.subject === 'string' && SUBJECT.test(settings.subject)
      ? settings.subject
      : defaultSubject(productId, port.name);
  return { capture: true, natsSubject: subject, retentionMs };
}
