import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeContract } from '../spec/model/normalize-contract.js';
import { columnSpecs, portSchema, primaryKey } from './contract-columns.js';

const contract = normalizeContract(
  parse(`
apiVersion: v3.1.0
kind: DataContract
id: c
version: 1.0.0
status: active
schema:
  - name: other
    properties: [{ name: z, logicalType: string }]
  - name: lines
    properties:
      - { name: line, logicalType: integer, primaryKey: true, primaryKeyPosition: 2 }
      - { name: order_id, logicalType: string, primaryKey: true, primaryKeyPosition: 1, logicalTypeOptions: { pattern: '^O-', maxLength: 9 } }
      - name: status
        logicalType: string
        quality: [{ metric: invalidValues, mustBe: 0, arguments: { validValues: [a, b] } }]
      - name: channel
        logicalType: string
        quality: [{ metric: invalidValues, mustBeLessOrEqualTo: 5, unit: percent, arguments: { validValues: [web] } }]
      - { name: amount, physicalName: amount_eur, logicalType: number, physicalType: 'NUMERIC(12,2)', required: true, logicalTypeOptions: { exclusiveMinimum: 0 } }
      - { name: since, logicalType: date, logicalTypeOptions: { minimum: '2020-01-01', exclusiveMaximum: true, maximum: '2030-01-01' } }
`),
);

describe('contract columns', () => {
  it('picks the schema object named like the port, else the first', () => {
    expect(portSchema(contract, 'lines').name).toBe('lines');
    expect(portSchema(contract, 'nope').name).toBe('other');
  });

  it('reads types, required, bounds, pattern, lengths and strict allowed values', () => {
    expect(columnSpecs(portSchema(contract, 'lines'))).toEqual([
      { name: 'line', sqlType: 'BIGINT', kind: 'integer', required: true },
      { name: 'order_id', sqlType: 'VARCHAR', kind: 'text', required: true, pattern: '^O-', maxLength: 9 },
      { name: 'status', sqlType: 'VARCHAR', kind: 'text', required: false, validValues: ['a', 'b'] },
      { name: 'channel', sqlType: 'VARCHAR', kind: 'text', required: false },
      {
        name: 'amount_eur',
        sqlType: 'NUMERIC(12,2)',
        kind: 'number',
        required: true,
        minimum: 0,
        exclusiveMinimum: true,
      },
      {
        name: 'since',
        sqlType: 'DATE',
        kind: 'temporal',
        required: false,
        minimum: '2020-01-01',
        maximum: '2030-01-01',
        exclusiveMaximum: true,
      },
    ]);
  });

  it('orders the primary key by position', () => {
    expect(primaryKey(portSchema(contract, 'lines'))).toEqual(['order_id', 'line']);
  });
});
