/**
 * An output port's event settings, from its contract's `meshplane.events` custom property. Pure.
 *
 * - absent or `true`: changes are logged (and served over SSE and webhooks), nothing published;
 * - `false`: the port logs no changes (a large table rebuilt often, nobody following it);
 * - `{ nats: true }`: changes are also published to NATS JetStream, subject
 *   `meshplane.<product>.<port>` unless `subject` names another.
 */
import { customProperty } from '../../runtime/custom-properties.js';
import type { RuntimeOutputPort } from '../../runtime/runtime-product.js';

export interface EventsSettings {
  /** Whether transforms log the port's changes. */
  readonly capture: boolean;
  /** The NATS subject to publish each change to, when publishing is on. */
  readonly natsSubject?: string;
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
  if (value === false) return { capture: false };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { capture: true };
  const settings = value as Record<string, unknown>;
  if (settings.nats !== true) return { capture: true };
  const subject =
    typeof settings.subject === 'string' && SUBJECT.test(settings.subject)
      ? settings.subject
      : defaultSubject(productId, port.name);
  return { capture: true, natsSubject: subject };
}
