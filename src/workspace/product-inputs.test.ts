import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countCsvRecords } from './csv-records.js';
import { parseProductName } from './names.js';
import { inputPortNames, planInputs, resolveInputs } from './product-inputs.js';
import type { PublishedPort } from './workspace-scan.js';

function port(contractId: string, productDir = 'domains/x/y'): PublishedPort {
  const [domain = '', product = '', name = '', v = 'v1'] = contractId.split('.');
  return {
    contractId,
    productId: `${domain}.${product}`,
    domain,
    port: name,
    version: `${v.slice(1)}.0.0`,
    productDir,
  };
}

const ports = [
  port('orders.orders.orders.v1'),
  port('orders.orders.order_lines.v1'),
  port('crm.crm.orders.v1'),
];
const summary = parseProductName('sales/order-summary');

describe('resolveInputs', () => {
  it('finds each id among the published ports, in the order given', () => {
    expect(
      resolveInputs(['crm.crm.orders.v1', 'orders.orders.orders.v1'], ports, summary).map((p) => p.productId),
    ).toEqual(['crm.crm', 'orders.orders']);
  });

  it('refuses unknown, repeated and own ids, listing what exists', () => {
    expect(() => resolveInputs(['nope.v1'], ports, summary)).toThrow(
      /not the contractId.*\n {2}crm\.crm\.orders\.v1/s,
    );
    expect(() => resolveInputs(['crm.crm.orders.v1', 'crm.crm.orders.v1'], ports, summary)).toThrow(
      /given twice/,
    );
    expect(() => resolveInputs(['crm.crm.orders.v1'], ports, parseProductName('crm/crm'))).toThrow(/itself/);
    expect(() => resolveInputs(['x'], [], summary)).toThrow(/no output ports yet/);
  });
});

describe('inputPortNames', () => {
  it('uses the upstream port name, qualified only when needed', () => {
    expect(inputPortNames([port('a.b.customers.v1'), port('c.d.orders.v1')], 'summary')).toEqual([
      'customers',
      'orders',
    ]);
    expect(inputPortNames([port('orders.orders.orders.v1'), port('crm.crm.orders.v1')], 'summary')).toEqual([
      'orders_orders',
      'crm_orders',
    ]);
    expect(inputPortNames([port('a.b.orders.v1'), port('a.b.orders.v2')], 'summary')).toEqual([
      'a_orders_v1',
      'a_orders_v2',
    ]);
    expect(inputPortNames([port('a.b.summary.v1')], 'summary')).toEqual(['a_summary']);
  });
});

describe('planInputs', () => {
  const sources = [
    { port: ports[1] as PublishedPort, contract: undefined, sample: 'order_id,sku\nO-1,A\nO-1,B\n' },
    {
      port: ports[0] as PublishedPort,
      contract: { id: 'orders.orders.orders.v1', version: '1.0.0', columns: ['order_id'] },
      sample: undefined,
    },
  ];

  it('builds the ODPS blocks, the SQL, the expected rows and the sample files', () => {
    const plan = planInputs(sources, summary);
    expect(parse(plan.variables.inputs ?? '')).toEqual([
      { name: 'order_lines', version: '1.0.0', contractId: 'orders.orders.order_lines.v1' },
      { name: 'orders', version: '1.0.0', contractId: 'orders.orders.orders.v1' },
    ]);
    expect(parse(plan.variables.inputContracts ?? '')).toEqual([
      { id: 'orders.orders.order_lines.v1', version: '1.0.0' },
      { id: 'orders.orders.orders.v1', version: '1.0.0' },
    ]);
    expect(plan.variables.inputsSql).toBe(
      "select 'order_lines' as input_port, 'orders.orders.order_lines.v1' as contract_id, count(*) as row_count from order_lines\n" +
        'union all\n' +
        "select 'orders' as input_port, 'orders.orders.orders.v1' as contract_id, count(*) as row_count from orders\n" +
        'order by input_port',
    );
    expect(plan.variables.expectedRows).toBe(
      'order_lines,orders.orders.order_lines.v1,2\norders,orders.orders.orders.v1,0',
    );
    expect(plan.files).toEqual([
      {
        path: 'domains/sales/order-summary/tests/input/order_lines.csv',
        text: 'order_id,sku\nO-1,A\nO-1,B\n',
      },
      { path: 'domains/sales/order-summary/tests/input/orders.csv', text: 'order_id\n' },
    ]);
  });

  it('refuses an input with neither a sample nor a contract to take columns from', () => {
    expect(() =>
      planInputs([{ port: ports[2] as PublishedPort, contract: undefined, sample: undefined }], summary),
    ).toThrow(/fix that product first/);
  });
});

describe('countCsvRecords', () => {
  it('counts records, not lines', () => {
    expect(countCsvRecords('')).toBe(0);
    expect(countCsvRecords('a,b\n')).toBe(1);
    expect(countCsvRecords('a,b\r\n1,2\r\n3,4')).toBe(3);
    expect(countCsvRecords('a,b\n1,"two\nlines"\n\n')).toBe(2);
  });
});
