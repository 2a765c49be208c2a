import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateWorkspace } from '../../spec/validate/index.js';
import type { OdcsDocument, OdcsProperty } from '../odcs-types.js';
import { renderYaml } from '../render-yaml.js';
import { dcsToOdcs } from './dcs-to-odcs.js';

/** Error diagnostics of a converted document under Meshplane's validator (ODCS v3.1.0 schema + rules). */
function errors(document: OdcsDocument): string[] {
  const bytes = new TextEncoder().encode(renderYaml(document, []));
  const report = validateWorkspace([{ file: 'converted.odcs.yaml', bytes }]);
  expect(report.files[0]).toMatchObject({ kind: 'DataContract', apiVersion: 'v3.1.0' });
  return (report.files[0]?.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.message);
}

function convert(yaml: string) {
  return dcsToOdcs(parse(yaml));
}

function property(document: OdcsDocument, name: string, object = 0): OdcsProperty | undefined {
  return document.schema[object]?.properties.find((p) => p.name === name);
}

const ORDERS = `
dataContractSpecification: 1.2.1
id: orders-latest
info:
  title: Orders Latest
  version: 2.0.0
  status: Active
  description: Successful orders.
  owner: checkout-team
  contact: { name: Checkout, email: checkout@example.com, url: https://wiki.example.com/checkout }
terms:
  usage: Analytics.
  limitations: Not for finance.
  billing: free
  noticePeriod: P3M
servers:
  production:
    type: postgres
    host: db.example.com
    port: "5432"
    database: shop
    schema: public
    roles: [{ name: analyst, description: Read access }]
  lake:
    type: s3
    location: s3://bucket/{model}/*.json
    format: json
models:
  orders:
    type: table
    title: Orders
    description: One row per order.
    primaryKey: [order_id]
    fields:
      order_id: { $ref: '#/definitions/order_id', required: true }
      total: { type: decimal, precision: 10, scale: 2, minimum: 0, exclusiveMaximum: 100000, config: { postgresType: 'numeric(10,2)' } }
      quantity: { type: long, minimum: 1 }
      ratio: { type: double }
      status: { type: text, enum: [placed, paid], maxLength: 10 }
      placed_at: { type: timestamp_tz, required: true }
      local_at: { type: timestamp_ntz }
      day: { type: date }
      at_time: { type: time }
      paid: { type: boolean }
      blob: { type: bytes }
      customer_email: { type: string, format: email, pii: true, classification: restricted, tags: [pii] }
      address:
        type: object
        fields:
          street: { type: string, required: true }
          zip: { type: string, pattern: '^[0-9]{5}$' }
      lines:
        type: array
        items:
          type: record
          fields:
            sku: { type: string }
            qty: { type: int, minimum: 1 }
      labels: { type: array, items: { type: string } }
      attributes: { type: map, keys: { type: string }, values: { type: string } }
      customer_id: { type: string, references: customers.id, title: Customer }
      note: { type: string, example: hello, examples: [hi] }
    quality:
      - type: sql
        description: More than ten rows.
        query: SELECT COUNT(*) FROM orders
        mustBeGreaterThanOrEqualTo: 10
        dialect: postgres
      - type: library
        metric: duplicateValues
        arguments: { properties: [order_id] }
      - type: text
        description: Orders are complete after midnight.
      - type: great-expectations
        description: GE suite
        implementation: { expectation_type: expect_table_row_count_to_be_between }
  customers:
    fields:
      id: { type: string, primaryKey: true }
definitions:
  order_id:
    name: order_id
    domain: checkout
    title: Order ID
    type: string
    format: uuid
    description: An order.
servicelevels:
  availability: { description: Up, percentage: 99.9% }
  retention: { description: Kept, period: P1Y, timestampField: orders.placed_at }
  latency: { threshold: 25h, sourceTimestampField: orders.placed_at, processedTimestampField: orders.nothing }
  freshness: { threshold: PT1H, timestampField: orders.missing }
  frequency: { type: batch, interval: daily, cron: '0 0 * * *' }
`;

