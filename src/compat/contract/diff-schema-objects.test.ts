import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../spec/load/load-document.js';
import type { ContractChange } from './contract-change.js';
import { contractSideFromDocument } from './contract-side.js';
import { diffContracts } from './diff-contracts.js';

/** Five lines; the schema given to `doc` starts on line 6. */
const doc = (schema: string): string => `apiVersion: v3.1.0
kind: DataContract
id: shop.orders
version: 1.0.0
status: active
${schema}`;
const side = (file: string, text: string) =>
  contractSideFromDocument(loadDocument(file, new TextEncoder().encode(text)));
const diff = (a: string, b: string): ContractChange[] =>
  diffContracts(side('old.odcs.yaml', doc(a)), side('new.odcs.yaml', doc(b)));
const brief = (c: ContractChange) => ({
  type: c.type,
  path: c.path,
  breaking: c.breaking,
  old: c.old?.line,
  new: c.new?.line,
});

const object = (name: string, extra = ''): string => `  - name: ${name}
    physicalType: table
${extra}    properties:
      - name: id
        logicalType: string
`;

describe('diffContracts on schema objects', () => {
  it('reports an added object as not breaking', () => {
    const changes = diff(`schema:\n${object('orders')}`, `schema:\n${object('orders')}${object('refunds')}`);
    expect(changes.map(brief)).toEqual([
      { type: 'object-added', path: 'refunds', breaking: false, old: undefined, new: 12 },
    ]);
    expect(changes[0]?.object).toBe('refunds');
  });

  it('reports a removed object as breaking, and nothing about its properties', () => {
    const changes = diff(`schema:\n${object('orders')}${object('refunds')}`, `schema:\n${object('orders')}`);
    expect(changes.map(brief)).toEqual([
      { type: 'object-removed', path: 'refunds', breaking: true, old: 12, new: undefined },
    ]);
  });

  it('reports a declared object rename as one breaking change', () => {
    const renamed = object(
      'order_headers',
      '    customProperties: [{ property: meshplane.renamedFrom, value: orders }]\n',
    );
    const changes = diff(`schema:\n${object('orders')}`, `schema:\n${renamed}`);
    expect(changes.map(brief)).toEqual([
      { type: 'object-renamed', path: 'order_headers', breaking: true, old: 7, new: 7 },
    ]);
    expect(changes[0]?.message).toContain('orders renamed to order_headers');
  });

  it('hints at an undeclared object rename at the same position', () => {
    const changes = diff(`schema:\n${object('orders')}`, `schema:\n${object('order_headers')}`);
    expect(changes.map(brief)).toEqual([
      { type: 'object-removed', path: 'orders', breaking: true, old: 7, new: undefined },
      { type: 'object-added', path: 'order_headers', breaking: false, old: undefined, new: 7 },
    ]);
    expect(changes[0]?.message).toContain('declare meshplane.renamedFrom: orders on order_headers');
  });

  it('reports a changed table name (physicalName) as breaking', () => {
    const changes = diff(
      `schema:\n${object('orders')}`,
      `schema:\n${object('orders', '    physicalName: orders_v2\n')}`,
    );
    expect(changes.map(brief)).toEqual([
      { type: 'physical-name-changed', path: 'orders', breaking: true, old: 7, new: 9 },
    ]);
  });

  it('reports object descriptions and physical types as one annotation change', () => {
    const changes = diff(
      `schema:\n${object('orders')}`,
      `schema:\n  - name: orders\n    physicalType: view\n    description: All orders.\n    properties:\n      - name: id\n        logicalType: string\n`,
    );
    expect(changes.map(brief)).toEqual([
      { type: 'annotation-changed', path: 'orders', breaking: false, old: 7, new: 9 },
    ]);
    expect(changes[0]?.message).toBe('description, physicalType of orders changed');
  });
});

const keyed = (first: string, second: string): string => `schema:
  - name: lines
    properties:
      - name: order_id
        logicalType: string
${first}      - name: line_no
        logicalType: integer
${second}`;
const pk = (position: number) => `        primaryKey: true\n        primaryKeyPosition: ${position}\n`;

describe('diffContracts on primary keys', () => {
  it('reports a reordered composite key as breaking, at the first key column', () => {
    const changes = diff(keyed(pk(1), pk(2)), keyed(pk(2), pk(1)));
    expect(changes.map(brief)).toEqual([
      { type: 'primary-key-changed', path: 'lines', breaking: true, old: 11, new: 15 },
    ]);
    expect(changes[0]?.message).toContain('from (order_id, line_no) to (line_no, order_id)');
  });

  it('reports a column added to the key, which also makes it required', () => {
    const changes = diff(keyed(pk(1), ''), keyed(pk(1), pk(2)));
    expect(changes.map(brief)).toEqual([
      { type: 'primary-key-changed', path: 'lines', breaking: true, old: 11, new: 11 },
      { type: 'required-added', path: 'lines.line_no', breaking: true, old: 13, new: 15 },
    ]);
  });

  it('reports a key that appears where there was none, located at the object in the old file', () => {
    const changes = diff(keyed('', ''), keyed(pk(1), ''));
    expect(changes.map(brief)).toEqual([
      { type: 'primary-key-changed', path: 'lines', breaking: true, old: 7, new: 11 },
      { type: 'required-added', path: 'lines.order_id', breaking: true, old: 9, new: 11 },
    ]);
    expect(changes[0]?.message).toContain('from none to (order_id)');
  });

  it('follows a declared rename of a key column instead of reporting a new key', () => {
    const renamed = `schema:
  - name: lines
    properties:
      - name: order_ref
        logicalType: string
        customProperties: [{ property: meshplane.renamedFrom, value: order_id }]
${pk(1)}      - name: line_no
        logicalType: integer
${pk(2)}`;
    expect(diff(keyed(pk(1), pk(2)), renamed).map((c) => c.type)).toEqual(['property-renamed']);
  });
});
