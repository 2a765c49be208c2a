/** A small mesh for runtime tests: domain `sales`, product `sales.orders` with CSV, NDJSON and Parquet inputs. */
import { contractYaml, meshYaml, productYaml } from './workspace.js';

export const ORDERS_DIR = 'domains/sales/orders';

const orderProperties = [
  { name: 'order_id', logicalType: 'string', required: true, options: { pattern: '^O-[0-9]+$' } },
  {
    name: 'quantity',
    logicalType: 'integer',
    physicalType: 'INTEGER',
    required: true,
    options: { minimum: 1 },
  },
  { name: 'price', logicalType: 'number', physicalType: 'DECIMAL(10,2)', required: true },
  { name: 'status', logicalType: 'string', validValues: ['placed', 'paid'] },
  { name: 'ordered_at', logicalType: 'timestamp', required: true },
  { name: 'note', logicalType: 'string', options: { maxLength: 10 } },
];

export function salesMesh(outputSql = 'select * from raw_orders', refresh = 'full'): Record<string, string> {
  return {
    'mesh.yaml': meshYaml(['sales']),
    [`${ORDERS_DIR}/product.odps.yaml`]: productYaml({
      id: 'sales.orders',
      domain: 'sales',
      inputs: [
        { name: 'raw_orders', contractId: 'sales.orders.raw_orders.v1' },
        { name: 'raw_events', contractId: 'sales.orders.raw_events.v1' },
        { name: 'raw_lines', contractId: 'sales.orders.raw_lines.v1' },
      ],
      outputs: [{ name: 'orders', contractId: 'sales.orders.orders.v1' }],
    }),
    [`${ORDERS_DIR}/raw_orders.odcs.yaml`]: contractYaml({
      id: 'sales.orders.raw_orders.v1',
      domain: 'sales',
      product: 'orders',
      table: 'raw_orders',
      properties: orderProperties,
      files: { path: 'data/orders/*.csv', format: 'csv', port: { header: true, delimiter: ',' } },
    }),
    [`${ORDERS_DIR}/raw_events.odcs.yaml`]: contractYaml({
      id: 'sales.orders.raw_events.v1',
      domain: 'sales',
      product: 'orders',
      table: 'raw_events',
      properties: [
        { name: 'event_id', logicalType: 'string', required: true },
        { name: 'amount', logicalType: 'number', required: true, options: { minimum: 0 } },
        { name: 'happened_on', logicalType: 'date' },
        { name: 'tags', logicalType: 'array' },
      ],
      files: { path: 'data/events/*.ndjson', format: 'json', port: { delimiter: 'new_line' } },
    }),
    [`${ORDERS_DIR}/raw_lines.odcs.yaml`]: contractYaml({
      id: 'sales.orders.raw_lines.v1',
      domain: 'sales',
      product: 'orders',
      table: 'raw_lines',
      properties: [
        { name: 'line_id', logicalType: 'integer', required: true },
        { name: 'sku', logicalType: 'string', required: true, options: { minLength: 3 } },
        { name: 'weight', logicalType: 'number', options: { maximum: 100 } },
      ],
      files: { path: 'data/lines/*.parquet', format: 'parquet' },
    }),
    [`${ORDERS_DIR}/orders.odcs.yaml`]: contractYaml({
      id: 'sales.orders.orders.v1',
      domain: 'sales',
      product: 'orders',
      table: 'orders',
      properties: orderProperties.map((p) => (p.name === 'order_id' ? { ...p, primaryKey: 1 } : p)),
      meshplane: { transform: 'orders.sql', refresh },
    }),
    [`${ORDERS_DIR}/orders.sql`]: outputSql,
  };
}
