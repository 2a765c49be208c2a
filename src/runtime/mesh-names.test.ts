import { describe, expect, it } from 'vitest';
import { meshNames } from './mesh-names.js';
import type { RuntimeProduct } from './runtime-product.js';

/** Outputs as `name` (version 1.0.0) or `name@2.1.0` (that version). */
function product(id: string, domain: string, sqlName: string, outputs: string[]): RuntimeProduct {
  return {
    id,
    domain,
    sqlName,
    dir: '/x',
    inputs: [],
    outputs: outputs.map((spec) => {
      const [portName = spec, version = '1.0.0'] = spec.split('@');
      const major = Number(version.split('.')[0]);
      return {
        name: major <= 1 ? portName : `${portName}@v${major}`,
        portName,
        version,
        major,
        lifecycle: { status: major === 1 && spec.includes('@') ? 'deprecated' : 'active' },
      };
    }),
    retired: [],
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
      'orders.orders.orders@v1',
      'orders.orders.order_lines@v1',
      'customers.customers',
      'customers.customers.customers',
      'customers.customers.customers@v1',
      'orders.order_lines',
      'orders.orders@v1',
      'orders.order_lines@v1',
      'customers.customers@v1',
    ]);
    expect(names.resolve(['orders', 'orders'])).toEqual({
      productId: 'orders.orders',
      port: 'orders',
      alias: 'p_orders_orders',
      portName: 'orders',
      major: 1,
      version: '1.0.0',
      lifecycle: { status: 'active' },
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

  it('serves several majors of a port side by side, the plain names reading the latest', () => {
    const names = meshNames([
      product('orders.orders', 'orders', 'orders', ['order_lines@1.4.0', 'order_lines@2.0.0', 'orders']),
    ]);
    expect(names.resolve(['orders', 'order_lines'])).toMatchObject({ port: 'order_lines@v2', major: 2 });
    expect(names.resolve(['orders', 'orders', 'order_lines'])).toMatchObject({ port: 'order_lines@v2' });
    expect(names.resolve(['orders', 'orders'])).toMatchObject({ port: 'order_lines@v2', version: '2.0.0' });
    expect(names.resolve(['orders', 'order_lines@v1'])).toMatchObject({
      port: 'order_lines',
      version: '1.4.0',
      lifecycle: { status: 'deprecated' },
    });
    expect(names.resolve(['orders', 'orders', 'ORDER_LINES@V2'])).toMatchObject({ port: 'order_lines@v2' });
    expect(names.resolve(['orders', 'order_lines@v3'])).toBeUndefined();
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
