import { shopOrders } from '../shop-orders.js';
import type { ShopWorld } from '../shop-world.js';
import { monthKey } from '../time-format.js';
import type { SourceGenerator, SourceRow } from './source-generator.js';

function* rows(world: ShopWorld): Generator<SourceRow> {
  for (const order of shopOrders(world)) {
    const file = monthKey(order.orderedAt);
    for (const line of order.lines) {
      yield {
        file,
        values: {
          order_id: order.id,
          line_number: line.lineNumber,
          sku: line.article.sku,
          product_name: line.article.name,
          quantity: line.quantity,
          unit_price: line.unitPriceCents / 100,
        },
      };
    }
  }
}

/** The shop's order line exports: every line of every order, one file per month of order date. */
export const shopOrderLinesSource: SourceGenerator = {
  table: 'shop_order_lines',
  keys: ['order_id', 'line_number', 'sku'],
  rows,
};
