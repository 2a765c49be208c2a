import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../spec/load/load-document.js';
import type { ContractChange } from './contract-change.js';
import { contractSideFromDocument } from './contract-side.js';
import { diffContracts } from './diff-contracts.js';

/** Eight lines; the properties given to `doc` start on line 9. */
const HEAD = `apiVersion: v3.1.0
kind: DataContract
id: shop.orders
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
`;
const doc = (properties: string): string => HEAD + properties;
const side = (file: string, text: string) =>
  contractSideFromDocument(loadDocument(file, new TextEncoder().encode(text)));
const diff = (a: string, b: string): ContractChange[] =>
  diffContracts(side('old.odcs.yaml', doc(a)), side('new.odcs.yaml', doc(b)));
/** What each test asserts: kind, path, verdicts and the line on each side. */
const brief = (c: ContractChange) => ({
  type: c.type,
  path: c.path,
  breaking: c.breaking,
  governance: c.governance,
  old: c.old?.line,
  new: c.new?.line,
});

const ID = `      - name: id
        logicalType: string
`;

describe('diffContracts on properties', () => {
  it('finds nothing between identical contracts', () => {
    expect(diff(ID, ID)).toEqual([]);
  });

  it('reports an added optional property as not breaking, located in the new file only', () => {
    const changes = diff(ID, `${ID}      - name: note\n        logicalType: string\n`);
    expect(changes.map(brief)).toEqual([
      {
        type: 'property-added',
        path: 'orders.note',
        breaking: false,
        governance: false,
        old: undefined,
        new: 11,
      },
    ]);
    expect(changes[0]?.new).toEqual({
      file: 'new.odcs.yaml',
      line: 11,
      column: 9,
      path: 'schema[0].properties[1]',
    });
    expect(changes[0]?.object).toBe('orders');
  });

  it('reports an added required property as breaking: rows written before lack it', () => {
    const changes = diff(ID, `${ID}      - name: sku\n        logicalType: string\n        required: true\n`);
    expect(changes.map(brief)).toEqual([
      {
        type: 'property-added',
        path: 'orders.sku',
        breaking: true,
        governance: false,
        old: undefined,
        new: 11,
      },
    ]);
    expect(changes[0]?.message).toContain('rows written before lack it');
  });

  it('reports a removed property as breaking, located in the old file only', () => {
    const changes = diff(`${ID}      - name: sku\n        logicalType: string\n`, ID);
    expect(changes.map(brief)).toEqual([
      {
        type: 'property-removed',
        path: 'orders.sku',
        breaking: true,
        governance: false,
        old: 11,
        new: undefined,
      },
    ]);
    expect(changes[0]?.old?.path).toBe('schema[0].properties[1]');
  });

  it('hints at an undeclared rename when a removal and an addition share position and type', () => {
    const changes = diff(
      `${ID}      - name: sku\n        logicalType: string\n`,
      `${ID}      - name: article\n        logicalType: string\n`,
    );
    expect(changes.map(brief)).toEqual([
      {
        type: 'property-removed',
        path: 'orders.sku',
        breaking: true,
        governance: false,
        old: 11,
        new: undefined,
      },
      {
        type: 'property-added',
        path: 'orders.article',
        breaking: false,
        governance: false,
        old: undefined,
        new: 11,
      },
    ]);
    for (const change of changes)
      expect(change.message).toContain('did you rename sku to article? declare meshplane.renamedFrom');
  });

  it('gives no rename hint when the types differ', () => {
    const changes = diff(
      `${ID}      - name: sku\n        logicalType: string\n`,
      `${ID}      - name: article\n        logicalType: integer\n`,
    );
    expect(changes.map((c) => c.type)).toEqual(['property-removed', 'property-added']);
    for (const change of changes) expect(change.message).not.toContain('did you rename');
  });

  it('reports a declared rename as one breaking change, not a removal and an addition', () => {
    const changes = diff(
      `${ID}      - name: sku\n        logicalType: string\n`,
      `${ID}      - name: article
        logicalType: string
        customProperties:
          - property: meshplane.renamedFrom
            value: sku
`,
    );
    expect(changes.map(brief)).toEqual([
      {
        type: 'property-renamed',
        path: 'orders.article',
        breaking: true,
        governance: false,
        old: 11,
        new: 11,
      },
    ]);
    expect(changes[0]?.message).toBe(
      'property orders.sku renamed to orders.article: consumers that read the old name break',
    );
  });

  it('compares a renamed property with its old self', () => {
    const changes = diff(
      `${ID}      - name: sku\n        logicalType: string\n`,
      `${ID}      - name: article
        logicalType: integer
        customProperties: [{ property: meshplane.renamedFrom, value: sku }]
`,
    );
    expect(changes.map(brief)).toEqual([
      {
        type: 'property-renamed',
        path: 'orders.article',
        breaking: true,
        governance: false,
        old: 11,
        new: 11,
      },
      { type: 'type-changed', path: 'orders.article', breaking: true, governance: false, old: 12, new: 12 },
    ]);
  });

  it('ignores a rename declaration whose old name still exists', () => {
    const renamed = `      - name: article
        logicalType: string
        customProperties: [{ property: meshplane.renamedFrom, value: sku }]
`;
    const sku = `      - name: sku\n        logicalType: string\n`;
    expect(diff(`${sku}${renamed}`, `${sku}${renamed}`)).toEqual([]);
    expect(diff(`${sku}      - name: article\n        logicalType: string\n`, `${sku}${renamed}`)).toEqual(
      [],
    );
  });

  it('reports a changed physical name as breaking', () => {
    const changes = diff(
      `      - name: sku\n        logicalType: string\n`,
      `      - name: sku\n        physicalName: sku_code\n        logicalType: string\n`,
    );
    expect(changes.map(brief)).toEqual([
      {
        type: 'physical-name-changed',
        path: 'orders.sku',
        breaking: true,
        governance: false,
        old: 9,
        new: 10,
      },
    ]);
  });
});

