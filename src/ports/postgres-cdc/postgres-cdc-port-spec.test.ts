import { describe, expect, it } from 'vitest';
import type { StoredInputPort } from '../../runtime/runtime-product.js';
import { postgresCdcPortSpec } from './postgres-cdc-port-spec.js';

const columns = [
  { name: 'id', sqlType: 'BIGINT', kind: 'integer', required: true },
  { name: 'name', sqlType: 'VARCHAR', kind: 'text', required: false },
];

function port(settings: Record<string, unknown>, type = 'postgres', key = true): StoredInputPort {
  return {
    kind: 'postgres-cdc',
    name: 'customers',
    columns,
    settings: { kind: 'postgres-cdc', ...settings },
    schema: {
      name: 'customers',
      physicalName: 'customers_tbl',
      properties: [
        { name: 'name', physicalName: 'name', primaryKey: false },
        { name: 'id', physicalName: 'id', primaryKey: key, primaryKeyPosition: 1 },
      ],
    },
    server: {
      server: 's',
      type,
      settings: { host: 'db', port: 5433, database: 'shop', schema: 'legacy' },
      customProperties: [],
      path: [],
    },
  } as unknown as StoredInputPort;
}

const base = { table: 'customers', publication: 'meshplane_pub', slot: 'meshplane_customers' };

describe('postgresCdcPortSpec', () => {
  it('reads the server, the table, the key, the slot and the publication; never the password', () => {
    const spec = postgresCdcPortSpec(port({ ...base, user: 'cdc', password: { env: 'CDC_PW' } }));
    expect(spec).toMatchObject({
      port: 'customers',
      schema: 'legacy',
      table: 'customers',
      key: ['id'],
      publication: 'meshplane_pub',
      createPublication: false,
      slot: 'meshplane_customers',
      batchRows: 5_000,
      location: 'postgres://db:5433/shop/legacy.customers',
      connection: { host: 'db', port: 5433, database: 'shop', user: 'cdc', password: { env: 'CDC_PW' } },
    });
    expect(JSON.stringify(spec)).not.toContain('secret');
  });

  it('takes the table from the schema object and reads createPublication and batchRows', () => {
    const spec = postgresCdcPortSpec(
      port({ publication: 'p', slot: 's1', createPublication: true, batchRows: 10 }, 'postgresql'),
    );
    expect(spec).toMatchObject({ table: 'customers_tbl', createPublication: true, batchRows: 10 });
  });

  it.each([
    [{ ...base, publication: undefined }, /publication must be/],
    [{ ...base, publication: "p', 'q" }, /publication must be/],
    [{ ...base, slot: 'Upper' }, /slot must be/],
    [{ ...base, slot: 'x'.repeat(64) }, /slot must be/],
    [{ ...base, createPublication: 'yes' }, /createPublication/],
    [{ ...base, batchRows: 0 }, /batchRows/],
    [{ ...base, password: 'secret' }, /password must be \{ env: NAME \}/],
  ])('refuses %j', (settings, message) => {
    expect(() => postgresCdcPortSpec(port(settings))).toThrow(message);
  });

  it('refuses another server type and a contract without a primary key', () => {
    expect(() => postgresCdcPortSpec(port(base, 'mysql'))).toThrow(/reads a postgres server/);
    expect(() => postgresCdcPortSpec(port(base, 'postgres', false))).toThrow(/needs a primary key/);
  });
});