describe('dcsToOdcs', () => {
  const { document, gaps } = convert(ORDERS);

  it('writes a contract that validates against ODCS v3.1.0', () => {
    expect(errors(document)).toEqual([]);
    expect(document).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'orders-latest',
      version: '2.0.0',
    });
  });

  it('maps info and terms to name, status, team, support and description', () => {
    expect(document).toMatchObject({
      name: 'Orders Latest',
      status: 'active',
      team: { name: 'checkout-team' },
      support: [
        { channel: 'Checkout', url: 'mailto:checkout@example.com', tool: 'email' },
        { channel: 'Checkout', url: 'https://wiki.example.com/checkout', tool: 'other' },
      ],
      description: {
        purpose: 'Successful orders.',
        usage: 'Analytics.',
        limitations: 'Not for finance.',
        customProperties: [
          { property: 'billing', value: 'free' },
          { property: 'noticePeriod', value: 'P3M' },
        ],
      },
    });
  });

  it('maps servers onto ODCS fields of their type, and keeps what does not fit as a custom server', () => {
    const servers = (document as unknown as { servers: Record<string, unknown>[] }).servers;
    expect(servers[0]).toEqual({
      server: 'production',
      type: 'postgres',
      host: 'db.example.com',
      port: 5432,
      database: 'shop',
      schema: 'public',
      roles: [{ role: 'analyst', description: 'Read access' }],
    });
    expect(servers[1]).toMatchObject({ server: 'lake', type: 'custom', format: 'json' });
    expect(servers[1]?.customProperties).toEqual([
      { property: 'serverType', value: 's3' },
      { property: 'location', value: 's3://bucket/{model}/*.json' },
    ]);
    expect(gaps).toContainEqual({
      where: 'servers.lake',
      message: expect.stringContaining('requires location'),
    });
  });

  it('maps every DCS type to its ODCS logical type and options', () => {
    const types = Object.fromEntries(
      (document.schema[0]?.properties ?? []).map((p) => [
        p.name,
        [p.logicalType, p.logicalTypeOptions ?? {}],
      ]),
    );
    expect(types).toMatchObject({
      order_id: ['string', { format: 'uuid' }],
      total: ['number', { minimum: 0, exclusiveMaximum: 100000 }],
      quantity: ['integer', { format: 'i64', minimum: 1 }],
      ratio: ['number', { format: 'f64' }],
      status: ['string', { maxLength: 10 }],
      placed_at: ['timestamp', { timezone: true }],
      local_at: ['timestamp', { timezone: false }],
      day: ['date', {}],
      at_time: ['time', {}],
      paid: ['boolean', {}],
      blob: ['string', { format: 'binary' }],
      customer_email: ['string', { format: 'email' }],
      address: ['object', {}],
      lines: ['array', {}],
      labels: ['array', {}],
      attributes: ['object', {}],
    });
    expect(property(document, 'total')?.physicalType).toBe('numeric(10,2)');
    expect(property(document, 'quantity')?.physicalType).toBe('long');
  });

  it('resolves $ref to definitions, the definition overridden by the field', () => {
    expect(property(document, 'order_id')).toMatchObject({
      businessName: 'Order ID',
      description: 'An order.',
      required: true,
      primaryKey: true,
      primaryKeyPosition: 1,
    });
  });

  it('keeps nesting: object fields, array items and record items', () => {
    expect(property(document, 'address')?.properties).toEqual([
      {
        name: 'street',
        physicalName: 'street',
        logicalType: 'string',
        physicalType: 'string',
        required: true,
      },
      {
        name: 'zip',
        physicalName: 'zip',
        logicalType: 'string',
        logicalTypeOptions: { pattern: '^[0-9]{5}$' },
        physicalType: 'string',
      },
    ]);
    expect(property(document, 'lines')?.items).toMatchObject({
      logicalType: 'object',
      properties: [{ name: 'sku' }, { name: 'qty', logicalTypeOptions: { format: 'i32', minimum: 1 } }],
    });
    expect(property(document, 'labels')?.items).toEqual({ logicalType: 'string', physicalType: 'string' });
    expect(property(document, 'attributes')?.physicalType).toBe('map<string,string>');
    expect(gaps).toContainEqual({
      where: 'models.orders.fields.attributes',
      message: 'ODCS has no map type; written as an object',
    });
  });

  it('carries enums as invalidValues rules, references as relationships, pii as a custom property', () => {
    expect(property(document, 'status')?.quality).toEqual([
      {
        type: 'library',
        metric: 'invalidValues',
        arguments: { validValues: ['placed', 'paid'] },
        mustBe: 0,
        dimension: 'conformity',
      },
    ]);
    expect(property(document, 'customer_id')).toMatchObject({
      businessName: 'Customer',
      relationships: [{ type: 'foreignKey', to: 'customers.id' }],
    });
    expect(property(document, 'customer_email')).toMatchObject({
      classification: 'restricted',
      tags: ['pii'],
      customProperties: [{ property: 'pii', value: true }],
    });
    expect(property(document, 'note')?.examples).toEqual(['hi', 'hello']);
  });

  it('maps quality rules: sql with its threshold, library with a default threshold, text, tools as custom', () => {
    expect(document.schema[0]?.quality).toEqual([
      {
        type: 'sql',
        description: 'More than ten rows.',
        customProperties: [{ property: 'dialect', value: 'postgres' }],
        query: 'SELECT COUNT(*) FROM orders',
        mustBeGreaterOrEqualTo: 10,
      },
      { type: 'library', metric: 'duplicateValues', arguments: { properties: ['order_id'] }, mustBe: 0 },
      { type: 'text', description: 'Orders are complete after midnight.' },
      {
        type: 'custom',
        description: 'GE suite',
        engine: 'great-expectations',
        implementation: { expectation_type: 'expect_table_row_count_to_be_between' },
      },
    ]);
  });

  it('maps service levels to SLA properties, checking the elements they name', () => {
    const sla = (document as unknown as { slaProperties: unknown[] }).slaProperties;
    expect(sla).toEqual([
      { property: 'availability', value: '99.9%', description: 'Up' },
      { property: 'retention', value: 1, unit: 'y', element: 'orders.placed_at', description: 'Kept' },
      { property: 'latency', value: 25, unit: 'h', element: 'orders.placed_at' },
      { property: 'freshness', value: 1, unit: 'h' },
      { property: 'frequency', value: 'daily', scheduler: 'cron', schedule: '0 0 * * *' },
    ]);
    expect(gaps).toContainEqual({
      where: 'servicelevels.freshness.timestampField',
      message: "element 'orders.missing' names no field of this contract: dropped",
    });
  });

  it('reports what it drops, where', () => {
    expect(gaps).toContainEqual({
      where: 'servicelevels.latency',
      message: 'processedTimestampField dropped: an ODCS SLA names one element',
    });
    expect(gaps.every((g) => g.where !== '' && g.message !== '')).toBe(true);
  });
});

