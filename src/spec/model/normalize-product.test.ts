import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeDomain, normalizeMesh } from './normalize-mesh.js';
import { normalizeProduct } from './normalize-product.js';

describe('normalizeProduct', () => {
  it('reads ports, team and descriptions of an ODPS v1.0.0 product', () => {
    const product = normalizeProduct(
      parse(`
apiVersion: v1.0.0
kind: DataProduct
id: customers.customer_360
status: active
domain: customers
team: { name: customers-team }
description: { purpose: One view of each customer. }
inputPorts:
  - { name: orders, version: 1.0.0, contractId: orders.orders.orders.v1 }
outputPorts:
  - name: customer_360
    version: 2.0.0
    contractId: customers.customer_360.v2
    inputContracts: [{ id: orders.orders.orders.v1, version: 1.0.0 }]
`),
    );
    expect(product.team.name).toBe('customers-team');
    expect(product.description.purpose).toBe('One view of each customer.');
    expect(product.inputPorts[0]).toMatchObject({
      name: 'orders',
      contractId: 'orders.orders.orders.v1',
      path: ['inputPorts', 0],
    });
    expect(product.outputPorts[0]).toMatchObject({
      version: '2.0.0',
      contractId: 'customers.customer_360.v2',
      inputContracts: [{ id: 'orders.orders.orders.v1', version: '1.0.0' }],
    });
  });

  it('reads the official ODPS examples without losing ports', () => {
    const examples = new URL('../../../test/fixtures/standards/odps/examples/', import.meta.url);
    for (const file of ['customer-data-product.odps.yaml', 'simple-data-product.odps.yaml']) {
      const value = parse(readFileSync(new URL(file, examples), 'utf8')) as {
        outputPorts?: unknown[];
        inputPorts?: unknown[];
      };
      const product = normalizeProduct(value);
      expect(product.outputPorts).toHaveLength(value.outputPorts?.length ?? 0);
      expect(product.inputPorts).toHaveLength(value.inputPorts?.length ?? 0);
      expect(product.outputPorts.length).toBeGreaterThan(0);
    }
  });
});

describe('normalizeMesh', () => {
  it('resolves the naming convention default once', () => {
    const mesh = normalizeMesh({ apiVersion: 'meshplane/v1', kind: 'Mesh', name: 'm', domains: [] });
    expect(mesh.conventions.physicalNames).toBe('snake_case');
    expect(normalizeMesh({ conventions: { physicalNames: 'camelCase' } }).conventions.physicalNames).toBe(
      'camelCase',
    );
    expect(normalizeMesh({ conventions: { physicalNames: 'weird' } }).conventions.physicalNames).toBe(
      'snake_case',
    );
  });

  it('reads teams and domains with their paths', () => {
    const mesh = normalizeMesh({
      teams: [{ name: 't', members: [{ username: 'u' }] }],
      domains: [{ name: 'd', ownerTeam: 't' }],
    });
    expect(mesh.teams[0]).toEqual({ name: 't', members: [{ username: 'u' }], path: ['teams', 0] });
    expect(mesh.domains[0]).toEqual({ name: 'd', ownerTeam: 't', path: ['domains', 0] });
    expect(normalizeDomain({ name: 'd', ownerTeam: 't' })).toMatchObject({
      kind: 'Domain',
      name: 'd',
      ownerTeam: 't',
    });
  });
});
