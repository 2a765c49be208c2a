/**
 * A one-product mesh for the monitoring suites: `sales.orders` reads CSV files into `raw_orders`
 * and serves `orders` (a full refresh), whose contract carries the SLA entries a test gives;
 * mesh.yaml sends every event to a webhook URL when one is given.
 */
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { contractYaml, makeWorkspace, productYaml, writeFiles } from '../runtime/support/workspace.js';

export const PRODUCT_ID = 'sales.orders';
export const ORDERS_DIR = 'domains/sales/orders';
export const OWNER_TEAM = 'sales-team';

export interface SlaEntry {
  readonly property: string;
  readonly value: unknown;
  readonly unit?: string;
  readonly element?: string;
}

function meshYaml(webhookUrl: string | undefined): string {
  return stringify({
    apiVersion: 'meshplane/v1',
    kind: 'Mesh',
    name: 'monitoring',
    teams: [{ name: OWNER_TEAM, members: [{ username: 'owner@example.com', role: 'owner' }] }],
    domains: [{ name: 'sales', ownerTeam: OWNER_TEAM }],
    ...(webhookUrl === undefined ? {} : { notifications: { webhooks: [{ url: webhookUrl }] } }),
  });
}

const properties = [
  { name: 'order_id', logicalType: 'string', required: true },
  { name: 'quantity', logicalType: 'integer', physicalType: 'INTEGER', required: true },
];

/**
 * Writes the workspace; the first CSV file is there already. `validOrderIds`, when given, is a
 * quality rule of the output port: every `order_id` must be one of them.
 */
export function writeMonitoringMesh(
  sla: readonly SlaEntry[],
  webhookUrl?: string,
  validOrderIds?: readonly string[],
): string {
  const output = `${contractYaml({
    id: 'sales.orders.orders.v1',
    domain: 'sales',
    product: 'orders',
    table: 'orders',
    properties: properties.map((p) =>
      p.name === 'order_id'
        ? { ...p, primaryKey: 1, ...(validOrderIds === undefined ? {} : { validValues: validOrderIds }) }
        : p,
    ),
    meshplane: { transform: 'orders.sql', refresh: 'full' },
  })}${sla.length === 0 ? '' : stringify({ slaProperties: sla })}`;
  const root = makeWorkspace({
    'mesh.yaml': meshYaml(webhookUrl),
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
      properties,
      files: { path: 'data/*.csv', format: 'csv', port: { header: true } },
    }),
    [`${ORDERS_DIR}/orders.odcs.yaml`]: output,
    [`${ORDERS_DIR}/orders.sql`]: 'select order_id, quantity from raw_orders',
  });
  addOrdersFile(root, 1, 'O-1,1\nO-2,2\n');
  return root;
}

/**
 * Drops CSV file `n` (1 to 50) with `body` into the input folder. Its time is set a minute back
 * (so it is settled) plus `n` seconds, so a later file is newer whenever it was written.
 */
export function addOrdersFile(root: string, n: number, body: string, header = 'order_id,quantity'): string {
  const file = `${ORDERS_DIR}/data/${String(n).padStart(4, '0')}.csv`;
  writeFiles(root, { [file]: `${header}\n${body}` });
  const past = new Date(Date.now() - 60_000 + n * 1_000);
  utimesSync(path.join(root, file), past, past);
  return path.join(root, ORDERS_DIR);
}
