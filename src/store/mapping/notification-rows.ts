/** Pure mapping between notification rows and notifications. */
import type { Selectable } from 'kysely';
import type { Notification, NotificationInput } from '../model/notification-model.js';
import type { NotificationsTable } from '../schema/control-database.js';
import { fromJsonText, toJsonText } from './json-text.js';
import { nullable, optional } from './optional.js';

/**
 * A notice as a new, unread row (every column set, so it also reads back as stored). INVALID_INPUT
 * when its data cannot be stored as JSON.
 */
export function notificationToRow(
  input: NotificationInput,
  id: string,
  at: string,
): Selectable<NotificationsTable> {
  return {
    id,
    created_at: at,
    type: input.type,
    product_id: nullable(input.productId),
    port: nullable(input.port),
    recipient: input.recipient,
    title: input.title,
    message: input.message,
    data: input.data === undefined ? null : toJsonText(input.data, `data of notification ${input.title}`),
    read_at: null,
  };
}

/** A notification row as a notification, its data parsed. */
export function notificationFromRow(row: Selectable<NotificationsTable>): Notification {
  return {
    id: row.id,
    createdAt: row.created_at,
    type: row.type,
    recipient: row.recipient,
    title: row.title,
    message: row.message,
    ...optional('productId', row.product_id),
    ...optional('port', row.port),
    ...(row.data === null ? {} : { data: fromJsonText(row.data, `data of notification ${row.id}`) }),
    ...optional('readAt', row.read_at),
  };
}
