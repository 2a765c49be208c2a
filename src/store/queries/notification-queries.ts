/** In-app notifications: written (alone or with a deploy), listed, marked read. */
import { MeshplaneError } from '../../errors/index.js';
import { requireLimit, requireText } from '../input-checks.js';
import { notificationFromRow, notificationToRow } from '../mapping/notification-rows.js';
import type { Notification, NotificationFilter, NotificationInput } from '../model/notification-model.js';
import type { StoreContext } from '../store-context.js';

/**
 * Writes the notices through `ctx.db` (a transaction's, when they go with a deploy) and returns
 * them as stored. INVALID_INPUT for a missing type, recipient, title or message.
 */
export async function insertNotifications(
  ctx: StoreContext,
  list: readonly NotificationInput[],
): Promise<Notification[]> {
  for (const n of list) {
    requireText(n.type, 'notification type');
    requireText(n.recipient, 'notification recipient');
    requireText(n.title, 'notification title');
    if (typeof n.message !== 'string') {
      throw new MeshplaneError('INVALID_INPUT', 'notification message must be a string');
    }
  }
  if (list.length === 0) return [];
  const at = ctx.now();
  const rows = list.map((n) => notificationToRow(n, ctx.newId(), at));
  await ctx.db.insertInto('notifications').values(rows).execute();
  return rows.map(notificationFromRow);
}

/** Writes the notices in one transaction. */
export function addNotifications(
  ctx: StoreContext,
  list: readonly NotificationInput[],
): Promise<Notification[]> {
  return ctx.db.transaction().execute((trx) => insertNotifications({ ...ctx, db: trx }, list));
}

/** Notices newest first, for a recipient or a product if asked, only unread ones if asked. */
export async function listNotifications(
  ctx: StoreContext,
  filter: NotificationFilter,
): Promise<Notification[]> {
  let query = ctx.db.selectFrom('notifications').selectAll();
  if (filter.recipient !== undefined) query = query.where('recipient', '=', filter.recipient);
  if (filter.productId !== undefined) query = query.where('product_id', '=', filter.productId);
  if (filter.unreadOnly === true) query = query.where('read_at', 'is', null);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(requireLimit(filter.limit))
    .execute();
  return rows.map(notificationFromRow);
}

/** Marks a notice read; reading it again keeps the first time. NOT_FOUND for an unknown id. */
export async function markNotificationRead(ctx: StoreContext, id: string): Promise<void> {
  const result = await ctx.db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(ctx.now())) }))
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw new MeshplaneError('NOT_FOUND', `notification ${id} does not exist`, {
      details: { notificationId: id },
    });
  }
}