const typed = (logical: string, physical?: string): string =>
  `      - name: amount\n        logicalType: ${logical}\n${physical === undefined ? '' : `        physicalType: ${physical}\n`}`;

describe('diffContracts on types', () => {
  it('reports a changed logical type as breaking, at logicalType', () => {
    const changes = diff(typed('string'), typed('integer'));
    expect(changes.map(brief)).toEqual([
      { type: 'type-changed', path: 'orders.amount', breaking: true, governance: false, old: 10, new: 10 },
    ]);
    expect(changes[0]?.message).toBe(
      'type of orders.amount changed from string to integer: consumers that read the old type break',
    );
  });

  it('reports integer -> number as a non-breaking widening', () => {
    expect(diff(typed('integer'), typed('number')).map(brief)).toEqual([
      { type: 'type-widened', path: 'orders.amount', breaking: false, governance: false, old: 10, new: 10 },
    ]);
  });

  it('reports date -> timestamp as a breaking change, not a widening', () => {
    expect(diff(typed('date'), typed('timestamp')).map(brief)).toEqual([
      { type: 'type-changed', path: 'orders.amount', breaking: true, governance: false, old: 10, new: 10 },
    ]);
  });

  it.each([
    ['string', 'VARCHAR(32)', 'VARCHAR(64)', 'type-widened'],
    ['string', 'VARCHAR(64)', 'VARCHAR(32)', 'type-changed'],
    ['string', 'VARCHAR(64)', 'TEXT', 'type-widened'],
    ['number', 'DECIMAL(10,2)', 'DECIMAL(12,2)', 'type-widened'],
    ['number', 'DECIMAL(10,2)', 'NUMERIC(12, 4)', 'type-widened'],
    ['number', 'DECIMAL(10,2)', 'DECIMAL(10,4)', 'type-changed'],
    ['integer', 'INTEGER', 'BIGINT', 'type-widened'],
    ['integer', 'BIGINT', 'INTEGER', 'type-changed'],
    ['number', 'FLOAT', 'DOUBLE', 'type-widened'],
    ['number', 'DOUBLE', 'DECIMAL(38,10)', 'type-changed'],
  ])('judges %s physicalType %s -> %s as %s, at physicalType', (logical, from, to, type) => {
    expect(diff(typed(logical, from), typed(logical, to)).map(brief)).toEqual([
      { type, path: 'orders.amount', breaking: type === 'type-changed', governance: false, old: 11, new: 11 },
    ]);
  });

  it('judges integer (INTEGER) -> number (DECIMAL(12,2)) as a widening, and (DECIMAL(8,2)) as a change', () => {
    expect(diff(typed('integer', 'INTEGER'), typed('number', 'DECIMAL(12,2)')).map((c) => c.type)).toEqual([
      'type-widened',
    ]);
    expect(diff(typed('integer', 'INTEGER'), typed('number', 'DECIMAL(8,2)')).map(brief)).toEqual([
      { type: 'type-changed', path: 'orders.amount', breaking: true, governance: false, old: 10, new: 10 },
    ]);
  });

  it('judges a dropped physical type against the logical default: VARCHAR(40) -> string is a widening', () => {
    expect(diff(typed('string', 'VARCHAR(40)'), typed('string')).map(brief)).toEqual([
      { type: 'type-widened', path: 'orders.amount', breaking: false, governance: false, old: 11, new: 10 },
    ]);
  });

  it('reports an object that became a string once, without listing its fields', () => {
    const changes = diff(
      `      - name: amount
        logicalType: object
        properties:
          - name: value
            logicalType: number
`,
      typed('string'),
    );
    expect(changes.map(brief)).toEqual([
      { type: 'type-changed', path: 'orders.amount', breaking: true, governance: false, old: 10, new: 10 },
    ]);
  });
});

