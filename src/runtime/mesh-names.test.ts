import { describe, expect, it } from 'vitest';
import { meshNames } from './mesh-names.js';
import type { RuntimeProduct } from './runtime-product.js';

function product(id: string, domain: string, sqlName: string, outputs: string[]): RuntimeProduct {
  return {
    id,
    domain,
    sqlName,
    dir: '/x',
    inputs: [],
    outputs: outputs.map((name) => ({ name })),
  } as unknown as RuntimeProduct;
}

const orders = product('orders.orders', 'orders', 'orders', ['orders', 'order_lines']);
const returns = product('orders.returns', 'orders', 'returns', ['returns', 'order_lines']);
const customers = product('customers.customers', 'customers', 'customers', ['customers']);

describe('meshNames', () => {
  it('names every port by domain.product.port and each product by domain.product', () => {
    const names = meshNames([orders, customers]);
    expect(names.entries.map((e) => e.name)).toEqual([
      'orders.orders',
      'orders.orders.orders',
      'orders.orders.order_lines',
      'customers.customers',
      'customers.customers.customers',
      'orders.order_lines',
    ]);
    expect(names.resolve(['orders', 'orders'])).toEqual({
      productId: 'orders.orders',
      port: 'orders',
      alias: 'p_orders_orders',
    });
    expect(names.resolve(['ORDERS', 'Order_Lines'])?.port).toBe('order_lines');
    expect(names.resolve(['orders', 'main', 'order_lines'])?.port).toBe('order_lines');
    expect(names.resolve(['orders', 'orders', 'order_lines'])?.port).toBe('order_lines');
    expect(names.resolve(['order_lines'])).toBeUndefined();
    expect(names.resolve(['p_orders_orders', 'main', 'orders'])).toBeUndefined();
  });

  it('gives a port a domain.port name only when that is unambiguous', () => {
    const names = meshNames([orders, returns]);
    expect(names.resolve(['orders', 'order_lines'])).toBeUndefined();
    expect(names.resolve(['orders', 'returns', 'order_lines'])?.productId).toBe('orders.returns');
  });

  it('refuses domain and product names DuckDB already uses', () => {
    const names = meshNames([
      product('memory.x', 'memory', 'x', ['a']),
      product('d.main', 'd', 'main', ['a']),
    ]);
    expect(names.entries).toEqual([]);
    expect(names.problems).toEqual([
      'memory.x: domain name memory is reserved; it gets no SQL name',
      'd.main: product name main cannot be a SQL schema name; it gets no SQL name',
    ]);
  });
});
