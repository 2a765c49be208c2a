import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../errors/index.js';
import { checkMeshName, checkTitle, parseProductName, suggestName, toSnakeCase, toTitle } from './names.js';

function failure(run: () => unknown): MeshplaneError {
  try {
    run();
  } catch (error) {
    if (error instanceof MeshplaneError) return error;
    throw error;
  }
  throw new Error('expected a MeshplaneError');
}

describe('parseProductName', () => {
  it('keeps the typed folder and derives the snake_case names and ids', () => {
    expect(parseProductName('orders/order-lines')).toEqual({
      domain: 'orders',
      folder: 'order-lines',
      product: 'order_lines',
      id: 'orders.order_lines',
      path: 'domains/orders/order-lines',
    });
  });

  it('accepts snake_case and single-word products', () => {
    expect(parseProductName('customer_data/customer_360').id).toBe('customer_data.customer_360');
    expect(parseProductName('shipping/shipments').product).toBe('shipments');
  });

  it.each([
    ['orders', 'is not DOMAIN/PRODUCT'],
    ['orders/', 'is not DOMAIN/PRODUCT'],
    ['/order-lines', 'is not DOMAIN/PRODUCT'],
    ['a/b/c', 'is not DOMAIN/PRODUCT'],
  ])('refuses %s without a domain and a product', (ref, message) => {
    const error = failure(() => parseProductName(ref));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(message);
  });

  it('refuses a bad domain and suggests a valid spelling', () => {
    const error = failure(() => parseProductName('Order-Mgmt/lines'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/invalid domain 'Order-Mgmt'.*did you mean 'order_mgmt'\?/);
  });

  it.each([
    ['orders/Order Lines', 'order-lines'],
    ['orders/orderLines', 'order-lines'],
    ['orders/order--lines', 'order-lines'],
    ['orders/-lines', 'lines'],
    ['orders/order-lines-', 'order-lines'],
    ['orders/2fast', 'fast'],
  ])('refuses product name %s and suggests %s', (ref, hint) => {
    const error = failure(() => parseProductName(ref));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('invalid product name');
    expect(error.message).toContain(`did you mean '${hint}'?`);
  });

  it('refuses names longer than a database identifier', () => {
    expect(() => parseProductName(`orders/${'a'.repeat(64)}`)).toThrow(/at most 63/);
  });
});

describe('name helpers', () => {
  it('converts between forms', () => {
    expect(toSnakeCase('order-lines')).toBe('order_lines');
    expect(toTitle('order-lines')).toBe('Order Lines');
    expect(toTitle('customer_360')).toBe('Customer 360');
    expect(suggestName('My Shop!', '-')).toBe('my-shop');
    expect(suggestName('!!!', '-')).toBe('');
  });

  it('checks mesh names', () => {
    expect(checkMeshName('acme-data')).toBe('acme-data');
    expect(() => checkMeshName('Acme Data')).toThrow(/did you mean 'acme-data'/);
  });

  it('accepts titles that are safe in quoted YAML and refuses the rest', () => {
    expect(checkTitle('  Order Lines (EU) ')).toBe('Order Lines (EU)');
    expect(checkTitle('Ventes: lignes à 100 %')).toBe('Ventes: lignes à 100 %');
    for (const bad of ['', 'say "hi"', 'back\\slash', 'two\nlines']) {
      expect(failure(() => checkTitle(bad)).code).toBe('INVALID_INPUT');
    }
  });
});
