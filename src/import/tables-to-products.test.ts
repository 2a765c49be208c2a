import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ImportedTable } from './imported-table.js';
import { tablesToProducts } from './tables-to-products.js';

const CUSTOMERS: ImportedTable = {
  schema: 'legacy',
  name: 'customers',
  comment: 'Customers of the shop.',
  columns: [
    { name: 'id', dataType: 'integer', nullable: false },
    { name: 'email', dataType: 'character varying(200)', nullable: false, comment: 'Login e-mail' },
    { name: 'Segment', dataType: 'USER-DEFINED', nullable: true, enumValues: ['retail', 'b2b'] },
    { name: 'created_at', dataType: 'timestamp with time zone', nullable: true, defaultValue: 'now()' },
  ],
  primaryKey: ['id'],
  uniqueKeys: [['email']],
  foreignKeys: [],
};

const ORDERS: ImportedTable = {
  schema: 'legacy',
  name: 'orders',
  columns: [
    { name: 'id', dataType: 'bigint', nullable: false },
    { name: 'customer_id', dataType: 'integer', nullable: true },
    { name: 'shape', dataType: 'geometry', nullable: true },
  ],
  primaryKey: ['id'],
  uniqueKeys: [],
  foreignKeys: [
    { columns: ['customer_id'], referencedTable: 'customers', referencedColumns: ['id'] },
    { columns: ['id'], referencedTable: 'archive', referencedColumns: ['id'] },
  ],
};

const CONNECTION = {
  engine: 'postgres' as const,
  host: '127.0.0.1',
  port: 5432,
  database: 'test',
  schema: 'legacy',
  user: 'postgres',
  passwordEnv: 'PGPASSWORD',
};

