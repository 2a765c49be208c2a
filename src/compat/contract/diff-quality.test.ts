import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../spec/load/load-document.js';
import type { ContractChange } from './contract-change.js';
import { contractSideFromDocument } from './contract-side.js';
import { diffContracts } from './diff-contracts.js';

/** Property-level rules: the rule given to `sku` starts on line 12, its operator on line 13. */
const onSku = (rules: string): string => `apiVersion: v3.1.0
kind: DataContract
id: shop.orders
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - name: sku
        logicalType: string
${rules === '' ? '' : `        quality:\n${rules}`}`;
const rule = (lines: string): string =>
  lines
    .split('\n')
    .map((l, i) => `${i === 0 ? '          - ' : '            '}${l}`)
    .join('\n')
    .concat('\n');

/** Object-level rules: the first rule starts on line 9. */
const onOrders = (rules: string): string => `apiVersion: v3.1.0
kind: DataContract
id: shop.orders
version: 1.0.0
status: active
schema:
  - name: orders
    quality:
${rules}    properties:
      - name: id
        logicalType: string
`;

const side = (file: string, text: string) =>
  contractSideFromDocument(loadDocument(file, new TextEncoder().encode(text)));
const diff = (a: string, b: string): ContractChange[] =>
  diffContracts(side('old.odcs.yaml', a), side('new.odcs.yaml', b));
const brief = (c: ContractChange) => ({
  type: c.type,
  path: c.path,
  breaking: c.breaking,
  old: c.old?.line,
  new: c.new?.line,
});
const nulls = (operator: string): string => onSku(rule(`metric: nullValues\n${operator}`));

describe('diffContracts on quality rules', () => {
  it('reports an added rule as a non-breaking new promise that old rows may fail', () => {
    const changes = diff(onSku(''), nulls('mustBe: 0'));
    expect(changes.map(brief)).toEqual([
      {
        type: 'quality-rule-added',
        path: 'orders.sku.quality.nullValues',
        breaking: false,
        old: undefined,
        new: 12,
      },
    ]);
    expect(changes[0]?.message).toContain('rows written before may fail it');
  });

  it('reports a removed rule as breaking: consumers lose a guarantee', () => {
    expect(diff(nulls('mustBe: 0'), onSku('')).map(brief)).toEqual([
      {
        type: 'quality-rule-removed',
        path: 'orders.sku.quality.nullValues',
        breaking: true,
        old: 12,
        new: undefined,
      },
    ]);
  });

  it('reports mustBeLessThan 10 -> 5 as tightened, not breaking, at the operator', () => {
    const changes = diff(nulls('mustBeLessThan: 10'), nulls('mustBeLessThan: 5'));
    expect(changes.map(brief)).toEqual([
      {
        type: 'quality-threshold-tightened',
        path: 'orders.sku.quality.nullValues',
        breaking: false,
        old: 13,
        new: 13,
      },
    ]);
    expect(changes[0]?.new?.path).toBe('schema[0].properties[0].quality[0].mustBeLessThan');
    expect(changes[0]?.message).toContain('tightened from mustBeLessThan 10 to mustBeLessThan 5');
  });

  it('reports mustBeLessThan 10 -> 20 and -> mustBeLessOrEqualTo 10 as loosened, breaking', () => {
    for (const operator of ['mustBeLessThan: 20', 'mustBeLessOrEqualTo: 10'])
      expect(diff(nulls('mustBeLessThan: 10'), nulls(operator)).map(brief)).toEqual([
        {
          type: 'quality-threshold-loosened',
          path: 'orders.sku.quality.nullValues',
          breaking: true,
          old: 13,
          new: 13,
        },
      ]);
  });

  it.each([
    ['mustBeBetween: [0, 10]', 'mustBeBetween: [2, 8]', 'quality-threshold-tightened'],
    ['mustBeBetween: [2, 8]', 'mustBeBetween: [0, 10]', 'quality-threshold-loosened'],
    ['mustNotBeBetween: [0, 10]', 'mustNotBeBetween: [0, 20]', 'quality-threshold-tightened'],
    ['mustBe: 0', 'mustBe: 1', 'quality-rule-changed'],
    ['mustBeLessThan: 10', 'mustBeGreaterThan: 10', 'quality-rule-changed'],
  ])('judges %s -> %s as %s', (from, to, type) => {
    expect(diff(nulls(from), nulls(to)).map(brief)).toEqual([
      {
        type,
        path: 'orders.sku.quality.nullValues',
        breaking: type === 'quality-threshold-loosened',
        old: 13,
        new: 13,
      },
    ]);
  });

  it('cannot order thresholds in different units and says so', () => {
    const changes = diff(nulls('mustBeLessThan: 10'), nulls('mustBeLessThan: 1\nunit: percent'));
    expect(changes.map(brief)).toEqual([
      {
        type: 'quality-rule-changed',
        path: 'orders.sku.quality.nullValues',
        breaking: false,
        old: 13,
        new: 13,
      },
    ]);
    expect(changes[0]?.message).toContain('cannot be ordered');
  });

  it('reports a changed definition of a named rule, pointing at the rule', () => {
    const named = (severity: string) =>
      onSku(rule(`name: sku_present\nmetric: nullValues\nmustBe: 0\nseverity: ${severity}`));
    const changes = diff(named('warning'), named('error'));
    expect(changes.map(brief)).toEqual([
      {
        type: 'quality-rule-changed',
        path: 'orders.sku.quality.sku_present',
        breaking: false,
        old: 12,
        new: 12,
      },
    ]);
    expect(changes[0]?.message).toBe(
      'quality rule sku_present on orders.sku changed (severity): review what it now checks',
    );
  });

  it('reports a rowCount floor raised on the object as tightened', () => {
    const rows = (n: number) => onOrders(`      - metric: rowCount\n        mustBeGreaterThan: ${n}\n`);
    expect(diff(rows(0), rows(100)).map(brief)).toEqual([
      {
        type: 'quality-threshold-tightened',
        path: 'orders.quality.rowCount',
        breaking: false,
        old: 10,
        new: 10,
      },
    ]);
  });

  it('pairs unnamed SQL rules by query, numbering repeated labels', () => {
    const sql = (q: string) => `      - type: sql\n        query: ${q}\n        mustBe: 0\n`;
    const a = sql('select count(*) from orders where id is null');
    const b = sql('select count(*) from orders where total < 0');
    const changes = diff(onOrders(`${a}${b}`), onOrders(b));
    expect(changes.map(brief)).toEqual([
      { type: 'quality-rule-removed', path: 'orders.quality.sql#1', breaking: true, old: 9, new: undefined },
    ]);
  });

  it('compares allowed values, not quality rules, when validValues change', () => {
    const valid = (values: string) =>
      onSku(rule(`metric: invalidValues\narguments:\n  validValues: ${values}`));
    expect(diff(valid('[A, B]'), valid('[A, B, C]')).map((c) => c.type)).toEqual(['enum-value-added']);
  });
});
