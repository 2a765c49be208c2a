/**
 * A one-product mesh for the event output port suites: `shop.orders` reads CSV files into
 * `raw_orders` and builds the output port `orders` with a given transform, refresh mode, primary
 * key (or none) and `meshplane.events` setting.
 */
import { ORDERS_DIR } from '../runtime/support/sales-mesh.js';
import {
  contractYaml,
  makeWorkspace,
  meshYaml,
  openMesh,
  type PropertySpec,
  productYaml,
  removeWorkspace,
  type TestMesh,
  writeFiles,
} from '../runtime/support/workspace.js';

export const PRODUCT_ID = 'sales.orders';
export const HEADER = 'order_id,quantity,status,note,seq';

const properties: PropertySpec[] = [
  { name: 'order_id', logicalType: 'string', required: true },
  { name: 'quantity', logicalType: 'integer', physicalType: 'INTEGER', required: true },
  { name: 'status', logicalType: 'string' },
  { name: 'note', logicalType: 'string' },
];

export interface OrdersMeshOptions {
  readonly sql?: string;
  readonly refresh: 'full' | 'append' | 'merge';
  /** Whether `order_id` is the output's primary key. Default true. */
  readonly keyed?: boolean;
  /** The `meshplane.events` value of the output contract, when set. */
  readonly events?: unknown;
}

/** The latest line per order, without orders whose latest note is `gone`. */
export const LATEST_SQL = `select order_id, quantity, status, note from raw_orders
qualify row_number() over (partition by order_id order by seq desc) = 1 and coalesce(note, '') <> 'gone'`;

export async function openOrdersMesh(options: OrdersMeshOptions): Promise<TestMesh> {
  const keyed = options.keyed ?? true;
  const root = makeWorkspace({
    'mesh.yaml': meshYaml(['sales']),
    [`${ORDERS_DIR}/product.odps.yaml`]: productYaml({
      id: PRODUCT_ID,
      domain: 'sales',
      inputs: [{ name: 'raw_orders', contractId: 'sales.orders.raw_orders.v1' }],
      outputs: [{ name: 'orders', contractId: 'sales.orders.orders.v1' }],
    }),
    [`${ORDERS_DIR}/raw_orders.odcs.yaml`]: contractYaml({
      id: 'sales.orders.raw_orders.v1',
      domain: 'sales',
      product: 'orders',
      table: 'raw_orders',
      properties: [...properties, { name: 'seq', logicalType: 'integer', required: true }],
      files: { path: 'data/orders/*.csv', format: 'csv', port: { header: true, delimiter: ',' } },
    }),
    [`${ORDERS_DIR}/orders.odcs.yaml`]: contractYaml({
      id: 'sales.orders.orders.v1',
      domain: 'sales',
      product: 'orders',
      table: 'orders',
      properties: properties.map((p) => (keyed && p.name === 'order_id' ? { ...p, primaryKey: 1 } : p)),
      meshplane: {
        transform: 'orders.sql',
        refresh: options.refresh,
        ...(options.events === undefined ? {} : { events: options.events }),
      },
    }),
    [`${ORDERS_DIR}/orders.sql`]: options.sql ?? LATEST_SQL,
  });
  try {
    return await openMesh(root);
  } catch (error) {
    removeWorkspace(root);
    throw error;
  }
}

let files = 0;
let seq = 0;

/**
 * Drops a new CSV file of `lines` (`order_id,quantity,status,note`) into the input folder; each
 * line gets the next `seq`, so later lines win in `LATEST_SQL`.
 */
export function addOrders(mesh: TestMesh, ...lines: string[]): void {
  files += 1;
  const body = lines.map((line) => {
    seq += 1;
    return `${line},${seq}`;
  });
  writeFiles(mesh.root, {
    [`${ORDERS_DIR}/data/orders/${String(files).padStart(4, '0')}.csv`]: `${HEADER}\n${body.join('\n')}\n`,
  });
}

/** Ingests the new files and runs the transform; fails the test when a step fails. */
export async function runOrders(mesh: TestMesh) {
  const result = await mesh.runtime.runProduct(mesh.product(PRODUCT_ID), { trigger: 'manual' });
  const failed = [...result.ingests, ...result.transforms].find((s) => s.status !== 'succeeded');
  if (failed !== undefined) throw new Error(`${failed.port}: ${failed.error?.message ?? failed.status}`);
  return result;
}

export async function closeMesh(mesh: TestMesh | undefined): Promise<void> {
  if (mesh === undefined) return;
  await mesh.runtime.close();
  removeWorkspace(mesh.root);
}
