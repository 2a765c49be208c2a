import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeContract } from '../spec/model/normalize-contract.js';
import { normalizeProduct } from '../spec/model/normalize-product.js';
import { type MeshLookup, productSqlName, resolveProduct } from './resolve-product.js';

const product = (yaml: string) =>
  normalizeProduct(
    parse(`apiVersion: v1.0.0\nkind: DataProduct\nid: sales.orders\nstatus: active\ndomain: Sales\n${yaml}`),
  );
const contract = (id: string, yaml: string) =>
  normalizeContract(
    parse(`apiVersion: v3.1.0\nkind: DataContract\nid: ${id}\nversion: 1.0.0\nstatus: active\n${yaml}`),
  );

const input = contract(
  'in',
  `servers: [{ server: s, type: local, format: csv, path: 'data/*.csv' }]
schema: [{ name: raw, properties: [{ name: a, logicalType: string }] }]`,
);
const output = (custom: string, key = 'primaryKey: true') =>
  contract(
    'out',
    `schema: [{ name: orders, properties: [{ name: a, logicalType: string, ${key} }] }]\ncustomProperties: ${custom}`,
  );

function lookup(out = output('[{ property: meshplane.transform, value: orders.sql }]')): MeshLookup {
  const contracts = new Map([
    ['in', input],
    ['out', out],
  ]);
  return {
    contract: (id) => contracts.get(id),
    publisher: (id) =>
      id === 'up'
        ? { productId: 'other.thing', port: 'things' }
        : id === 'out'
          ? { productId: 'sales.orders', port: 'orders' }
          : undefined,
  };
}

const ports = (inputs: string) =>
  product(`inputPorts: ${inputs}\noutputPorts: [{ name: orders, version: 1.0.0, contractId: out }]`);

describe('resolveProduct', () => {
  it('resolves file inputs, product inputs and outputs with their settings', () => {
    const resolved = resolveProduct(
      ports(
        '[{ name: raw, version: 1.0.0, contractId: in }, { name: things, version: 1.0.0, contractId: up }]',
      ),
      '/ws/sales/orders',
      lookup(),
    );
    expect(resolved).toMatchObject({
      id: 'sales.orders',
      domain: 'sales',
      sqlName: 'orders',
      dir: '/ws/sales/orders',
    });
    expect(resolved.inputs.map((i) => i.kind)).toEqual(['files', 'product']);
    expect(resolved.inputs[1]).toEqual({
      kind: 'product',
      name: 'things',
      contractId: 'up',
      productId: 'other.thing',
      port: 'things',
    });
    expect(resolved.outputs[0]).toMatchObject({
      transform: '/ws/sales/orders/orders.sql',
      refresh: 'full',
      primaryKey: ['a'],
    });
  });

  it.each([
    [
      '[{ name: raw, version: 1.0.0, contractId: nope }]',
      lookup(),
      'sales.orders/raw: no contract with id nope',
    ],
    [
      '[{ name: me, version: 1.0.0, contractId: out }]',
      lookup(),
      'sales.orders/me: reads an output port of its own',
    ],
    [
      '[]',
      lookup(output('[{ property: meshplane.refresh, value: merge }]', 'required: true')),
      'sales.orders/orders: meshplane.refresh merge needs a primary key in the contract',
    ],
    [
      '[]',
      lookup(output('[{ property: meshplane.refresh, value: daily }]')),
      'sales.orders/orders: meshplane.refresh must be one of full, append, merge',
    ],
  ])('refuses %s', (inputs, mesh, message) => {
    expect(() => resolveProduct(ports(inputs), '/p', mesh)).toThrow(message);
  });

  it('refuses an input port of an unknown kind', () => {
    const kafka = contract(
      'in',
      `servers: [{ server: k, type: kafka, customProperties: [{ property: meshplane.port, value: { kind: kafka } }] }]
schema: [{ name: raw, properties: [{ name: a, logicalType: string }] }]`,
    );
    const mesh: MeshLookup = {
      contract: (id) => (id === 'in' ? kafka : lookup().contract(id)),
      publisher: () => undefined,
    };
    expect(() =>
      resolveProduct(ports('[{ name: raw, version: 1.0.0, contractId: in }]'), '/p', mesh),
    ).toThrow('sales.orders/raw: meshplane.port kind must be one of files, http-push, nats, postgres-cdc');
  });

  it('names a product in SQL by its id without the domain', () => {
    expect(productSqlName(product(''))).toBe('orders');
    expect(productSqlName({ ...product(''), id: 'Customer360', domain: 'crm' })).toBe('customer360');
  });
});
