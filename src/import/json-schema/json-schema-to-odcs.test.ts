import { describe, expect, it } from 'vitest';
import { validateWorkspace } from '../../spec/validate/index.js';
import type { OdcsDocument, OdcsProperty } from '../odcs-types.js';
import { renderYaml } from '../render-yaml.js';
import { jsonSchemaToOdcs } from './json-schema-to-odcs.js';

function errors(document: OdcsDocument): unknown[] {
  const report = validateWorkspace([
    { file: 'c.odcs.yaml', bytes: new TextEncoder().encode(renderYaml(document, [])) },
  ]);
  expect(report.files[0]).toMatchObject({ kind: 'DataContract', apiVersion: 'v3.1.0' });
  return (report.files[0]?.diagnostics ?? []).filter((d) => d.severity === 'error');
}

const ORDER = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Order',
  description: 'An order as the shop sends it.',
  type: 'object',
  required: ['order_id', 'placed_at', 'note'],
  properties: {
    order_id: { type: 'string', format: 'uuid', description: 'The order.' },
    placed_at: { type: 'string', format: 'date-time' },
    day: { type: 'string', format: 'date' },
    at: { type: 'string', format: 'time' },
    note: { type: ['string', 'null'], maxLength: 200 },
    status: { enum: ['placed', 'paid', null] },
    amount: { type: 'number', minimum: 0, exclusiveMaximum: 1000, multipleOf: 0.01 },
    count: { type: 'integer', format: 'int64' },
    mixed: { type: ['integer', 'number'] },
    code: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, examples: ['EUR'] },
    customer: { $ref: '#/$defs/customer' },
    lines: { type: 'array', minItems: 1, items: { $ref: '#/definitions/line' } },
    tags: { type: 'array', uniqueItems: true, items: { type: 'string' } },
    extra: { anyOf: [{ type: 'boolean' }, { type: 'null' }], default: false },
  },
  $defs: {
    customer: {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string' }, email: { type: 'string', format: 'email' } },
    },
  },
  definitions: {
    line: {
      allOf: [
        { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
        { properties: { qty: { type: 'integer', minimum: 1 } } },
      ],
    },
  },
};

