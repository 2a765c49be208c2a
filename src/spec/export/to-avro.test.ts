import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DataContract } from '../model/data-contract.js';
import { normalizeContract } from '../model/normalize-contract.js';
import { AVRO_NAME } from './avro-name.js';
import type { AvroRecord, AvroType } from './avro-types.js';
import { contractToAvro } from './to-avro.js';

const EXAMPLES = fileURLToPath(new URL('../../../test/fixtures/standards/odcs/examples', import.meta.url));
const example = (file: string): DataContract =>
  normalizeContract(parse(readFileSync(join(EXAMPLES, file), 'utf8')));
const inline = (yaml: string): DataContract => normalizeContract(parse(yaml));

const fieldTypes = (record: AvroRecord) => Object.fromEntries(record.fields.map((f) => [f.name, f.type]));

/** Every record in the schema, depth first, to check names the way an Avro parser would. */
function records(type: AvroType): AvroRecord[] {
  if (typeof type === 'string') return [];
  if (Array.isArray(type)) return type.flatMap((t: AvroType) => records(t));
  if ('fields' in type) return [type, ...type.fields.flatMap((f) => records(f.type))];
  return 'items' in type ? records(type.items) : [];
}

describe('contractToAvro on all-data-types.odcs.yaml', () => {
  const schema = contractToAvro(example('all-data-types.odcs.yaml'));

  it('names the record after the physical name, in the data product namespace', () => {
    expect(schema).toMatchObject({
      type: 'record',
      name: 'transactions_tbl',
      namespace: 'my_quantum',
      doc: 'Provides core payment metrics',
    });
  });

  it('maps logical types, optional ones as ["null", T] with default null', () => {
    expect(fieldTypes(schema)).toEqual({
      account_id: ['null', 'string'],
      txn_ref_date: ['null', { type: 'int', logicalType: 'date' }],
      txn_timestamp: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      txn_timestamp_tz: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      txn_time: ['null', { type: 'int', logicalType: 'time-millis' }],
      // format f32; an explicit i64 format wins over physicalType "int".
      amount: ['null', 'float'],
      age: ['null', 'long'],
      is_open: ['null', 'boolean'],
      latest_txns: ['null', { type: 'array', items: 'string' }],
      customer_details: ['null', 'string'],
    });
    for (const field of schema.fields) expect(field.default).toBeNull();
  });
});

describe('contractToAvro on full-example.odcs.yaml', () => {
  const contract = example('full-example.odcs.yaml');

  it('uses domain and data product as namespace and makes primary keys non-null', () => {
    const schema = contractToAvro(contract);
    expect(schema.name).toBe('tbl_1');
    expect(schema.namespace).toBe('seller.my_quantum');
    expect(schema.fields[1]).toEqual({
      name: 'rcvr_id',
      doc: 'A description for column rcvr_id.',
      type: 'string',
    });
    expect(schema.fields[0]).toEqual({
      name: 'txn_ref_dt',
      doc: 'Reference date for transaction',
      type: ['null', { type: 'int', logicalType: 'date' }],
      default: null,
    });
  });

  it('picks a schema object by name and takes a namespace override, sanitized', () => {
    const schema = contractToAvro(contract, { schemaObject: 'receivers', namespace: 'com.acme.sales-team' });
    expect(schema.name).toBe('receivers_master');
    expect(schema.namespace).toBe('com.acme.sales_team');
    expect(fieldTypes(schema)).toMatchObject({ id: 'string', receiver_type: ['null', 'string'] });
  });
});

describe('contractToAvro: nested types, decimals, integers and names', () => {
  it('builds nested records named by their path', () => {
    const schema = contractToAvro(example('all-schema-types.odcs.yaml'), { schemaObject: 'AnotherObject' });
    expect(schema.fields[0]?.type).toEqual([
      'null',
      {
        type: 'array',
        items: {
          type: 'record',
          name: 'AnotherObject_x',
          fields: [
            { name: 'id', type: ['null', 'string'], default: null },
            { name: 'zip', type: ['null', 'string'], default: null },
          ],
        },
      },
    ]);
  });

  const contract = inline(`
kind: DataContract
id: types
domain: Sales & Marketing
dataProduct: 2024 orders
schema:
  - name: orders
    physicalName: order-items 2024
    properties:
      - { name: price, logicalType: number, physicalType: 'DECIMAL(10,2)', required: true }
      - { name: ratio, logicalType: number, physicalType: numeric(5) }
      - { name: total, logicalType: number, physicalType: double }
      - { name: qty, logicalType: integer, physicalType: INTEGER, required: true }
      - { name: small, logicalType: integer, physicalType: smallint(6) }
      - { name: big, logicalType: integer, physicalType: BIGINT }
      - { name: id, logicalType: string, logicalTypeOptions: { format: uuid }, required: true }
      - { name: 1st value, logicalType: string }
      - { name: a-b, logicalType: string }
      - { name: a b, logicalType: string }
      - { name: a b, logicalType: integer, description: same physical name, ignored }
      - name: customer
        logicalType: object
        required: true
        properties:
          - name: address
            logicalType: object
            properties:
              - { name: street, logicalType: string, required: true }
      - name: customer-x
        properties:
          - { name: n, logicalType: integer }
`);
  const schema = contractToAvro(contract);

  it('maps DECIMAL(p,s) to bytes/decimal and sizes integers by physical type', () => {
    expect(fieldTypes(schema)).toMatchObject({
      price: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 },
      ratio: ['null', { type: 'bytes', logicalType: 'decimal', precision: 5, scale: 0 }],
      total: ['null', 'double'],
      qty: 'int',
      small: ['null', 'int'],
      big: ['null', 'long'],
      id: { type: 'string', logicalType: 'uuid' },
    });
  });

  it('sanitizes names to Avro rules and keeps them unique', () => {
    expect(schema.name).toBe('order_items_2024');
    expect(schema.namespace).toBe('Sales___Marketing._2024_orders');
    expect(schema.fields.map((f) => f.name)).toEqual([
      'price',
      'ratio',
      'total',
      'qty',
      'small',
      'big',
      'id',
      '_1st_value',
      'a_b',
      'a_b_2',
      'customer',
      'customer_x',
    ]);
    const names = records(schema).map((r) => r.name);
    expect(names).toEqual([
      'order_items_2024',
      'order_items_2024_customer',
      'order_items_2024_customer_address',
      'order_items_2024_customer_x',
    ]);
  });
});

describe('contractToAvro on every official example', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s: names follow Avro rules, are unique, and unions start with null', (file) => {
    const contract = example(file);
    for (const object of contract.schema) {
      const schema = contractToAvro(contract, { schemaObject: object.name });
      const all = records(schema);
      expect(new Set(all.map((r) => r.name)).size).toBe(all.length);
      for (const record of all) {
        expect(record.name).toMatch(AVRO_NAME);
        const fieldNames = record.fields.map((f) => f.name);
        expect(new Set(fieldNames).size).toBe(fieldNames.length);
        for (const field of record.fields) {
          expect(field.name).toMatch(AVRO_NAME);
          if (Array.isArray(field.type)) expect([field.type[0], field.default]).toEqual(['null', null]);
          else expect('default' in field).toBe(false);
        }
      }
      for (const part of schema.namespace?.split('.') ?? []) expect(part).toMatch(AVRO_NAME);
    }
  });
});
