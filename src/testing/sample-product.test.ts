import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../engines/column-spec.js';
import { MeshplaneError } from '../errors/index.js';
import type { RuntimeOutputPort, RuntimeProduct, StoredInputPort } from '../runtime/index.js';
import type { DataContract, SchemaObject } from '../spec/model/data-contract.js';
import { sampleProduct } from './sample-product.js';

const column = (name: string): ColumnSpec => ({ name, sqlType: 'VARCHAR', kind: 'text', required: false });
const contract = (id: string) => ({ id }) as unknown as DataContract;
const schema = (name: string) => ({ name }) as unknown as SchemaObject;

function stored(
  name: string,
  kind: StoredInputPort['kind'],
  settings: Record<string, unknown>,
): StoredInputPort {
  return {
    kind,
    name,
    contract: contract(`c.${name}`),
    schema: schema(name),
    columns: [column('a')],
    server: { server: 's', type: 'custom', settings: { path: 'data/*.csv' }, customProperties: [], path: [] },
    settings: { kind, ...settings },
  };
}

const upstreamPort = {
  name: 'orders',
  contract: contract('up.orders.v1'),
  schema: schema('orders'),
  columns: [column('order_id'), column('total')],
} as unknown as RuntimeOutputPort;

const product = {
  id: 'sales.report',
  dir: '/ws/domains/sales/report',
  inputs: [
    stored('drops', 'files', { delimiter: ';', header: false, quote: "'" }),
    stored('events', 'http-push', { idField: 'id', delimiter: '|' }),
    { kind: 'product', name: 'orders', contractId: 'up.orders.v1', productId: 'up.orders', port: 'orders' },
  ],
  outputs: [],
} as unknown as RuntimeProduct;

const samples = [
  { port: 'drops', file: '/scratch/samples/0.csv', format: 'csv' as const },
  { port: 'events', file: '/scratch/samples/1.ndjson', format: 'ndjson' as const },
  { port: 'orders', file: '/scratch/samples/2.csv', format: 'csv' as const },
];

describe('sampleProduct', () => {
  const tested = sampleProduct(product, samples, (input) =>
    input.productId === 'up.orders' ? upstreamPort : undefined,
  );
  const inputs = tested.inputs as StoredInputPort[];

  it('turns every input port, whatever its kind, into a files port on its sample', () => {
    expect(inputs.map((i) => [i.name, i.kind, i.server.settings.path, i.server.settings.format])).toEqual([
      ['drops', 'files', '/scratch/samples/0.csv', 'csv'],
      ['events', 'files', '/scratch/samples/1.ndjson', 'ndjson'],
      ['orders', 'files', '/scratch/samples/2.csv', 'csv'],
    ]);
    expect(tested.id).toBe(product.id);
    expect(tested.dir).toBe(product.dir);
  });

  it("keeps a files port's CSV settings, and nothing of a streamed port's", () => {
    expect(inputs[0]?.settings).toEqual({ kind: 'files', delimiter: ';', header: false, quote: "'" });
    expect(inputs[1]?.settings).toEqual({ kind: 'files' });
  });

  it("checks an input on another product against that product's output contract", () => {
    expect(inputs[0]?.contract.id).toBe('c.drops');
    expect(inputs[2]?.contract.id).toBe('up.orders.v1');
    expect(inputs[2]?.columns.map((c) => c.name)).toEqual(['order_id', 'total']);
  });

  it('refuses an upstream port it cannot find, and a port without a sample', () => {
    const noUpstream = () => sampleProduct(product, samples, () => undefined);
    expect(noUpstream).toThrow(MeshplaneError);
    expect(noUpstream).toThrow('sales.report/orders: reads up.orders/orders, which could not be loaded');
    expect(() => sampleProduct(product, samples.slice(1), () => upstreamPort)).toThrow(
      'sales.report/drops: no sample input was placed',
    );
  });
});
