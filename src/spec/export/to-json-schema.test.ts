import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MeshplaneError } from '../../errors/index.js';
import type { DataContract } from '../model/data-contract.js';
import { normalizeContract } from '../model/normalize-contract.js';
import { JSON_SCHEMA_DIALECT, type JsonSchema, ODCS_ANNOTATION_KEYWORDS } from './json-schema-types.js';
import { contractToJsonSchema } from './to-json-schema.js';

const EXAMPLES = fileURLToPath(new URL('../../../test/fixtures/standards/odcs/examples', import.meta.url));
const example = (file: string): DataContract =>
  normalizeContract(parse(readFileSync(join(EXAMPLES, file), 'utf8')));
const inline = (yaml: string): DataContract => normalizeContract(parse(yaml));

// See compiled-schemas.ts: the CommonJS default export is the plugin itself at run time.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

/** Strict Ajv: unknown keywords or formats and misplaced keywords fail the compile. */
function validator(schema: object) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary([...ODCS_ANNOTATION_KEYWORDS]);
  const validate = ajv.compile(schema);
  return (record: unknown) => validate(record);
}

describe('contractToJsonSchema on all-data-types.odcs.yaml', () => {
  const contract = example('all-data-types.odcs.yaml');
  const schema = contractToJsonSchema(contract);
  const props = schema.properties;
  const valid = {
    account_id: 'ACC12345678',
    txn_ref_date: '2020-06-01',
    txn_timestamp: '2020-06-01T10:00:00Z',
    txn_timestamp_tz: '2020-06-01T10:00:00+10:00',
    txn_time: '10:00:00Z',
    amount: 12.5,
    age: 42,
    is_open: true,
    latest_txns: ['a', 'b'],
    customer_details: { num_children: 2 },
  };
  const validate = validator(schema);

  it('is a draft 2020-12 object schema of the first schema object', () => {
    expect(schema.$schema).toBe(JSON_SCHEMA_DIALECT);
    expect(schema.title).toBe('transactions_tbl');
    expect(schema.description).toBe('Provides core payment metrics');
    expect(schema.type).toBe('object');
    expect(Object.keys(props)).toEqual([
      'account_id',
      'txn_ref_date',
      'txn_timestamp',
      'txn_timestamp_tz',
      'txn_time',
      'amount',
      'age',
      'is_open',
      'latest_txns',
      'customer_details',
    ]);
    expect(schema.additionalProperties).toBeUndefined();
    expect(schema.required).toBeUndefined();
  });

  it('maps logical types to types and formats, nullable when not required', () => {
    expect(props.txn_ref_date).toMatchObject({ type: ['string', 'null'], format: 'date' });
    expect(props.txn_timestamp).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
    expect(props.txn_time).toMatchObject({ type: ['string', 'null'], format: 'time' });
    expect(props.amount?.type).toEqual(['number', 'null']);
    expect(props.age?.type).toEqual(['integer', 'null']);
    expect(props.is_open?.type).toEqual(['boolean', 'null']);
    expect(props.latest_txns?.type).toEqual(['array', 'null']);
    expect(props.customer_details?.type).toEqual(['object', 'null']);
  });

  it('maps logicalTypeOptions to keywords and keeps the rest as annotations', () => {
    expect(props.account_id).toMatchObject({ pattern: 'ACC[0-9]{8}', minLength: 11, maxLength: 11 });
    expect(props.age).toMatchObject({ minimum: 18, exclusiveMaximum: 100 });
    expect(props.age?.['x-odcs-logicalTypeOptions']).toEqual({ format: 'i64' });
    expect(props.latest_txns).toMatchObject({ minItems: 0, maxItems: 3, uniqueItems: true });
    expect(props.customer_details).toMatchObject({ maxProperties: 5 });
    expect(props.txn_timestamp_tz?.['x-odcs-logicalTypeOptions']).toEqual({
      format: 'yyyy-MM-dd HH:mm:ssZ',
      minimum: '2020-01-01 00:00:00+10:00',
      maximum: '2021-01-01 00:00:00+10:00',
      timezone: true,
      defaultTimezone: 'Australia/Sydney',
    });
    expect(props.is_open?.['x-odcs-physicalType']).toBe('bool');
  });

  it('accepts a valid record, an all-null record and an empty one', () => {
    expect(validate(valid)).toBe(true);
    expect(validate(Object.fromEntries(Object.keys(valid).map((k) => [k, null])))).toBe(true);
    expect(validate({})).toBe(true);
  });

  it.each([
    ['a pattern violation', { account_id: 'XYZ12345678' }],
    ['a string too short', { account_id: 'ACC1234567' }],
    ['a wrong type', { amount: '12.5' }],
    ['a number for an integer', { age: 42.5 }],
    ['a value under the minimum', { amount: -1 }],
    ['a value at the exclusive maximum', { age: 100 }],
    ['a value that is no date', { txn_ref_date: '2020-13-45' }],
    ['a timestamp that is no RFC 3339 date-time', { txn_timestamp: 'yesterday' }],
    ['duplicate array items', { latest_txns: ['a', 'a'] }],
    ['too many array items', { latest_txns: ['a', 'b', 'c', 'd'] }],
    ['too many object properties', { customer_details: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 } }],
    ['a boolean as text', { is_open: 'true' }],
  ])('rejects %s', (_, change) => {
    expect(validate({ ...valid, ...change })).toBe(false);
  });
});