describe('dcsToOdcs on odd documents', () => {
  it('derives an id, a version and a draft status when they are missing, and says so', () => {
    const { document, gaps } = convert(
      'dataContractSpecification: 0.9.1\ninfo: { title: My Contract }\nmodels: {}\n',
    );
    expect(document).toMatchObject({ id: 'my_contract', version: '1.0.0', status: 'draft', schema: [] });
    expect(gaps.map((g) => g.where)).toEqual(['info.version', 'id']);
    expect(errors(document)).toEqual([]);
  });

  it('attaches a contract-level SodaCL specification to the first model as a custom rule', () => {
    const { document, gaps } = convert(`
dataContractSpecification: 0.9.1
id: x
info: { title: X, version: 1.0.0 }
models:
  a: { fields: { id: { type: string } } }
  b: { fields: { id: { type: string } } }
quality:
  type: SodaCL
  specification: "checks for a:\\n  - row_count > 0"
`);
    expect(document.schema[0]?.quality).toEqual([
      { type: 'custom', engine: 'soda', implementation: 'checks for a:\n  - row_count > 0' },
    ]);
    expect(gaps).toContainEqual({
      where: 'quality',
      message: expect.stringContaining("attached to the first model, 'a'"),
    });
    expect(errors(document)).toEqual([]);
  });

  it('drops options a logical type does not take, and unknown types become strings', () => {
    const { document, gaps } = convert(`
dataContractSpecification: 1.2.1
id: x
info: { title: X, version: 1.0.0 }
models:
  a:
    fields:
      n: { type: integer, maxLength: 3, format: int64 }
      v: { type: geography }
`);
    expect(document.schema[0]?.properties[0]?.logicalTypeOptions).toEqual({ format: 'i32' });
    expect(document.schema[0]?.properties[1]).toMatchObject({
      logicalType: 'string',
      physicalType: 'geography',
    });
    expect(gaps.map((g) => g.message)).toEqual([
      'maxLength 3 dropped: ODCS has no maxLength option for logicalType integer',
      'format "int64" dropped: ODCS expects a string value (one of i8, i16, i32, i64, i128, u8, u16, u32, u64, u128)',
      "type 'geography' is not a Data Contract Specification type: written as string",
    ]);
    expect(errors(document)).toEqual([]);
  });

  it('stops at a definition that contains itself', () => {
    const { document, gaps } = convert(`
dataContractSpecification: 1.2.1
id: x
info: { title: X, version: 1.0.0 }
models:
  a: { fields: { node: { $ref: '#/definitions/node' } } }
definitions:
  node: { $ref: '#/definitions/node' }
`);
    expect(document.schema[0]?.properties[0]).toEqual({ name: 'node', physicalName: 'node' });
    expect(gaps[0]?.message).toContain('refers to itself');
  });

  it('refuses a document that is not DCS', () => {
    expect(() => dcsToOdcs({ apiVersion: 'v3.1.0' })).toThrow(/dataContractSpecification/);
  });
});
