import { describe, expect, it } from 'vitest';
import type { StoredInputPort } from '../../runtime/runtime-product.js';
import { sqlTablePortSpec } from './sql-table-port-spec.js';

const columns = [
  { name: 'id', sqlType: 'BIGINT', kind: 'integer', required: true },
  { name: 'tags', sqlType: 'VARCHAR[]', kind: 'composite', required: false },
];

function port(
  type: string,
  server: Record<string, unknown>,
  settings: Record<string, unknown>,
): StoredInputPort {
  return {
    kind: 'sql-table',
    name: 'source',
    columns,
    settings: { kind: 'sql-table', ...settings },
    schema: {
      name: 'source',
      physicalName: 'customers_tbl',
      properties: [
        { name: 'tags', physicalName: 'tags', primaryKey: false },
        { name: 'id', physicalName: 'id', primaryKey: true, primaryKeyPosition: 1 },
      ],
    },
    server: { server: 's', type, settings: server, customProperties: [], path: [] },
  } as unknown as StoredInputPort;
}

const pgServer = { host: '127.0.0.1', port: 5432, database: 'test', schema: 'legacy' };

describe('sqlTablePortSpec', () => {
  it('reads a postgres server: connection, table, key order, location without the password', () => {
    const spec = sqlTablePortSpec(
      port('postgres', pgServer, { table: 'customers', user: 'etl', password: { env: 'PW' } }),
    );
    expect(spec).toMatchObject({
      engine: 'postgres',
      port: 'source',
      schema: 'legacy',
      table: 'customers',
      orderBy: ['id'],
      batchRows: 10_000,
      location: 'postgres://127.0.0.1:5432/test/legacy.customers',
      connection: { host: '127.0.0.1', port: 5432, database: 'test', user: 'etl', password: { env: 'PW' } },
    });
    expect(spec.columns).toBe(columns);
  });

  it('takes the table from the schema object and the schema public when not given', () => {
    const spec = sqlTablePortSpec(
      port('postgresql', { host: 'h', port: 5432, database: 'd' }, { batchRows: 500 }),
    );
    expect(spec).toMatchObject({ schema: 'public', table: 'customers_tbl', batchRows: 500 });
  });

  it('reads a mysql server', () => {
    const spec = sqlTablePortSpec(
      port('mysql', { host: 'h', port: 3306, database: 'shop' }, { table: 'orders' }),
    );
    expect(spec).toMatchObject({
      engine: 'mariadb',
      table: 'orders',
      location: 'mysql://h:3306/shop/orders',
      connection: { host: 'h', port: 3306, database: 'shop' },
    });
  });

  it.each([
    ['s3', pgServer, {}, /a sql-table port reads a postgres or mysql server, not "s3"/],
    [
      'postgres',
      { ...pgServer, host: undefined },
      {},
      /input port source: postgres: server entry: host is required/,
    ],
    ['postgres', pgServer, { password: 'secret' }, /password must be \{ env: NAME \}/],
    ['postgres', pgServer, { batchRows: 0 }, /batchRows must be a whole number from 1 to 1000000/],
    ['postgres', pgServer, { table: '' }, /meshplane.port table must name the table/],
    ['postgres', pgServer, { watermark: 'updated_at' }, /watermark is not supported yet/],
    ['mysql', { host: 'h', port: 3306 }, {}, /database is required/],
  ])('refuses %s %j %j', (type, server, settings, message) => {
    expect(() => sqlTablePortSpec(port(type, server, settings))).toThrow(message);
  });
});
