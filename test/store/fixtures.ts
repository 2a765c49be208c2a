/** Documents and registrations the control store cases deploy. */
import type { MeshSnapshot, ProductRegistration } from '../../src/store/index.js';

export const MESH: MeshSnapshot = {
  name: 'shop',
  domains: [
    { name: 'orders', description: 'Orders and order lines', ownerTeam: 'orders-team' },
    { name: 'customers', ownerTeam: 'crm-team' },
  ],
  teams: [
    {
      name: 'orders-team',
      description: 'Owns orders',
      members: [
        { username: 'zoe', name: 'Zoe Z', role: 'owner' },
        { username: 'adam', role: 'engineer' },
      ],
    },
    { name: 'crm-team', members: [] },
  ],
};

/** The product the cases deploy. */
export const PRODUCT = 'orders.order_lines';

/** The registration of `PRODUCT`, with one output port (and contract) per listed name. */
export function registration(
  options: { ports?: readonly string[]; status?: string; title?: string } = {},
): ProductRegistration {
  const ports = options.ports ?? ['order_lines'];
  return {
    domain: 'orders',
    name: 'order-lines',
    ...(options.title === undefined ? {} : { title: options.title }),
    status: options.status ?? 'active',
    ownerTeam: 'orders-team',
    description: 'One row per order line',
    tags: ['orders', 'sales'],
    descriptor: { apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'orders.order_lines', ports },
    outputPorts: ports.map((name) => ({ name, version: '1.0.0', contractId: `orders.${name}.v1` })),
    inputPorts: [
      {
        name: 'raw_orders',
        version: '1.0.0',
        contractId: 'orders.raw_orders.v1',
        source: { kind: 'contract' },
      },
      {
        name: 'customers',
        version: '2.0.0',
        contractId: 'customers.customers.v2',
        source: { kind: 'product', productId: 'customers.customers', port: 'customers' },
      },
    ],
    contracts: [
      ...ports.map((name) => ({
        id: `orders.${name}.v1`,
        version: '1.0.0',
        port: name,
        apiVersion: 'v3.1.0',
        document: { apiVersion: 'v3.1.0', kind: 'DataContract', id: `orders.${name}.v1`, schema: [{ name }] },
      })),
      {
        id: 'orders.raw_orders.v1',
        version: '1.0.0',
        apiVersion: 'v3.0.2',
        document: { apiVersion: 'v3.0.2', kind: 'DataContract', id: 'orders.raw_orders.v1' },
      },
    ],
  };
}