describe('contractToJsonSchema on all-schema-types.odcs.yaml', () => {
  const contract = example('all-schema-types.odcs.yaml');
  const schema = contractToJsonSchema(contract);
  const validate = validator(schema);

  it('takes required from the primary key and keeps ODCS facts as x-odcs-* annotations', () => {
    expect(schema.required).toEqual(['rcvr_id']);
    expect(schema['x-odcs-physicalType']).toBe('table');
    expect(schema.properties.rcvr_id).toEqual({
      title: 'receiver id',
      description: 'A description for column rcvr_id.',
      type: 'string',
      'x-odcs-physicalType': 'varchar(18)',
      'x-odcs-primaryKey': true,
      'x-odcs-primaryKeyPosition': 1,
      'x-odcs-classification': 'restricted',
    });
    expect(schema.properties.txn_ref_dt).toMatchObject({
      title: 'transaction reference date',
      examples: ['2022-10-03', '2020-01-28'],
      'x-odcs-classification': 'public',
    });
  });

  it('accepts the examples of the contract and rejects records that break it', () => {
    for (const date of contract.schema[0]?.properties[0]?.examples ?? []) {
      expect(validate({ txn_ref_dt: date, rcvr_id: 'R1' })).toBe(true);
    }
    expect(validate({ txn_ref_dt: '2022-10-03' })).toBe(false);
    expect(validate({ rcvr_id: null })).toBe(false);
    expect(validate({ rcvr_id: 'R1', txn_ref_dt: 20221003 })).toBe(false);
  });

  it('is an open content model by default and a closed one on request', () => {
    expect(validate({ rcvr_id: 'R1', added_later: 1 })).toBe(true);
    const closed = contractToJsonSchema(contract, { contentModel: 'closed' });
    expect(closed.additionalProperties).toBe(false);
    expect(validator(closed)({ rcvr_id: 'R1', added_later: 1 })).toBe(false);
    expect(validator(closed)({ rcvr_id: 'R1' })).toBe(true);
  });

  it('picks a schema object by name and describes nested arrays and objects', () => {
    const nested = contractToJsonSchema(contract, { schemaObject: 'AnotherObject' });
    expect(nested.title).toBe('AnotherObject');
    expect(nested.properties.x?.items).toEqual({
      type: 'object',
      properties: {
        id: { type: ['string', 'null'], 'x-odcs-physicalType': 'VARCHAR(40)' },
        zip: { type: ['string', 'null'], 'x-odcs-physicalType': 'VARCHAR(15)' },
      },
      'x-odcs-physicalType': 'object',
    });
    const check = validator(nested);
    expect(check({ x: [{ id: 'a', zip: '1000' }, { id: null }] })).toBe(true);
    expect(check({ x: [{ id: 1 }] })).toBe(false);
    expect(check({ x: [null] })).toBe(false);
    const closed = validator(
      contractToJsonSchema(contract, { schemaObject: 'AnotherObject', contentModel: 'closed' }),
    );
    expect(closed({ x: [{ id: 'a', extra: true }] })).toBe(false);
    expect(
      validator(contractToJsonSchema(contract, { schemaObject: 'AnObject' }))({ street_lines: ['a', 2] }),
    ).toBe(false);
  });

  it('throws NOT_FOUND for an unknown schema object, naming the ones there are', () => {
    expect(() => contractToJsonSchema(contract, { schemaObject: 'nope' })).toThrow(MeshplaneError);
    expect(() => contractToJsonSchema(contract, { schemaObject: 'nope' })).toThrow(
      /tbl, AnObject, AnotherObject/,
    );
    expect(() => contractToJsonSchema(inline('kind: DataContract\nid: empty\n'))).toThrow(MeshplaneError);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(contractToJsonSchema(example('all-schema-types.odcs.yaml')))).toBe(
      JSON.stringify(schema),
    );
  });
});

describe('contractToJsonSchema: allowed values', () => {
  it('keeps a tolerant invalidValues rule (5 percent) as an annotation, not an enum', () => {
    const schema = contractToJsonSchema(example('column-validity.odcs.yaml'));
    const status = schema.properties.air_quality_status;
    expect(status?.enum).toBeUndefined();
    expect(status?.['x-odcs-validValues']).toEqual(['', null, 'n/a']);
  });

  const contract = inline(`
kind: DataContract
id: enums
schema:
  - name: orders
    properties:
      - name: status
        logicalType: string
        required: true
        quality:
          - metric: invalidValues
            mustBe: 0
            arguments: { validValues: [open, closed] }
      - name: channel
        logicalType: string
        quality:
          - metric: invalidValues
            arguments: { validValues: [web, shop] }
      - name: amount
        logicalType: number
        logicalTypeOptions: { minimum: 0, exclusiveMinimum: true, multipleOf: 0.01 }
`);
  const schema = contractToJsonSchema(contract);
  const validate = validator(schema);

  it('turns a strict invalidValues rule into an enum, with null when the property is optional', () => {
    expect(schema.properties.status?.enum).toEqual(['open', 'closed']);
    expect(schema.properties.channel?.enum).toEqual(['web', 'shop', null]);
    expect(validate({ status: 'open', channel: null })).toBe(true);
    expect(validate({ status: 'pending' })).toBe(false);
    expect(validate({ status: null })).toBe(false);
    expect(validate({ status: 'open', channel: 'phone' })).toBe(false);
  });

  it('reads draft-4 style boolean exclusive bounds', () => {
    expect(schema.properties.amount).toMatchObject({ exclusiveMinimum: 0, multipleOf: 0.01 });
    expect(schema.properties.amount?.minimum).toBeUndefined();
    expect(validate({ status: 'open', amount: 0 })).toBe(false);
    expect(validate({ status: 'open', amount: 0.5 })).toBe(true);
  });
});

describe('contractToJsonSchema on every official example', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s: every schema object compiles under strict Ajv', (file) => {
    const contract = example(file);
    for (const object of contract.schema) {
      const schema: JsonSchema = contractToJsonSchema(contract, { schemaObject: object.name });
      expect(() => validator(schema)).not.toThrow();
    }
  });
});
