/** The webhook outbox: CloudEvents waiting to be POSTed, delivered, or given up on. */
import type { CloudEvent } from '../../notify/cloud-event.js';

/** A delivery's state: `pending` until it is `delivered` or, out of attempts, `dead`. */
export const WEBHOOK_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

/** An event to POST to one URL. */
export interface WebhookInput {
  /** An http: or https: URL. */
  readonly url: string;
  readonly event: CloudEvent;
}

/** One event for one URL, with its delivery state. */
export interface WebhookDelivery {
  readonly id: string;
  readonly createdAt: string;
  readonly url: string;
  readonly event: CloudEvent;
  readonly status: WebhookStatus;
  /** Attempts made so far, successful or not. */
  readonly attempts: number;
  /** When a pending delivery is due (or its claim expires). */
  readonly nextAttemptAt: string;
  readonly lastError?: string;
  readonly deliveredAt?: string;
}

/**
 * How an attempt went: delivered; failed and to be tried again at `retryAt`; or failed for good
 * (no `retryAt`), which makes the delivery `dead`.
 */
export type WebhookAttemptOutcome =
  | { readonly ok: true; readonly at: Date }
  | { readonly ok: false; readonly at: Date; readonly error: string; readonly retryAt?: Date };

/** Narrows `listWebhooks`; absent fields do not filter. */
export interface WebhookFilter {
  readonly status?: WebhookStatus;
  readonly url?: string;
  readonly limit: number;
}
