import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import { loadDocument } from '../../spec/load/load-document.js';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import { CONTRACT_CHANGE_TYPES, type ContractChange } from './contract-change.js';
import { contractSideFromDocument } from './contract-side.js';
import { diffContracts } from './diff-contracts.js';

const SHOP = fileURLToPath(new URL('../../../examples/shop/domains', import.meta.url));
const ODCS_EXAMPLES = fileURLToPath(
  new URL('../../../test/fixtures/standards/odcs/examples', import.meta.url),
);
const side = (file: string, text: string) =>
  contractSideFromDocument(loadDocument(file, new TextEncoder().encode(text)));
const brief = (c: ContractChange) => ({
  type: c.type,
  path: c.path,
  breaking: c.breaking,
  governance: c.governance,
  old: c.old?.line,
  new: c.new?.line,
});
/** The 1-based line of the only line of `text` that contains `marker`. */
function lineOf(text: string, marker: string): number {
  const lines = text.split('\n');
  const found = lines.flatMap((line, i) => (line.includes(marker) ? [i + 1] : []));
  if (found.length !== 1) throw new Error(`${marker} is on ${found.length} lines`);
  return found[0] ?? 0;
}
function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe('diffContracts on the shop examples', () => {
  const contracts = readdirSync(SHOP, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.odcs.yaml'),
  );

  it('finds the examples', () => {
    expect(contracts.length).toBeGreaterThanOrEqual(10);
  });

  it.each(contracts)('finds no change between %s and itself', (file) => {
    const text = readFileSync(join(SHOP, file), 'utf8');
    expect(diffContracts(side(file, text), side(file, text))).toEqual([]);
  });

  it('classifies a realistic edit of customers.odcs.yaml, located in both files', () => {
    const before = readFileSync(join(SHOP, 'customers/customers/customers.odcs.yaml'), 'utf8');
    let after = replaceOnce(before, 'version: 1.0.0', 'version: 2.0.0');
    after = replaceOnce(
      after,
      '      - name: email\n        physicalName: email\n',
      '      - name: email_address\n        physicalName: email\n        customProperties:\n          - property: meshplane.renamedFrom\n            value: email\n',
    );
    after = replaceOnce(
      after,
      '        classification: restricted\n        tags: [pii]\n        description: Phone number',
      '        classification: internal\n        tags: [pii]\n        description: Phone number',
    );
    const birth = after.indexOf('      - name: birth_date');
    after = after.slice(0, birth) + after.slice(after.indexOf('      - name: country_code'));
    after = replaceOnce(after, 'IT, NL, PL, PT, SE]', 'IT, NL, PL, PT, SE, CH]');
    after = replaceOnce(
      after,
      '  - property: latency\n    value: 1\n',
      '  - property: latency\n    value: 2\n',
    );
    const changes = diffContracts(
      side('v1/customers.odcs.yaml', before),
      side('v2/customers.odcs.yaml', after),
    );
    expect(changes.map(brief)).toEqual([
      {
        type: 'property-renamed',
        path: 'customers.email_address',
        breaking: true,
        governance: false,
        old: lineOf(before, '- name: email'),
        new: lineOf(after, '- name: email_address'),
      },
      {
        type: 'classification-lowered',
        path: 'customers.phone',
        breaking: false,
        governance: true,
        old: lineOf(before, '- name: phone') + 4,
        new: lineOf(after, '- name: phone') + 4,
      },
      {
        type: 'property-removed',
        path: 'customers.birth_date',
        breaking: true,
        governance: false,
        old: lineOf(before, '- name: birth_date'),
        new: undefined,
      },
      {
        type: 'enum-value-added',
        path: 'customers.country_code',
        breaking: true,
        governance: false,
        old: lineOf(before, 'validValues: [AT'),
        new: lineOf(after, 'validValues: [AT'),
      },
      {
        type: 'sla-weakened',
        path: 'slaProperties.latency[customers.updated_at]',
        breaking: true,
        governance: false,
        old: lineOf(before, '- property: latency') + 1,
        new: lineOf(after, '- property: latency') + 1,
      },
      {
        type: 'version-changed',
        path: 'version',
        breaking: false,
        governance: false,
        old: lineOf(before, 'version: 1.0.0'),
        new: lineOf(after, 'version: 2.0.0'),
      },
    ]);
    expect(
      changes.every(
        (c) => c.old?.file !== 'v2/customers.odcs.yaml' && c.new?.file !== 'v1/customers.odcs.yaml',
      ),
    ).toBe(true);
  });

  it('compares two different real contracts object by object', () => {
    const orders = readFileSync(join(SHOP, 'orders/orders/orders.odcs.yaml'), 'utf8');
    const lines = readFileSync(join(SHOP, 'orders/orders/order_lines.odcs.yaml'), 'utf8');
    const changes = diffContracts(side('orders.odcs.yaml', orders), side('order_lines.odcs.yaml', lines));
    const objects = changes.filter((c) => c.type.startsWith('object-')).map((c) => [c.type, c.path]);
    expect(objects).toEqual([
      ['object-removed', 'orders'],
      ['object-added', 'order_lines'],
    ]);
    expect(changes.some((c) => c.type === 'object-removed' && c.breaking)).toBe(true);
  });
});

