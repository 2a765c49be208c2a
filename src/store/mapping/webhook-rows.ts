/** Pure mapping between webhook outbox rows and deliveries. */
import type { Selectable } from 'kysely';
import { MeshplaneError } from '../../errors/index.js';
import { isCloudEvent } from '../../notify/cloud-event.js';
import type { WebhookDelivery, WebhookInput, WebhookStatus } from '../model/webhook-model.js';
import type { WebhookDeliveriesTable } from '../schema/control-database.js';
import { fromJsonText, toJsonText } from './json-text.js';
import { optional } from './optional.js';

/** An event for a URL as a new pending row, due at once (every column set). */
export function webhookToRow(
  input: WebhookInput,
  id: string,
  at: string,
): Selectable<WebhookDeliveriesTable> {
  return {
    id,
    created_at: at,
    url: input.url,
    event_id: input.event.id,
    event_type: input.event.type,
    payload: toJsonText(input.event, `event ${input.event.id}`),
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    last_error: null,
    delivered_at: null,
  };
}

/** An outbox row as a delivery. The status is checked by the schema, so it is trusted. */
export function webhookFromRow(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  const event = fromJsonText(row.payload, `payload of webhook delivery ${row.id}`);
  if (!isCloudEvent(event)) {
    throw new MeshplaneError('INTERNAL', `stored payload of webhook delivery ${row.id} is not a CloudEvent`);
  }
  return {
    id: row.id,
    createdAt: row.created_at,
    url: row.url,
    event,
    status: row.status as WebhookStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    ...optional('lastError', row.last_error),
    ...optional('deliveredAt', row.delivered_at),
  };
}
