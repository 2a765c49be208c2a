import { salesHistory } from '../sales-history.js';
import type { ShopWorld } from '../shop-world.js';
import { DEMAND_DAYS, SNAPSHOT_DAYS, stockSnapshots } from '../stock-simulation.js';
import { hourKey } from '../time-format.js';
import type { SourceGenerator, SourceRow } from './source-generator.js';

function* rows(world: ShopWorld): Generator<SourceRow> {
  const sales = salesHistory(world, DEMAND_DAYS + SNAPSHOT_DAYS);
  for (const row of stockSnapshots(world, sales)) {
    yield {
      file: `stock-${row.warehouseId}-${hourKey(row.snapshotAt)}`,
      values: {
        snapshot_at: row.snapshotAt,
        warehouse_id: row.warehouseId,
        sku: row.sku,
        on_hand: row.onHand,
        reserved: row.reserved,
        reorder_point: row.reorderPoint,
      },
    };
  }
}

/**
 * The WMS's stock snapshots: one file per warehouse and snapshot (`stock-WH-BER-2025122806`),
 * daily for the last two weeks, with stock levels that follow the orders' sales.
 */
export const warehouseStockSource: SourceGenerator = {
  table: 'warehouse_stock',
  keys: ['snapshot_at', 'warehouse_id', 'sku'],
  rows,
};
