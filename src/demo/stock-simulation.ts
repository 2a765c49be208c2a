import { CATALOG } from './catalog.js';
import { hashUnit, Random } from './random.js';
import type { SalesHistory } from './sales-history.js';
import type { ShopWorld } from './shop-world.js';
import { DAY_MS, HOUR_MS } from './time-format.js';

/** One line of a WMS snapshot. */
export interface StockRow {
  readonly snapshotAt: number;
  readonly warehouseId: string;
  readonly sku: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly reorderPoint: number;
}

/** Daily snapshots at 06:00 UTC over the last two weeks, after 30 days of sales to size stock on. */
export const SNAPSHOT_DAYS = 14;
export const DEMAND_DAYS = 30;

/** Berlin stocks every article and ships most; Rotterdam stocks about half of them. */
const WAREHOUSES = [
  { id: 'WH-BER', share: 0.65 },
  { id: 'WH-RTM', share: 0.35 },
] as const;

interface Bin {
  readonly warehouseId: string;
  readonly articleIndex: number;
  readonly share: number;
  readonly reorderPoint: number;
  readonly restock: number;
  onHand: number;
  reserved: number;
}

function bins(world: ShopWorld, sales: SalesHistory, random: Random): Bin[] {
  return WAREHOUSES.flatMap((warehouse, w) =>
    CATALOG.flatMap((_article, articleIndex) => {
      const inRotterdam = hashUnit(world.seed, 'rotterdam-range', articleIndex) < 0.5;
      if (w === 1 && !inRotterdam) return [];
      const share = inRotterdam ? warehouse.share : 1;
      let sold = 0;
      for (let day = 0; day < DEMAND_DAYS; day++) sold += sales.units(articleIndex, day);
      const daily = (sold / DEMAND_DAYS) * share;
      const reorderPoint = Math.max(5, Math.ceil(daily * 7));
      return [
        {
          warehouseId: warehouse.id,
          articleIndex,
          share,
          reorderPoint,
          restock: Math.max(20, Math.ceil(daily * 30)),
          onHand: reorderPoint + Math.round(random.next() * daily * 30) + random.int(0, 10),
          reserved: 0,
        },
      ];
    }),
  );
}

/**
 * The warehouses' stock, day by day: each snapshot takes the previous day's sales off the shelf,
 * reserves some units for open orders, and refills a bin that fell to its reorder point when the
 * supplier's delivery arrives. So `needs_reorder` is true now and then, as in a real shop.
 */
export function* stockSnapshots(world: ShopWorld, sales: SalesHistory): Generator<StockRow> {
  const random = Random.of(world.seed, 'stock');
  const state = bins(world, sales, random);
  for (let d = 0; d < SNAPSHOT_DAYS; d++) {
    const day = DEMAND_DAYS + d;
    const snapshotAt = sales.firstDayMs + day * DAY_MS + 6 * HOUR_MS;
    for (const warehouse of WAREHOUSES) {
      for (const bin of state) {
        if (bin.warehouseId !== warehouse.id) continue;
        const sold = Math.round(sales.units(bin.articleIndex, day - 1) * bin.share);
        bin.onHand = Math.max(0, bin.onHand - sold);
        if (bin.onHand - bin.reserved <= bin.reorderPoint && random.chance(0.35)) bin.onHand += bin.restock;
        bin.reserved = Math.min(bin.onHand, Math.round(sold * (0.05 + random.next() * 0.25)));
        yield {
          snapshotAt,
          warehouseId: bin.warehouseId,
          sku: CATALOG[bin.articleIndex]?.sku ?? '',
          onHand: bin.onHand,
          reserved: bin.reserved,
          reorderPoint: bin.reorderPoint,
        };
      }
    }
  }
}