const flagged = (flag: string): string => `${ID}${flag === '' ? '' : `        ${flag}\n`}`;

describe('diffContracts on nullability and uniqueness', () => {
  it('reports required added as breaking: old rows may hold nulls', () => {
    expect(diff(flagged(''), flagged('required: true')).map(brief)).toEqual([
      { type: 'required-added', path: 'orders.id', breaking: true, governance: false, old: 9, new: 11 },
    ]);
  });

  it('reports required removed as breaking: consumers may now receive nulls', () => {
    const changes = diff(flagged('required: true'), flagged('required: false'));
    expect(changes.map(brief)).toEqual([
      { type: 'required-removed', path: 'orders.id', breaking: true, governance: false, old: 11, new: 9 },
    ]);
    expect(changes[0]?.message).toBe('orders.id is no longer required: consumers may now receive nulls');
  });

  it('counts a primary key column as required', () => {
    const changes = diff(flagged('required: true'), flagged('primaryKey: true'));
    expect(changes.map((c) => c.type)).toEqual(['primary-key-changed']);
  });

  it('reports unique added and removed, both breaking', () => {
    expect(diff(flagged(''), flagged('unique: true')).map(brief)).toEqual([
      { type: 'unique-changed', path: 'orders.id', breaking: true, governance: false, old: 9, new: 11 },
    ]);
    expect(diff(flagged('unique: true'), flagged('')).map(brief)).toEqual([
      { type: 'unique-changed', path: 'orders.id', breaking: true, governance: false, old: 11, new: 9 },
    ]);
  });
});

const status = (values: string): string => `      - name: status
        logicalType: string
        quality:
          - metric: invalidValues
            arguments:
              validValues: ${values}
`;

describe('diffContracts on allowed values', () => {
  it('reports an added value as breaking: consumers may not handle it', () => {
    const changes = diff(status('[open, shipped]'), status('[open, shipped, returned]'));
    expect(changes.map(brief)).toEqual([
      {
        type: 'enum-value-added',
        path: 'orders.status',
        breaking: true,
        governance: false,
        old: 14,
        new: 14,
      },
    ]);
    expect(changes[0]?.message).toContain('"returned" added to the allowed values of orders.status');
  });

  it('reports a removed value as breaking: old rows may hold it', () => {
    expect(diff(status('[open, shipped]'), status('[open]')).map(brief)).toEqual([
      {
        type: 'enum-value-removed',
        path: 'orders.status',
        breaking: true,
        governance: false,
        old: 14,
        new: 14,
      },
    ]);
  });

  it('reports removals before additions when both happen', () => {
    expect(diff(status('[open, shipped]'), status('[open, lost]')).map((c) => c.type)).toEqual([
      'enum-value-removed',
      'enum-value-added',
    ]);
  });

  it('reports introduced allowed values as a tightened constraint, not as a new quality rule', () => {
    expect(diff(`      - name: status\n        logicalType: string\n`, status('[open]')).map(brief)).toEqual([
      {
        type: 'constraint-tightened',
        path: 'orders.status',
        breaking: true,
        governance: false,
        old: 9,
        new: 14,
      },
    ]);
  });

  it('reports dropped allowed values as a loosened constraint', () => {
    expect(diff(status('[open]'), `      - name: status\n        logicalType: string\n`).map(brief)).toEqual([
      {
        type: 'constraint-loosened',
        path: 'orders.status',
        breaking: true,
        governance: false,
        old: 14,
        new: 9,
      },
    ]);
  });
});