describe('tablesToProducts', () => {
  const [customers, orders] = tablesToProducts({
    tables: [CUSTOMERS, ORDERS],
    connection: CONNECTION,
    domain: 'crm',
    team: 'crm-team',
  });
  const file = (name: string) => {
    const found = customers?.files.find((f) => f.path === `domains/crm/customers/${name}`);
    if (found === undefined) throw new Error(`no ${name}`);
    return found.text;
  };

  it('writes the four files of a product per table', () => {
    expect(customers?.files.map((f) => f.path)).toEqual([
      'domains/crm/customers/product.odps.yaml',
      'domains/crm/customers/source.odcs.yaml',
      'domains/crm/customers/customers.odcs.yaml',
      'domains/crm/customers/customers.sql',
    ]);
    expect(customers).toMatchObject({
      table: 'customers',
      productId: 'crm.customers',
      folder: 'domains/crm/customers',
    });
    expect(file('product.odps.yaml')).toMatch(
      /^# Data product crm\.customers\.\n# Imported by `meshplane import postgres` from table legacy\.customers\n/,
    );
  });

  it('declares the product with a source input port and one output port', () => {
    expect(parse(file('product.odps.yaml'))).toEqual({
      apiVersion: 'v1.0.0',
      kind: 'DataProduct',
      id: 'crm.customers',
      name: 'customers',
      version: '1.0.0',
      status: 'active',
      domain: 'crm',
      description: { purpose: 'Customers of the shop.' },
      team: { name: 'crm-team' },
      inputPorts: [{ name: 'source', version: '1.0.0', contractId: 'crm.customers.source.v1' }],
      outputPorts: [
        {
          name: 'customers',
          version: '1.0.0',
          type: 'tables',
          contractId: 'crm.customers.customers.v1',
          inputContracts: [{ id: 'crm.customers.source.v1', version: '1.0.0' }],
        },
      ],
    });
  });

  it('says where the source table is, with the password as an environment reference only', () => {
    const source = parse(file('source.odcs.yaml'));
    expect(source).toMatchObject({ id: 'crm.customers.source.v1', apiVersion: 'v3.1.0', status: 'active' });
    expect(source.servers).toEqual([
      {
        server: 'source',
        type: 'postgres',
        host: '127.0.0.1',
        port: 5432,
        database: 'test',
        schema: 'legacy',
        customProperties: [
          {
            property: 'meshplane.port',
            value: {
              kind: 'sql-table',
              table: 'customers',
              user: 'postgres',
              password: { env: 'PGPASSWORD' },
            },
          },
        ],
      },
    ]);
    expect(source.schema[0]).toMatchObject({
      name: 'source',
      physicalName: 'customers',
      physicalType: 'table',
    });
    expect(source.schema[0].properties.map((p: { name: string }) => p.name)).toEqual([
      'id',
      'email',
      'Segment',
      'created_at',
    ]);
  });

  it('publishes the same columns, typed, keyed and named by the convention, built by the transform', () => {
    const output = parse(file('customers.odcs.yaml'));
    expect(output).toMatchObject({
      id: 'crm.customers.customers.v1',
      customProperties: [{ property: 'meshplane.transform', value: 'customers.sql' }],
    });
    expect(output.schema[0]).toMatchObject({
      name: 'customers',
      physicalName: 'customers',
      description: 'Customers of the shop.',
    });
    expect(output.schema[0].properties).toEqual([
      {
        name: 'id',
        physicalName: 'id',
        logicalType: 'integer',
        logicalTypeOptions: { format: 'i32' },
        physicalType: 'integer',
        required: true,
        unique: true,
        primaryKey: true,
        primaryKeyPosition: 1,
      },
      {
        name: 'email',
        physicalName: 'email',
        logicalType: 'string',
        logicalTypeOptions: { maxLength: 200 },
        physicalType: 'character varying(200)',
        required: true,
        unique: true,
        description: 'Login e-mail',
      },
      {
        name: 'segment',
        physicalName: 'segment',
        logicalType: 'string',
        physicalType: 'USER-DEFINED',
        quality: [
          {
            type: 'library',
            metric: 'invalidValues',
            arguments: { validValues: ['retail', 'b2b'] },
            mustBe: 0,
            dimension: 'conformity',
          },
        ],
      },
      {
        name: 'created_at',
        physicalName: 'created_at',
        logicalType: 'timestamp',
        logicalTypeOptions: { timezone: true },
        physicalType: 'timestamp with time zone',
        customProperties: [{ property: 'defaultValue', value: 'now()' }],
      },
    ]);
    expect(file('customers.sql')).toBe(
      '-- customers: every column of legacy.customers, as imported.\n' +
        '-- DuckDB SQL. The input port `source` is a snapshot of the source table taken on each run.\n' +
        'select\n  id,\n  email,\n  "Segment" as segment,\n  created_at\nfrom source\n',
    );
  });

  it('links to other imported tables and reports types, names and references it cannot carry', () => {
    const output = parse(orders?.files[2]?.text ?? '');
    expect(output.schema[0].relationships).toEqual([
      { type: 'foreignKey', from: 'orders.customer_id', to: 'customers.id' },
    ]);
    expect(orders?.gaps).toEqual([
      { where: 'orders.shape', message: "unknown type 'geometry': written as string" },
      { where: 'orders(id)', message: 'references archive, which is not imported: no relationship written' },
    ]);
    expect(customers?.gaps).toEqual([
      { where: 'customers', message: expect.stringContaining("source names 'Segment' are not snake_case") },
    ]);
  });

  it('never writes a password, and writes no password entry when there was none', () => {
    const noSecret = tablesToProducts({
      tables: [CUSTOMERS],
      connection: { engine: 'mysql', host: 'db', port: 3306, database: 'shop' },
      domain: 'crm',
    });
    const source = parse(noSecret[0]?.files[1]?.text ?? '');
    expect(source.servers[0]).toEqual({
      server: 'source',
      type: 'mysql',
      host: 'db',
      port: 3306,
      database: 'shop',
      customProperties: [{ property: 'meshplane.port', value: { kind: 'sql-table', table: 'customers' } }],
    });
    expect(source.team).toBeUndefined();
  });

  it('gives tables product names that are valid and unique', () => {
    const names = tablesToProducts({
      tables: [
        { ...ORDERS, name: 'OrderLines', foreignKeys: [] },
        { ...ORDERS, name: 'order_lines', foreignKeys: [] },
        { ...ORDERS, name: 'source', foreignKeys: [] },
      ],
      connection: CONNECTION,
      domain: 'sales',
    }).map((p) => p.productId);
    expect(names).toEqual(['sales.order_lines', 'sales.order_lines_2', 'sales.source_table']);
  });

  it('refuses an invalid domain', () => {
    expect(() =>
      tablesToProducts({ tables: [ORDERS], connection: CONNECTION, domain: 'Bad Domain' }),
    ).toThrow(/invalid domain/);
  });
});
