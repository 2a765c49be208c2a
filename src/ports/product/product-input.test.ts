import { describe, expect, it } from 'vitest';
import { productInputViewSql } from './product-input.js';

describe('productInputViewSql', () => {
  it("exposes the upstream output table under the input port's name", () => {
    expect(
      productInputViewSql({
        name: 'orders',
        productId: 'orders.orders',
        port: 'orders',
        alias: 'p_orders_orders',
      }),
    ).toBe('CREATE OR REPLACE TEMP VIEW "orders" AS SELECT * FROM "p_orders_orders"."main"."orders"');
  });
});
