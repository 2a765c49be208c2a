import type { OrderStatus, Timed } from '../order-lifecycle.js';
import { type Order, shopOrders } from '../shop-orders.js';
import type { ShopWorld } from '../shop-world.js';
import { MINUTE_MS, monthKey } from '../time-format.js';
import type { SourceGenerator, SourceRow } from './source-generator.js';

/** The shop exports every 5 minutes: of two changes in one window, only the later is exported. */
const EXPORT_EVERY_MS = 5 * MINUTE_MS;

/** The versions of an order that were exported before "now". */
export function exportedVersions(order: Order, referenceMs: number): Timed<OrderStatus>[] {
  const past = order.lifecycle.statuses.filter((s) => s.at < referenceMs);
  return past.filter((s, i) => {
    const next = past[i + 1];
    return next === undefined || Math.floor(next.at / EXPORT_EVERY_MS) !== Math.floor(s.at / EXPORT_EVERY_MS);
  });
}

function* rows(world: ShopWorld): Generator<SourceRow> {
  for (const order of shopOrders(world)) {
    const file = monthKey(order.orderedAt);
    for (const version of exportedVersions(order, world.calendar.referenceMs)) {
      yield {
        file,
        values: {
          order_id: order.id,
          customer_id: order.customer.id,
          status: version.status,
          ordered_at: order.orderedAt,
          currency: order.currency,
          shipping_amount: order.shippingCents / 100,
          discount_amount: order.discountCents / 100,
          shipping_country: order.recipient.country,
          channel: order.channel,
          updated_at: version.at,
        },
      };
    }
  }
}

/**
 * The shop's order header exports: one row per exported version of an order (it is exported again
 * at each status change), one file per month of order date.
 */
export const shopOrdersSource: SourceGenerator = {
  table: 'shop_orders',
  keys: ['order_id', 'customer_id'],
  rows,
};
