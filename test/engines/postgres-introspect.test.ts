import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspectPostgres } from '../../src/engines/postgres/index.js';
import { MeshplaneError } from '../../src/errors/index.js';
import { pgAdmin, pgUrl, postgresUnavailable, serviceReady, uniqueName } from './support/sql-servers.js';

const ready = serviceReady('PostgreSQL introspection', await postgresUnavailable());
const schema = uniqueName('meshplane_introspect');
const other = `${schema}_other`;

describe.skipIf(!ready)('introspectPostgres', () => {
  beforeAll(async () => {
    const s = `"${schema}"`;
    await pgAdmin(
      `CREATE SCHEMA ${s}`,
      `CREATE SCHEMA "${other}"`,
      `CREATE TABLE "${other}".regions (code char(2) PRIMARY KEY)`,
      `CREATE TYPE ${s}.mood AS ENUM ('sad', 'ok', 'it''s fine')`,
      `CREATE TABLE ${s}.customers (
        customer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email varchar(200) NOT NULL UNIQUE,
        name text,
        mood ${s}.mood DEFAULT 'ok',
        balance numeric(12,2) NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        tags text[],
        profile jsonb,
        "Mixed Case" boolean
      )`,
      `COMMENT ON TABLE ${s}.customers IS 'People who buy'`,
      `COMMENT ON COLUMN ${s}.customers.email IS 'Login e-mail'`,
      `CREATE TABLE ${s}.orders (
        region char(2) NOT NULL REFERENCES "${other}".regions (code),
        order_no integer NOT NULL,
        customer_id bigint NOT NULL REFERENCES ${s}.customers (customer_id),
        placed_on date,
        amount double precision,
        id uuid DEFAULT gen_random_uuid(),
        PRIMARY KEY (region, order_no)
      )`,
      `CREATE TABLE ${s}.order_lines (
        region char(2) NOT NULL,
        order_no integer NOT NULL,
        line smallint NOT NULL,
        sku text NOT NULL,
        qty integer NOT NULL CHECK (qty > 0),
        shipped_at timestamp(3),
        doubled integer GENERATED ALWAYS AS (qty * 2) STORED,
        PRIMARY KEY (order_no, region, line),
        CONSTRAINT lines_order_fk FOREIGN KEY (region, order_no) REFERENCES ${s}.orders (region, order_no),
        CONSTRAINT lines_sku_unique UNIQUE (sku, order_no)
      )`,
      `CREATE UNIQUE INDEX lines_partial ON ${s}.order_lines (sku) WHERE qty > 10`,
      `CREATE VIEW ${s}.big_orders AS SELECT * FROM ${s}.orders WHERE amount > 100`,
      `INSERT INTO "${other}".regions VALUES ('eu')`,
      `INSERT INTO ${s}.customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 25) g`,
      `ANALYZE ${s}.customers`,
    );
  });

  afterAll(async () => {
    await pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`, `DROP SCHEMA IF EXISTS "${other}" CASCADE`);
  });

  it('reads tables with columns, types, keys, comments, enums and estimates', async () => {
    const tables = await introspectPostgres(pgUrl(), schema);
    expect(tables.map((t) => t.name)).toEqual(['customers', 'order_lines', 'orders']);
    const [customers, lines, orders] = tables;
    expect(customers).toEqual({
      schema,
      name: 'customers',
      comment: 'People who buy',
      columns: [
        {
          name: 'customer_id',
          dataType: 'bigint',
          nullable: false,
          defaultValue: 'generated always as identity',
        },
        { name: 'email', dataType: 'character varying(200)', nullable: false, comment: 'Login e-mail' },
        { name: 'name', dataType: 'text', nullable: true },
        {
          name: 'mood',
          dataType: `${schema}.mood`,
          nullable: true,
          defaultValue: `'ok'::${schema}.mood`,
          enumValues: ['sad', 'ok', "it's fine"],
        },
        { name: 'balance', dataType: 'numeric(12,2)', nullable: false, defaultValue: '0' },
        { name: 'created_at', dataType: 'timestamp with time zone', nullable: false, defaultValue: 'now()' },
        { name: 'tags', dataType: 'text[]', nullable: true },
        { name: 'profile', dataType: 'jsonb', nullable: true },
        { name: 'Mixed Case', dataType: 'boolean', nullable: true },
      ],
      primaryKey: ['customer_id'],
      uniqueKeys: [['email']],
      foreignKeys: [],
      estimatedRows: 25,
    });
    expect(lines).toMatchObject({
      primaryKey: ['order_no', 'region', 'line'],
      // The partial unique index is no key of the whole table.
      uniqueKeys: [['sku', 'order_no']],
      foreignKeys: [
        {
          name: 'lines_order_fk',
          columns: ['region', 'order_no'],
          referencedTable: 'orders',
          referencedColumns: ['region', 'order_no'],
        },
      ],
    });
    expect(lines?.columns.map((c) => [c.name, c.dataType, c.nullable, c.defaultValue])).toEqual([
      ['region', 'character(2)', false, undefined],
      ['order_no', 'integer', false, undefined],
      ['line', 'smallint', false, undefined],
      ['sku', 'text', false, undefined],
      ['qty', 'integer', false, undefined],
      ['shipped_at', 'timestamp(3) without time zone', true, undefined],
      ['doubled', 'integer', true, 'generated always as ((qty * 2)) stored'],
    ]);
    expect(orders?.primaryKey).toEqual(['region', 'order_no']);
    expect(orders?.foreignKeys).toEqual([
      {
        name: 'orders_customer_id_fkey',
        columns: ['customer_id'],
        referencedTable: 'customers',
        referencedColumns: ['customer_id'],
      },
      {
        name: 'orders_region_fkey',
        columns: ['region'],
        referencedTable: `${other}.regions`,
        referencedColumns: ['code'],
      },
    ]);
    expect(orders?.columns.find((c) => c.name === 'amount')?.dataType).toBe('double precision');
    expect(orders?.columns.find((c) => c.name === 'id')).toEqual({
      name: 'id',
      dataType: 'uuid',
      nullable: true,
      defaultValue: 'gen_random_uuid()',
    });
  });

  it('reads views only when asked', async () => {
    const tables = await introspectPostgres(pgUrl(), schema, { views: true });
    const view = tables.find((t) => t.name === 'big_orders');
    expect(view?.columns.map((c) => c.name)).toEqual([
      'region',
      'order_no',
      'customer_id',
      'placed_on',
      'amount',
      'id',
    ]);
    expect(view?.primaryKey).toEqual([]);
    expect(view?.estimatedRows).toBeUndefined();
  });

  it('is NOT_FOUND for a schema that does not exist, and empty for an empty one', async () => {
    const error = await introspectPostgres(pgUrl(), `${schema}_missing`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).code).toBe('NOT_FOUND');
    expect((error as MeshplaneError).message).toContain(`schema "${schema}_missing" does not exist`);
    await pgAdmin(`CREATE SCHEMA "${schema}_empty"`);
    try {
      expect(await introspectPostgres(pgUrl(), `${schema}_empty`)).toEqual([]);
    } finally {
      await pgAdmin(`DROP SCHEMA "${schema}_empty"`);
    }
  });

  it('is UNAVAILABLE for a database that does not exist, naming it', async () => {
    const error = await introspectPostgres(pgUrl('meshplane_no_such_db'), 'public').catch((e: unknown) => e);
    expect((error as MeshplaneError).code).toBe('UNAVAILABLE');
    expect((error as MeshplaneError).message).toMatch(/^postgres 127\.0\.0\.1:5432\/meshplane_no_such_db: /);
  });
});

describe('introspectPostgres without a server', () => {
  it('is UNAVAILABLE naming host:port/database, never the password', async () => {
    const error = await introspectPostgres('postgres://u:s3cret-pw@127.0.0.1:1/warehouse', 'public').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).code).toBe('UNAVAILABLE');
    expect((error as MeshplaneError).message).toContain('postgres 127.0.0.1:1/warehouse is unreachable');
    expect((error as MeshplaneError).message).not.toContain('s3cret');
  });
});
