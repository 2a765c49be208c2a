import { describe, expect, it } from 'vitest';
import type { ContractChange } from './contract-change.js';
import { formatChanges } from './format-changes.js';

const changes: ContractChange[] = [
  {
    type: 'property-removed',
    path: 'orders.sku',
    object: 'orders',
    breaking: true,
    governance: false,
    message: 'property orders.sku removed: consumers that read it break',
    old: { file: 'old.odcs.yaml', line: 12, column: 9, path: 'schema[0].properties[1]' },
  },
  {
    type: 'classification-lowered',
    path: 'orders.email',
    object: 'orders',
    breaking: false,
    governance: true,
    message: 'classification of orders.email lowered from restricted to internal',
    old: { file: 'old.odcs.yaml', line: 20, column: 25, path: 'schema[0].properties[2].classification' },
    new: { file: 'new.odcs.yaml', line: 18, column: 25, path: 'schema[0].properties[2].classification' },
  },
  {
    type: 'version-changed',
    path: 'version',
    breaking: false,
    governance: false,
    message: 'version changed from 1.0.0 to 2.0.0',
    old: { file: 'registry:orders', path: 'version' },
    new: { file: 'registry:orders', path: 'version' },
  },
];

describe('formatChanges', () => {
  it('groups by schema object, marks breaking and governance changes, and sums up', () => {
    expect(formatChanges(changes)).toBe(
      [
        'schema object orders',
        '  BREAKING   property-removed: property orders.sku removed: consumers that read it break (old.odcs.yaml:12:9)',
        '  GOVERNANCE classification-lowered: classification of orders.email lowered from restricted to internal (new.odcs.yaml:18:25)',
        'contract',
        '             version-changed: version changed from 1.0.0 to 2.0.0 (registry:orders version)',
        '3 changes, 1 breaking, 1 governance',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(formatChanges([])).toBe('0 changes, 0 breaking\n');
  });

  it('uses ANSI colors only when asked', () => {
    expect(formatChanges(changes)).not.toContain('\u001b[');
    const colored = formatChanges(changes, { color: true });
    expect(colored).toContain('\u001b[31m\u001b[1mBREAKING  \u001b[0m');
    expect(colored).toContain('\u001b[33m\u001b[1mGOVERNANCE\u001b[0m');
  });
});
