import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeContract } from './normalize-contract.js';

describe('normalizeContract', () => {
  it('reads a v3.1.0 contract: objects, properties, keys, quality, servers and SLAs', () => {
    const contract = normalizeContract(
      parse(`
apiVersion: v3.1.0
kind: DataContract
id: orders.order_lines.v1
version: 1.0.0
status: active
domain: orders
team: { name: orders-team, members: [{ username: alice@example.com, role: owner }] }
schema:
  - name: order_lines
    logicalType: object
    quality:
      - metric: duplicateValues
        mustBe: 0
        arguments: { properties: [order_id, line_no] }
    properties:
      - name: order_id
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 1
        required: true
        logicalTypeOptions: { pattern: '^O-[0-9]+$', maxLength: 20, bogus: 1 }
      - name: amount
        physicalName: amount_eur
        logicalType: number
        quality:
          - metric: nullValues
            mustBeLessOrEqualTo: 1
            unit: percent
      - name: tags
        logicalType: array
        items: { logicalType: string }
servers:
  - server: local
    type: duckdb
    path: orders.duckdb
slaProperties:
  - property: latency
    value: 4
    unit: h
    element: order_lines.order_id
`),
    );
    expect(contract.id).toBe('orders.order_lines.v1');
    expect(contract.team).toEqual({
      name: 'orders-team',
      members: [{ username: 'alice@example.com', role: 'owner' }],
    });
    const table = contract.schema[0];
    expect(table?.physicalName).toBe('order_lines');
    expect(table?.quality[0]).toMatchObject({
      type: 'library',
      metric: 'duplicateValues',
      operator: 'mustBe',
      threshold: 0,
      arguments: { properties: ['order_id', 'line_no'] },
      path: ['schema', 0, 'quality', 0],
    });
    const [orderId, amount, tags] = table?.properties ?? [];
    expect(orderId).toMatchObject({ primaryKey: true, primaryKeyPosition: 1, required: true });
    expect(orderId?.logicalTypeOptions).toEqual({ pattern: '^O-[0-9]+$', maxLength: 20 });
    expect(amount?.physicalName).toBe('amount_eur');
    expect(amount?.quality[0]).toMatchObject({
      metric: 'nullValues',
      operator: 'mustBeLessOrEqualTo',
      threshold: 1,
      unit: 'percent',
      property: 'amount',
      path: ['schema', 0, 'properties', 1, 'quality', 0],
    });
    expect(tags?.items?.logicalType).toBe('string');
    expect(contract.servers[0]).toMatchObject({
      server: 'local',
      type: 'duckdb',
      settings: { path: 'orders.duckdb' },
    });
    expect(contract.slaProperties[0]).toMatchObject({ property: 'latency', value: 4, unit: 'h' });
  });

  it('reads the v3.0.x shapes: team as a list of members, quality `rule` names', () => {
    const contract = normalizeContract(
      parse(`
apiVersion: v3.0.2
kind: DataContract
id: x
version: 1.0.0
status: draft
team:
  - username: bob
    role: owner
schema:
  - name: t
    properties:
      - name: c
        quality:
          - rule: duplicateCount
            mustBeLessThan: 5
`),
    );
    expect(contract.team.members).toEqual([{ username: 'bob', role: 'owner' }]);
    expect(contract.schema[0]?.properties[0]?.quality[0]).toMatchObject({
      metric: 'duplicateValues',
      operator: 'mustBeLessThan',
      threshold: 5,
    });
  });

  it('reads between operators as a pair and ignores malformed ones', () => {
    const contract = normalizeContract({
      schema: [
        {
          name: 't',
          quality: [
            { metric: 'rowCount', mustBeBetween: [10, 20] },
            { metric: 'rowCount', mustBeBetween: [10] },
          ],
        },
      ],
    });
    expect(contract.schema[0]?.quality[0]?.threshold).toEqual([10, 20]);
    expect(contract.schema[0]?.quality[1]?.threshold).toBeUndefined();
  });

  it('is total: values of the wrong type read as absent instead of throwing', () => {
    const contract = normalizeContract({ id: 7, schema: 'nope', team: 3, servers: [null], quality: {} });
    expect(contract.id).toBe('7');
    expect(contract.schema).toEqual([]);
    expect(contract.team).toEqual({ members: [] });
    expect(contract.servers[0]?.type).toBe('custom');
    expect(normalizeContract(null).schema).toEqual([]);
  });
});
