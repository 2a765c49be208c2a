import { describe, expect, it } from 'vitest';
import { loadDocument } from '../spec/load/load-document.js';
import { type ContractVersionSide, compareContracts, compareJsonSchemas } from './compare-contracts.js';
import { contractSideFromDocument } from './contract/index.js';

interface Column {
  readonly name: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly values?: readonly string[];
  readonly maxLength?: number;
}

function version(label: string, columns: readonly Column[], custom = ''): ContractVersionSide {
  const props = columns
    .map((c) => {
      const lines = [
        `      - name: ${c.name}`,
        `        logicalType: ${c.type ?? 'string'}`,
        `        required: ${c.required === true}`,
      ];
      if (c.maxLength !== undefined)
        lines.push('        logicalTypeOptions:', `          maxLength: ${c.maxLength}`);
      if (c.values !== undefined) {
        lines.push(
          '        quality:',
          '          - metric: invalidValues',
          '            arguments:',
          `              validValues: [${c.values.join(', ')}]`,
          '            mustBe: 0',
        );
      }
      return lines.join('\n');
    })
    .join('\n');
  const text = `apiVersion: v3.1.0
kind: DataContract
id: orders.lines
version: ${label}
status: active
${custom}schema:
  - name: lines
    properties:
${props}
`;
  const side = contractSideFromDocument(
    loadDocument(`lines-${label}.odcs.yaml`, new TextEncoder().encode(text)),
  );
  return { ...side, label };
}

const base: Column[] = [
  { name: 'id', required: true },
  { name: 'status', values: ['open', 'paid'] },
  { name: 'note', maxLength: 40 },
];

describe('compareContracts', () => {
  it('accepts an added optional column in every mode', () => {
    const next = version('1.1.0', [...base, { name: 'discount', type: 'number' }]);
    for (const mode of ['BACKWARD', 'FORWARD', 'FULL_TRANSITIVE'] as const) {
      const report = compareContracts(next, [version('1.0.0', base)], mode);
      expect(report.compatible, `${mode}: ${JSON.stringify(report.changes)}`).toBe(true);
      expect(report.changes.map((c) => c.type)).toContain('property-added');
    }
  });

  it('refuses a removed optional column in every mode but NONE, though JSON Schema allows it', () => {
    const next = version(
      '1.1.0',
      base.filter((c) => c.name !== 'note'),
    );
    const report = compareContracts(next, [version('1.0.0', base)], 'BACKWARD');
    expect(report.compatible).toBe(false);
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        type: 'property-removed',
        path: 'lines.note',
        compatible: false,
        source: 'contract',
      }),
    );
    expect(report.changes.filter((c) => c.source === 'schema')).toEqual([]);
    expect(compareContracts(next, [version('1.0.0', base)], 'NONE').compatible).toBe(true);
  });

  it('leaves value changes to the mode: an extended enum is BACKWARD compatible, not FORWARD', () => {
    const next = version(
      '1.1.0',
      base.map((c) => (c.name === 'status' ? { ...c, values: ['open', 'paid', 'void'] } : c)),
    );
    const history = [version('1.0.0', base)];
    expect(compareContracts(next, history, 'BACKWARD').compatible).toBe(true);
    const forward = compareContracts(next, history, 'FORWARD');
    expect(forward.compatible).toBe(false);
    expect(forward.changes).toContainEqual(
      expect.objectContaining({
        source: 'schema',
        direction: 'forward',
        against: '1.0.0',
        compatible: false,
      }),
    );
  });

  it('checks transitive modes against every earlier version, newest first', () => {
    const v1 = version('1.0.0', base);
    const v2 = version(
      '1.1.0',
      base.map((c) => (c.name === 'note' ? { ...c, maxLength: 80 } : c)),
    );
    const v3 = version(
      '1.2.0',
      base.map((c) => (c.name === 'note' ? { ...c, maxLength: 60 } : c)),
    );
    expect(compareContracts(v3, [v1, v2], 'FORWARD').compatible).toBe(true);
    const transitive = compareContracts(v3, [v1, v2], 'FORWARD_TRANSITIVE');
    expect(transitive.against).toEqual(['1.1.0', '1.0.0']);
    expect(transitive.compatible).toBe(false);
    expect(transitive.changes.filter((c) => !c.compatible).map((c) => c.against)).toEqual(['1.0.0']);
  });

  it('calls a first version compatible, with nothing to compare', () => {
    expect(compareContracts(version('1.0.0', base), [], 'FULL')).toMatchObject({
      compatible: true,
      against: [],
      changes: [],
    });
  });
});

describe('compareJsonSchemas', () => {
  it('applies the mode to plain JSON Schema documents', () => {
    const v1 = {
      label: 'v1',
      schema: { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
    };
    const v2 = {
      label: 'v2',
      schema: { type: 'object', properties: { a: { type: 'number' } }, required: ['a'] },
    };
    expect(compareJsonSchemas(v2, [v1], 'BACKWARD').compatible).toBe(true);
    expect(compareJsonSchemas(v2, [v1], 'FORWARD').compatible).toBe(false);
    expect(compareJsonSchemas(v2, [v1], 'NONE').compatible).toBe(true);
  });
});
