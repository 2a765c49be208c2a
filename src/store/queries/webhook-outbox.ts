/**
 * The webhook outbox. Events are enqueued (alone or with a deploy), claimed by a dispatcher when
 * due, and settled by each attempt. Deliveries to one URL go in order: only the oldest pending
 * delivery of a URL can be claimed, so a later event never overtakes an earlier one that is
 * waiting for a retry. A claim is a lease: it moves the delivery's due time past the attempt, so
 * another dispatcher (a replica) does not send it too, and a dispatcher that dies mid-send leaves
 * it to be claimed again when the lease ends.
 */
import { MeshplaneError } from '../../errors/index.js';
import { isCloudEvent } from '../../notify/cloud-event.js';
import { requireCount, requireDate, requireLimit, requireOneOf, requireText } from '../input-checks.js';
import { webhookFromRow, webhookToRow } from '../mapping/webhook-rows.js';
import {
  WEBHOOK_STATUSES,
  type WebhookAttemptOutcome,
  type WebhookDelivery,
  type WebhookFilter,
  type WebhookInput,
} from '../model/webhook-model.js';
import type { StoreContext } from '../store-context.js';

/** How long a claim holds a delivery when the caller does not say: longer than any sane attempt. */
export const DEFAULT_WEBHOOK_LEASE_MS = 60_000;

/** Errors longer than this are cut: a receiver's whole error page helps nobody. */
const MAX_ERROR_LENGTH = 2_000;

function requireHttpUrl(value: unknown): string {
  const text = requireText(value, 'webhook url');
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new MeshplaneError('INVALID_INPUT', `webhook url ${text} is not a URL`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MeshplaneError('INVALID_INPUT', `webhook url ${text} must be http: or https:`);
  }
  return text;
}

/** Writes pending deliveries through `ctx.db` (a transaction's, when they go with a deploy). */
export async function insertWebhooks(ctx: StoreContext, list: readonly WebhookInput[]): Promise<void> {
  for (const w of list) {
    requireHttpUrl(w.url);
    if (!isCloudEvent(w.event)) {
      throw new MeshplaneError(
        'INVALID_INPUT',
        'a webhook event must be a CloudEvent 1.0 with id, source, type, time and datacontenttype application/json',
      );
    }
  }
  if (list.length === 0) return;
  const at = ctx.now();
  await ctx.db
    .insertInto('webhook_deliveries')
    .values(list.map((w) => webhookToRow(w, ctx.newId(), at)))
    .execute();
}

/** Enqueues the events in one transaction, due at once. */
export function enqueueWebhooks(ctx: StoreContext, list: readonly WebhookInput[]): Promise<void> {
  return ctx.db.transaction().execute((trx) => insertWebhooks({ ...ctx, db: trx }, list));
}

/**
 * Claims up to `limit` due deliveries, oldest first, at most one per URL (the oldest pending one
 * of each URL, and only when it is due), and holds them for `leaseMs`. A delivery another store
 * claimed at the same moment is left to it.
 */
export async function claimDueWebhooks(
  ctx: StoreContext,
  now: Date,
  limit: number,
  leaseMs: number = DEFAULT_WEBHOOK_LEASE_MS,
): Promise<WebhookDelivery[]> {
  const nowText = requireDate(now, 'now');
  const max = requireLimit(limit);
  const until = new Date(now.getTime() + requireCount(leaseMs, 'leaseMs')).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const heads = await trx
      .selectFrom('webhook_deliveries as w')
      .select('w.id')
      .where('w.status', '=', 'pending')
      .where('w.next_attempt_at', '<=', nowText)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('webhook_deliveries as e')
              .select('e.id')
              .where('e.status', '=', 'pending')
              .whereRef('e.url', '=', 'w.url')
              .where((o) =>
                o.or([
                  o('e.created_at', '<', o.ref('w.created_at')),
                  o.and([o('e.created_at', '=', o.ref('w.created_at')), o('e.id', '<', o.ref('w.id'))]),
                ]),
              ),
          ),
        ),
      )
      .orderBy('w.created_at')
      .orderBy('w.id')
      .limit(max)
      .execute();
    if (heads.length === 0) return [];
    // Conditional on still being due: a concurrent claimer that got there first moved the due
    // time past `now` (PostgreSQL re-checks the condition after waiting for its row lock).
    const claimed = await trx
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: until })
      .where(
        'id',
        'in',
        heads.map((h) => h.id),
      )
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowText)
      .returningAll()
      .execute();
    return claimed
      .sort((a, b) =>
        a.created_at === b.created_at ? (a.id < b.id ? -1 : 1) : a.created_at < b.created_at ? -1 : 1,
      )
      .map(webhookFromRow);
  });
}

/**
 * Settles one attempt of a pending delivery and counts it: delivered; pending again until
 * `retryAt`; or dead when no retry is given. NOT_FOUND for an unknown delivery, CONFLICT for
 * one that is settled already (another dispatcher finished it after a lease ran out).
 */
export async function recordWebhookAttempt(
  ctx: StoreContext,
  id: string,
  outcome: WebhookAttemptOutcome,
): Promise<WebhookDelivery> {
  const at = requireDate(outcome.at, 'at');
  const settle = outcome.ok
    ? { status: 'delivered', delivered_at: at }
    : {
        status: outcome.retryAt === undefined ? 'dead' : 'pending',
        last_error: requireText(outcome.error, 'error').slice(0, MAX_ERROR_LENGTH),
        ...(outcome.retryAt === undefined
          ? {}
          : { next_attempt_at: requireDate(outcome.retryAt, 'retryAt') }),
      };
  const row = await ctx.db
    .updateTable('webhook_deliveries')
    .set((eb) => ({ ...settle, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  if (row !== undefined) return webhookFromRow(row);
  const existing = await ctx.db
    .selectFrom('webhook_deliveries')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirst();
  if (existing === undefined) {
    throw new MeshplaneError('NOT_FOUND', `webhook delivery ${id} does not exist`, {
      details: { deliveryId: id },
    });
  }
  throw new MeshplaneError('CONFLICT', `webhook delivery ${id} is ${existing.status} already`, {
    details: { deliveryId: id, status: existing.status },
  });
}

/** Deliveries newest first, of one status or URL if asked. */
export async function listWebhooks(ctx: StoreContext, filter: WebhookFilter): Promise<WebhookDelivery[]> {
  let query = ctx.db.selectFrom('webhook_deliveries').selectAll();
  if (filter.status !== undefined) {
    query = query.where('status', '=', requireOneOf(filter.status, WEBHOOK_STATUSES, 'status'));
  }
  if (filter.url !== undefined) query = query.where('url', '=', filter.url);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(requireLimit(filter.limit))
    .execute();
  return rows.map(webhookFromRow);
}
