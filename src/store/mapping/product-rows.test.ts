import { describe, expect, it } from 'vitest';
import type { ProductRegistration } from '../model/product-model.js';
import {
  type ProductPortJoinRow,
  productDetailFromRows,
  productSummariesFromJoinedRows,
  registrationToRows,
} from './product-rows.js';

const AT = '2026-05-01T10:00:00.000Z';
const BY = { productId: 'sales.orders', version: '2.0.0', digest: 'sha256:1', deployId: 'd1', at: AT };

const REGISTRATION: ProductRegistration = {
  domain: 'sales',
  name: 'orders',
  status: 'active',
  tags: ['a'],
  descriptor: { id: 'sales.orders' },
  outputPorts: [
    { name: 'orders', version: '2.0.0', contractId: 'c1' },
    { name: 'events', version: '1.0.0' },
  ],
  inputPorts: [
    { name: 'raw', version: '1', contractId: 'c0', source: { kind: 'contract' } },
    {
      name: 'cust',
      version: '1',
      contractId: 'c9',
      source: { kind: 'product', productId: 'crm.customers', port: 'customers' },
    },
  ],
  contracts: [{ id: 'c1', version: '2.0.0', port: 'orders', apiVersion: 'v3.1.0', document: { id: 'c1' } }],
};

describe('registration rows', () => {
  it('turns absent optional fields into NULL and back into absent properties', () => {
    const rows = registrationToRows(BY, REGISTRATION);
    expect(rows.product).toMatchObject({
      title: null,
      owner_team: null,
      description: null,
      current_version: '2.0.0',
      tags: '["a"]',
    });
    expect(rows.outputPorts[1]).toEqual({
      product_id: 'sales.orders',
      product_version: '2.0.0',
      name: 'events',
      port_version: '1.0.0',
      contract_id: null,
    });
    expect(rows.inputPorts.map((p) => [p.source_kind, p.source_product_id, p.source_port])).toEqual([
      ['contract', null, null],
      ['product', 'crm.customers', 'customers'],
    ]);

    const product = {
      ...rows.product,
      title: null,
      owner_team: null,
      description: null,
      current_version: '2.0.0',
    };
    const detail = productDetailFromRows({
      product: { ...product, created_at: AT, updated_at: AT },
      versions: [{ ...rows.version }],
      outputPorts: rows.outputPorts.map((p) => ({ ...p, contract_id: p.contract_id ?? null })),
      inputPorts: rows.inputPorts.map((p) => ({
        ...p,
        source_product_id: p.source_product_id ?? null,
        source_port: p.source_port ?? null,
      })),
      contracts: rows.contracts.map((c) => ({ ...c, port: c.port ?? null })),
    });
    expect(detail).toEqual({
      id: 'sales.orders',
      domain: 'sales',
      name: 'orders',
      status: 'active',
      currentVersion: '2.0.0',
      tags: ['a'],
      outputPorts: REGISTRATION.outputPorts,
      updatedAt: AT,
      versions: [{ version: '2.0.0', digest: 'sha256:1', deployedAt: AT, deployId: 'd1' }],
      inputPorts: REGISTRATION.inputPorts,
      contracts: REGISTRATION.contracts,
      descriptor: { id: 'sales.orders' },
    });
  });
});

describe('productSummariesFromJoinedRows', () => {
  const base = {
    domain: 'd',
    name: 'n',
    title: null,
    status: 'active',
    owner_team: 'team',
    description: null,
    tags: '[]',
    current_version: '1',
    created_at: AT,
    updated_at: AT,
  };
  it('groups port rows under their product and reads a row of NULL ports as none', () => {
    const rows: ProductPortJoinRow[] = [
      { ...base, id: 'a', port_name: 'p1', port_version: '1', port_contract_id: null },
      { ...base, id: 'a', port_name: 'p2', port_version: '1', port_contract_id: 'c' },
      { ...base, id: 'b', port_name: null, port_version: null, port_contract_id: null },
    ];
    const summaries = productSummariesFromJoinedRows(rows);
    expect(summaries.map((s) => [s.id, s.outputPorts])).toEqual([
      [
        'a',
        [
          { name: 'p1', version: '1' },
          { name: 'p2', version: '1', contractId: 'c' },
        ],
      ],
      ['b', []],
    ]);
    expect(summaries[0]?.ownerTeam).toBe('team');
    expect(summaries[0]).not.toHaveProperty('title');
  });
});