describe('jsonSchemaToOdcs', () => {
  const { document, gaps } = jsonSchemaToOdcs(ORDER, { name: 'orders' });
  const props: Record<string, OdcsProperty> = Object.fromEntries(
    (document.schema[0]?.properties ?? []).map((p) => [p.name, p]),
  );

  it('writes one schema object for the root object, valid under ODCS v3.1.0', () => {
    expect(errors(document)).toEqual([]);
    expect(document).toMatchObject({
      id: 'orders',
      name: 'Order',
      status: 'draft',
      description: { purpose: 'An order as the shop sends it.' },
    });
    expect(document.schema[0]).toMatchObject({ name: 'orders', businessName: 'Order' });
    expect(gaps).toEqual([]);
  });

  it('maps types and formats, and required to never-null', () => {
    expect(props.order_id).toEqual({
      name: 'order_id',
      physicalName: 'order_id',
      logicalType: 'string',
      logicalTypeOptions: { format: 'uuid' },
      required: true,
      description: 'The order.',
    });
    expect(props.placed_at).toMatchObject({
      logicalType: 'timestamp',
      logicalTypeOptions: { timezone: true },
      required: true,
    });
    expect(props.day?.logicalType).toBe('date');
    expect(props.at?.logicalType).toBe('time');
    // Listed in required but nullable: it may hold null, so ODCS `required` stays off.
    expect(props.note).toMatchObject({ logicalType: 'string', logicalTypeOptions: { maxLength: 200 } });
    expect(props.note?.required).toBeUndefined();
    expect(props.count).toMatchObject({ logicalType: 'integer', logicalTypeOptions: { format: 'i64' } });
    expect(props.mixed?.logicalType).toBe('number');
  });

  it('keeps string, number and array constraints, enums and examples', () => {
    expect(props.amount?.logicalTypeOptions).toEqual({
      minimum: 0,
      exclusiveMaximum: 1000,
      multipleOf: 0.01,
    });
    expect(props.code).toMatchObject({
      logicalTypeOptions: { minLength: 3, pattern: '^[A-Z]{3}$' },
      examples: ['EUR'],
    });
    expect(props.status).toMatchObject({
      logicalType: 'string',
      quality: [{ metric: 'invalidValues', arguments: { validValues: ['placed', 'paid'] }, mustBe: 0 }],
    });
    expect(props.tags).toMatchObject({
      logicalType: 'array',
      logicalTypeOptions: { uniqueItems: true },
      items: { logicalType: 'string' },
    });
    expect(props.extra).toMatchObject({
      logicalType: 'boolean',
      customProperties: [{ property: 'defaultValue', value: false }],
    });
  });

  it('resolves $ref within the document and merges allOf', () => {
    expect(props.customer).toMatchObject({
      logicalType: 'object',
      properties: [
        { name: 'id', logicalType: 'string', required: true },
        { name: 'email', logicalTypeOptions: { format: 'email' } },
      ],
    });
    expect(props.lines).toMatchObject({
      logicalType: 'array',
      logicalTypeOptions: { minItems: 1 },
      items: {
        logicalType: 'object',
        properties: [
          { name: 'sku', required: true },
          { name: 'qty', logicalType: 'integer', logicalTypeOptions: { minimum: 1 } },
        ],
      },
    });
  });

  it('converts draft-4 exclusive bounds', () => {
    const draft4 = {
      type: 'object',
      properties: { n: { type: 'number', minimum: 5, exclusiveMinimum: true } },
    };
    expect(
      jsonSchemaToOdcs(draft4, { name: 'x' }).document.schema[0]?.properties[0]?.logicalTypeOptions,
    ).toEqual({
      exclusiveMinimum: 5,
    });
  });

  it('stops at a recursive reference, reports external ones and unsupported keywords', () => {
    const schema = {
      type: 'object',
      properties: {
        tree: { $ref: '#/$defs/node' },
        other: { $ref: 'https://example.com/other.json' },
        pick: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        map: { type: 'object', additionalProperties: { type: 'string' } },
        odd: { type: 'string', not: { const: 'x' } },
      },
      $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } },
    };
    const { document, gaps } = jsonSchemaToOdcs(schema, { name: 'x' });
    expect(document.schema[0]?.properties[0]).toMatchObject({
      name: 'tree',
      logicalType: 'object',
      properties: [{ name: 'child', logicalType: 'object' }],
    });
    expect(gaps.map((g) => `${g.where}: ${g.message}`)).toEqual([
      "$.properties.tree.properties.child: '#/$defs/node' refers to itself: the recursion stops here (an object without properties)",
      "$.properties.other: 'https://example.com/other.json' is outside this document: not resolved",
      '$.properties.pick: a union of 2 schemas: only the first is carried over',
      '$.properties.map: additionalProperties with a schema (a map) not carried over: ODCS has no map type',
      "$.properties.odd: keyword 'not' not carried over",
    ]);
    expect(errors(document)).toEqual([]);
  });

  it('reads a root array as its items, and definitions-only documents as one object each', () => {
    const array = jsonSchemaToOdcs(
      { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } },
      { name: 'rows' },
    );
    expect(array.document.schema[0]?.properties.map((p) => p.name)).toEqual(['a']);
    const defs = jsonSchemaToOdcs(
      {
        definitions: {
          Customer: { type: 'object', properties: { id: { type: 'string' } } },
          Id: { type: 'string' },
        },
      },
      { name: 'bundle' },
    );
    expect(defs.document.schema.map((o) => o.name)).toEqual(['customer']);
  });

  it('refuses a schema that describes no object', () => {
    expect(() => jsonSchemaToOdcs({ type: 'string' }, { name: 'x' })).toThrow(/describes no object/);
    expect(() => jsonSchemaToOdcs([], { name: 'x' })).toThrow(/is an object/);
  });
});