describe('diffContracts on the official ODCS examples', () => {
  const files = readdirSync(ODCS_EXAMPLES)
    .filter((f) => f.endsWith('.odcs.yaml'))
    .sort();
  const load = (file: string) => side(file, readFileSync(join(ODCS_EXAMPLES, file), 'utf8'));

  it.each(files.map((file, i) => [file, files[(i + 1) % files.length] ?? file]))(
    'diffs %s against %s with known types and real locations; additions mirror removals the other way',
    (a, b) => {
      const forward = diffContracts(load(a), load(b));
      for (const change of forward) {
        expect(CONTRACT_CHANGE_TYPES).toContain(change.type);
        expect(change.message).not.toBe('');
        expect(change.old ?? change.new).toBeDefined();
        for (const at of [change.old, change.new])
          if (at !== undefined) expect(at.line).toBeGreaterThanOrEqual(1);
      }
      const count = (changes: ContractChange[], ...types: string[]) =>
        changes.filter((c) => types.includes(c.type)).length;
      const backward = diffContracts(load(b), load(a));
      expect(count(backward, 'object-removed', 'property-removed')).toBe(
        count(forward, 'object-added', 'property-added'),
      );
    },
  );
});

describe('diffContracts in general', () => {
  const base = `apiVersion: v3.1.0
kind: DataContract
id: shop.orders
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - name: id
        logicalType: string
      - name: total
        logicalType: integer
  - name: refunds
    properties:
      - name: id
        logicalType: string
slaProperties:
  - property: latency
    value: 1
    unit: h
`;
  const edited = base
    .replace('version: 1.0.0', 'version: 1.1.0')
    .replace('value: 1\n', 'value: 2\n')
    .replace(
      '      - name: total\n        logicalType: integer\n',
      '      - name: total\n        logicalType: number\n',
    )
    .replace(
      '  - name: refunds\n    properties:\n      - name: id\n',
      '  - name: refunds\n    properties:\n      - name: refund_id\n',
    );

  it('orders changes: objects and their properties in new-file order, then SLAs, then version', () => {
    const changes = diffContracts(side('old.odcs.yaml', base), side('new.odcs.yaml', edited));
    expect(changes.map((c) => [c.type, c.path, c.object])).toEqual([
      ['type-widened', 'orders.total', 'orders'],
      ['property-removed', 'refunds.id', 'refunds'],
      ['property-added', 'refunds.refund_id', 'refunds'],
      ['sla-weakened', 'slaProperties.latency', undefined],
      ['version-changed', 'version', undefined],
    ]);
    expect(diffContracts(side('old.odcs.yaml', base), side('new.odcs.yaml', edited))).toEqual(changes);
  });

  it('gives locations without lines for contracts from the registry (no file to point into)', () => {
    const registry = (text: string) => ({
      contract: normalizeContract(loadDocument('x.yaml', new TextEncoder().encode(text)).value),
      file: 'registry:shop.orders@1.0.0',
    });
    const changes = diffContracts(registry(base), side('new.odcs.yaml', edited));
    expect(changes[0]?.old).toEqual({
      file: 'registry:shop.orders@1.0.0',
      path: 'schema[0].properties[1].logicalType',
    });
    expect(changes[0]?.new).toEqual({
      file: 'new.odcs.yaml',
      line: 12,
      column: 22,
      path: 'schema[0].properties[1].logicalType',
    });
  });

  it('refuses a document that did not load, with INVALID_INPUT', () => {
    const broken = loadDocument('broken.odcs.yaml', new TextEncoder().encode('schema: [unclosed\n'));
    expect(() => contractSideFromDocument(broken)).toThrowError(MeshplaneError);
    try {
      contractSideFromDocument(broken);
    } catch (error) {
      expect((error as MeshplaneError).code).toBe('INVALID_INPUT');
    }
  });
});