const option = (logical: string, options: string): string =>
  `      - name: sku\n        logicalType: ${logical}\n${options === '' ? '' : `        logicalTypeOptions:\n          ${options}\n`}`;

describe('diffContracts on logicalTypeOptions', () => {
  it('reports a lowered maxLength as tightened, saying why it breaks', () => {
    const changes = diff(option('string', 'maxLength: 40'), option('string', 'maxLength: 32'));
    expect(changes.map(brief)).toEqual([
      {
        type: 'constraint-tightened',
        path: 'orders.sku',
        breaking: true,
        governance: false,
        old: 12,
        new: 12,
      },
    ]);
    expect(changes[0]?.message).toBe(
      'maxLength of orders.sku lowered from 40 to 32: longer values written before no longer fit',
    );
    expect(changes[0]?.new?.path).toBe('schema[0].properties[0].logicalTypeOptions.maxLength');
  });

  it('reports a raised maxLength as loosened, breaking for consumers', () => {
    const changes = diff(option('string', 'maxLength: 32'), option('string', 'maxLength: 40'));
    expect(changes.map(brief)).toEqual([
      {
        type: 'constraint-loosened',
        path: 'orders.sku',
        breaking: true,
        governance: false,
        old: 12,
        new: 12,
      },
    ]);
    expect(changes[0]?.message).toContain('consumers may now receive longer values');
  });

  it('locates an added bound at the property in the old file', () => {
    expect(diff(option('integer', ''), option('integer', 'minimum: 1')).map(brief)).toEqual([
      {
        type: 'constraint-tightened',
        path: 'orders.sku',
        breaking: true,
        governance: false,
        old: 9,
        new: 12,
      },
    ]);
  });

  it('reports a removed bound as loosened', () => {
    expect(diff(option('integer', 'maximum: 100'), option('integer', '')).map(brief)).toEqual([
      { type: 'constraint-loosened', path: 'orders.sku', breaking: true, governance: false, old: 12, new: 9 },
    ]);
  });

  it.each([
    ['string', "pattern: '^[A-Z]+$'", "pattern: '^[A-Z0-9]+$'", 'constraint-changed'],
    ['number', 'multipleOf: 0.01', 'multipleOf: 0.1', 'constraint-tightened'],
    ['number', 'multipleOf: 0.1', 'multipleOf: 0.01', 'constraint-loosened'],
    ['number', 'multipleOf: 0.1', 'multipleOf: 0.25', 'constraint-changed'],
    ['date', "minimum: '2020-01-01'", "minimum: '2021-01-01'", 'constraint-tightened'],
    ['number', 'exclusiveMinimum: 0', 'exclusiveMinimum: -1', 'constraint-loosened'],
    ['array', 'uniqueItems: false', 'uniqueItems: true', 'constraint-tightened'],
    ['array', 'minItems: 1', 'minItems: 0', 'constraint-loosened'],
    ['timestamp', 'timezone: true', 'timezone: false', 'constraint-changed'],
    ['string', 'format: email', 'format: uri', 'constraint-changed'],
  ])('judges %s %s -> %s as %s', (logical, from, to, type) => {
    expect(diff(option(logical, from), option(logical, to)).map(brief)).toEqual([
      { type, path: 'orders.sku', breaking: true, governance: false, old: 12, new: 12 },
    ]);
  });

  it('ignores a flag set to its default', () => {
    expect(diff(option('array', ''), option('array', 'uniqueItems: false'))).toEqual([]);
  });
});

