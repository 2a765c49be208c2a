import { CATALOG } from './catalog.js';
import { shopOrders } from './shop-orders.js';
import type { ShopWorld } from './shop-world.js';
import { DAY_MS } from './time-format.js';

/** Units sold per article and UTC day over the last days before "now". */
export interface SalesHistory {
  /** Midnight UTC of the first day. */
  readonly firstDayMs: number;
  readonly days: number;
  /** Units of article `articleIndex` (CATALOG order) ordered on day `day` (0 = firstDayMs). */
  units(articleIndex: number, day: number): number;
}

/**
 * Replays the orders and counts the units of orders that were not cancelled, by article and day,
 * for the `days` days before the reference date. Holds one number per article and day.
 */
export function salesHistory(world: ShopWorld, days: number): SalesHistory {
  const firstDayMs = Math.floor(world.calendar.referenceMs / DAY_MS) * DAY_MS - days * DAY_MS;
  const counts = new Float64Array(CATALOG.length * days);
  const articleIndex = new Map(CATALOG.map((a, i) => [a.sku, i] as const));
  for (const order of shopOrders(world)) {
    const day = Math.floor((order.orderedAt - firstDayMs) / DAY_MS);
    if (day < 0 || day >= days) continue;
    if (order.lifecycle.statuses.some((s) => s.status === 'cancelled')) continue;
    for (const line of order.lines) {
      const i = articleIndex.get(line.article.sku) ?? 0;
      counts[i * days + day] = (counts[i * days + day] ?? 0) + line.quantity;
    }
  }
  return { firstDayMs, days, units: (i, day) => counts[i * days + day] ?? 0 };
}
