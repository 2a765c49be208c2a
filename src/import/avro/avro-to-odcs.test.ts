import { describe, expect, it } from 'vitest';
import { validateWorkspace } from '../../spec/validate/index.js';
import type { OdcsDocument, OdcsProperty } from '../odcs-types.js';
import { renderYaml } from '../render-yaml.js';
import { avroToOdcs } from './avro-to-odcs.js';

function errors(document: OdcsDocument): unknown[] {
  const report = validateWorkspace([
    { file: 'c.odcs.yaml', bytes: new TextEncoder().encode(renderYaml(document, [])) },
  ]);
  expect(report.files[0]).toMatchObject({ kind: 'DataContract', apiVersion: 'v3.1.0' });
  return (report.files[0]?.diagnostics ?? []).filter((d) => d.severity === 'error');
}

const ORDER = {
  type: 'record',
  name: 'Order',
  namespace: 'com.shop',
  doc: 'An order event.',
  fields: [
    { name: 'order_id', type: { type: 'string', logicalType: 'uuid' }, doc: 'The order.' },
    { name: 'count', type: 'int' },
    { name: 'total', type: 'long' },
    { name: 'ratio', type: 'float' },
    { name: 'score', type: 'double' },
    { name: 'paid', type: 'boolean' },
    { name: 'raw', type: 'bytes' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'at', type: { type: 'int', logicalType: 'time-millis' } },
    { name: 'placed_at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'local_at', type: { type: 'long', logicalType: 'local-timestamp-micros' } },
    { name: 'note', type: ['null', 'string'], default: null },
    {
      name: 'status',
      type: { type: 'enum', name: 'Status', symbols: ['PLACED', 'PAID'] },
      default: 'PLACED',
    },
    {
      name: 'customer',
      type: {
        type: 'record',
        name: 'Customer',
        fields: [
          { name: 'id', type: 'string' },
          { name: 'email', type: ['null', 'string'] },
        ],
      },
    },
    { name: 'previous', type: ['null', 'Customer'] },
    {
      name: 'lines',
      type: {
        type: 'array',
        items: { type: 'record', name: 'Line', fields: [{ name: 'sku', type: 'string' }] },
      },
    },
    { name: 'attributes', type: { type: 'map', values: 'string' } },
    { name: 'choice', type: ['null', 'string', 'long'] },
  ],
};

describe('avroToOdcs', () => {
  const { document, gaps } = avroToOdcs(ORDER, { name: 'orders' });
  const props: Record<string, OdcsProperty> = Object.fromEntries(
    (document.schema[0]?.properties ?? []).map((p) => [p.name, p]),
  );

  it('writes a schema object per record, valid under ODCS v3.1.0', () => {
    expect(errors(document)).toEqual([]);
    expect(document.schema[0]).toMatchObject({
      name: 'Order',
      physicalType: 'record',
      description: 'An order event.',
      customProperties: [{ property: 'namespace', value: 'com.shop' }],
    });
  });

  it('maps primitive and logical types', () => {
    const types = Object.fromEntries(
      Object.entries(props).map(([n, p]) => [n, [p.logicalType, p.logicalTypeOptions ?? {}, p.physicalType]]),
    );
    expect(types).toMatchObject({
      order_id: ['string', { format: 'uuid' }, 'uuid'],
      count: ['integer', { format: 'i32' }, 'int'],
      total: ['integer', { format: 'i64' }, 'long'],
      ratio: ['number', { format: 'f32' }, 'float'],
      score: ['number', { format: 'f64' }, 'double'],
      paid: ['boolean', {}, 'boolean'],
      raw: ['string', { format: 'binary' }, 'bytes'],
      amount: ['number', {}, 'decimal(10,2)'],
      day: ['date', {}, 'date'],
      at: ['time', {}, 'time-millis'],
      placed_at: ['timestamp', { timezone: true }, 'timestamp-millis'],
      local_at: ['timestamp', { timezone: false }, 'local-timestamp-micros'],
    });
  });

  it('reads unions with null as optional, everything else as required', () => {
    expect(props.order_id).toMatchObject({ required: true, description: 'The order.' });
    expect(props.note?.required).toBeUndefined();
    expect(props.note?.customProperties).toBeUndefined();
  });

  it('keeps enums as allowed values with their default, nested and named records, arrays of records', () => {
    expect(props.status).toMatchObject({
      logicalType: 'string',
      quality: [{ metric: 'invalidValues', arguments: { validValues: ['PLACED', 'PAID'] } }],
      customProperties: [{ property: 'defaultValue', value: 'PLACED' }],
    });
    expect(props.customer?.properties).toEqual([
      { name: 'id', physicalName: 'id', logicalType: 'string', physicalType: 'string', required: true },
      { name: 'email', physicalName: 'email', logicalType: 'string', physicalType: 'string' },
    ]);
    expect(props.previous).toMatchObject({
      logicalType: 'object',
      properties: [{ name: 'id' }, { name: 'email' }],
    });
    expect(props.lines?.items).toMatchObject({
      logicalType: 'object',
      properties: [{ name: 'sku', required: true }],
    });
  });

  it('reports maps and unions of several types', () => {
    expect(props.attributes).toMatchObject({ logicalType: 'object', physicalType: 'map' });
    expect(gaps).toEqual([
      { where: 'Order.attributes', message: 'ODCS has no map type: written as an object without properties' },
      { where: 'Order.choice', message: 'a union of 2 types: only the first is carried over' },
    ]);
  });

  it('stops at a record that contains itself', () => {
    const tree = {
      type: 'record',
      name: 'Node',
      fields: [{ name: 'children', type: { type: 'array', items: 'Node' } }],
    };
    const { document, gaps } = avroToOdcs(tree, { name: 'tree' });
    expect(document.schema[0]?.properties[0]?.items).toEqual({
      logicalType: 'object',
      physicalType: 'record',
    });
    expect(gaps[0]?.message).toContain('contains itself');
    expect(errors(document)).toEqual([]);
  });

  it('takes a union of records as one schema object each, named types usable by later ones', () => {
    const { document } = avroToOdcs(
      [
        { type: 'enum', name: 'Kind', symbols: ['A'] },
        { type: 'record', name: 'A', fields: [{ name: 'kind', type: 'Kind' }] },
        { type: 'record', name: 'B', fields: [{ name: 'a', type: 'A' }] },
      ],
      { name: 'both' },
    );
    expect(document.schema.map((o) => o.name)).toEqual(['A', 'B']);
    expect(document.schema[1]?.properties[0]).toMatchObject({
      logicalType: 'object',
      properties: [{ name: 'kind' }],
    });
  });

  it('refuses a schema without a record', () => {
    expect(() => avroToOdcs('string', { name: 'x' })).toThrow(/no record/);
  });
});