describe('diffContracts on nested properties and array items', () => {
  const customer = (extra: string): string => `      - name: customer
        logicalType: object
        properties:
          - name: id
            logicalType: string
${extra}`;

  it('reports a nested field removed under its dotted path', () => {
    const changes = diff(
      customer('          - name: email\n            logicalType: string\n'),
      customer(''),
    );
    expect(changes.map(brief)).toEqual([
      {
        type: 'property-removed',
        path: 'orders.customer.email',
        breaking: true,
        governance: false,
        old: 14,
        new: undefined,
      },
    ]);
    expect(changes[0]?.old?.path).toBe('schema[0].properties[0].properties[1]');
  });

  it('reports a required nested field added as breaking', () => {
    const changes = diff(customer(''), customer('          - name: email\n            required: true\n'));
    expect(changes.map(brief)).toEqual([
      {
        type: 'property-added',
        path: 'orders.customer.email',
        breaking: true,
        governance: false,
        old: undefined,
        new: 14,
      },
    ]);
  });

  it('follows array items of objects, naming the element `[]`', () => {
    const lines = (type: string): string => `      - name: lines
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: qty
              logicalType: ${type}
`;
    expect(diff(lines('integer'), lines('number')).map(brief)).toEqual([
      {
        type: 'type-widened',
        path: 'orders.lines[].qty',
        breaking: false,
        governance: false,
        old: 15,
        new: 15,
      },
    ]);
  });

  it('reports a changed element type of a scalar array', () => {
    const tags = (type: string): string =>
      `      - name: tags\n        logicalType: array\n        items:\n          logicalType: ${type}\n`;
    expect(diff(tags('string'), tags('integer')).map(brief)).toEqual([
      { type: 'type-changed', path: 'orders.tags[]', breaking: true, governance: false, old: 12, new: 12 },
    ]);
    expect(diff(`      - name: tags\n        logicalType: array\n`, tags('string')).map(brief)).toEqual([
      { type: 'type-changed', path: 'orders.tags[]', breaking: true, governance: false, old: 9, new: 12 },
    ]);
  });
});

const classified = (level: string): string =>
  `      - name: email\n        logicalType: string\n${level === '' ? '' : `        classification: ${level}\n`}`;

describe('diffContracts on classification', () => {
  it('reports a lowered classification as a governance event that breaks nobody', () => {
    const changes = diff(classified('restricted'), classified('internal'));
    expect(changes.map(brief)).toEqual([
      {
        type: 'classification-lowered',
        path: 'orders.email',
        breaking: false,
        governance: true,
        old: 11,
        new: 11,
      },
    ]);
    expect(changes[0]?.message).toContain('lowered from restricted to internal');
  });

  it('reports a raised classification, not as a governance event', () => {
    expect(diff(classified('public'), classified('confidential')).map(brief)).toEqual([
      {
        type: 'classification-raised',
        path: 'orders.email',
        breaking: false,
        governance: false,
        old: 11,
        new: 11,
      },
    ]);
  });

  it('treats a dropped classification as lowered', () => {
    expect(diff(classified('secret'), classified('')).map(brief)).toEqual([
      {
        type: 'classification-lowered',
        path: 'orders.email',
        breaking: false,
        governance: true,
        old: 11,
        new: 9,
      },
    ]);
  });

  it('compares unknown levels as text and always flags them for governance', () => {
    expect(diff(classified('restricted'), classified('pii')).map(brief)).toEqual([
      {
        type: 'classification-lowered',
        path: 'orders.email',
        breaking: false,
        governance: true,
        old: 11,
        new: 11,
      },
    ]);
    expect(diff(classified('internal'), classified('sensitive')).map(brief)).toEqual([
      {
        type: 'classification-raised',
        path: 'orders.email',
        breaking: false,
        governance: true,
        old: 11,
        new: 11,
      },
    ]);
  });

  it('ignores a change of letter case within a known level', () => {
    expect(diff(classified('Restricted'), classified('restricted'))).toEqual([]);
  });
});

describe('diffContracts on annotations', () => {
  it('reports description and tags changes as one non-breaking annotation change', () => {
    const changes = diff(
      `${ID}        description: The order.\n        tags: [a]\n`,
      `${ID}        description: The order id.\n        tags: [a, b]\n`,
    );
    expect(changes.map(brief)).toEqual([
      { type: 'annotation-changed', path: 'orders.id', breaking: false, governance: false, old: 11, new: 11 },
    ]);
    expect(changes[0]?.message).toBe('description, tags of orders.id changed');
  });

  it('reports changed examples and business names', () => {
    const changes = diff(
      `${ID}        examples: [A-1]\n`,
      `${ID}        businessName: Order\n        examples: [A-2]\n`,
    );
    expect(changes.map(brief)).toEqual([
      { type: 'annotation-changed', path: 'orders.id', breaking: false, governance: false, old: 9, new: 11 },
    ]);
    expect(changes[0]?.message).toBe('businessName, examples of orders.id changed');
  });
});
