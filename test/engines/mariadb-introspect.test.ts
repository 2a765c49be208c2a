import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspectMariadb } from '../../src/engines/mariadb/index.js';
import { MeshplaneError } from '../../src/errors/index.js';
import {
  mariadbAdmin,
  mariadbUnavailable,
  mariadbUrl,
  serviceReady,
  uniqueName,
} from './support/sql-servers.js';

const ready = serviceReady('MariaDB introspection', await mariadbUnavailable());
const database = uniqueName('meshplane_introspect');
const other = `${database}_other`;

describe.skipIf(!ready)('introspectMariadb', () => {
  beforeAll(async () => {
    const d = `\`${database}\``;
    await mariadbAdmin(
      `CREATE DATABASE ${d}`,
      `CREATE DATABASE \`${other}\``,
      `CREATE TABLE \`${other}\`.regions (code CHAR(2) PRIMARY KEY) ENGINE=InnoDB`,
      `CREATE TABLE ${d}.customers (
        customer_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        email VARCHAR(200) NOT NULL COMMENT 'Login e-mail',
        name TEXT,
        mood ENUM('sad', 'ok', 'it''s fine', 'a,b') DEFAULT 'ok',
        balance DECIMAL(12,2) NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        profile JSON,
        active TINYINT(1),
        flags BIT(4),
        UNIQUE KEY customers_email (email)
      ) ENGINE=InnoDB COMMENT='People who buy'`,
      `CREATE TABLE ${d}.orders (
        region CHAR(2) NOT NULL,
        order_no INT NOT NULL,
        customer_id BIGINT UNSIGNED NOT NULL,
        placed_on DATE,
        amount DOUBLE,
        PRIMARY KEY (region, order_no),
        CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES ${d}.customers (customer_id),
        CONSTRAINT orders_region FOREIGN KEY (region) REFERENCES \`${other}\`.regions (code)
      ) ENGINE=InnoDB`,
      `CREATE TABLE ${d}.order_lines (
        region CHAR(2) NOT NULL,
        order_no INT NOT NULL,
        line SMALLINT NOT NULL,
        sku VARCHAR(40) NOT NULL,
        qty INT NOT NULL,
        doubled INT AS (qty * 2) VIRTUAL,
        PRIMARY KEY (order_no, region, line),
        CONSTRAINT lines_order FOREIGN KEY (region, order_no) REFERENCES ${d}.orders (region, order_no),
        UNIQUE KEY lines_sku (sku, order_no)
      ) ENGINE=InnoDB`,
      `CREATE VIEW ${d}.big_orders AS SELECT * FROM ${d}.orders WHERE amount > 100`,
    );
  });

  afterAll(async () => {
    await mariadbAdmin(`DROP DATABASE IF EXISTS \`${database}\``, `DROP DATABASE IF EXISTS \`${other}\``);
  });

  it('reads tables with columns, types, keys, comments, enums and estimates', async () => {
    const tables = await introspectMariadb(mariadbUrl(), database);
    expect(tables.map((t) => t.name)).toEqual(['customers', 'order_lines', 'orders']);
    const [customers, lines, orders] = tables;
    expect(customers).toMatchObject({
      schema: database,
      name: 'customers',
      comment: 'People who buy',
      primaryKey: ['customer_id'],
      uniqueKeys: [['email']],
      foreignKeys: [],
    });
    expect(customers?.estimatedRows).toBeTypeOf('number');
    expect(customers?.columns).toEqual([
      {
        name: 'customer_id',
        dataType: 'bigint(20) unsigned',
        nullable: false,
        defaultValue: 'auto_increment',
      },
      { name: 'email', dataType: 'varchar(200)', nullable: false, comment: 'Login e-mail' },
      { name: 'name', dataType: 'text', nullable: true },
      {
        name: 'mood',
        dataType: "enum('sad','ok','it''s fine','a,b')",
        nullable: true,
        defaultValue: "'ok'",
        enumValues: ['sad', 'ok', "it's fine", 'a,b'],
      },
      { name: 'balance', dataType: 'decimal(12,2)', nullable: false, defaultValue: '0.00' },
      { name: 'created_at', dataType: 'datetime(3)', nullable: false, defaultValue: 'current_timestamp(3)' },
      { name: 'profile', dataType: 'json', nullable: true },
      { name: 'active', dataType: 'tinyint(1)', nullable: true },
      { name: 'flags', dataType: 'bit(4)', nullable: true },
    ]);
    expect(lines).toMatchObject({
      primaryKey: ['order_no', 'region', 'line'],
      uniqueKeys: [['sku', 'order_no']],
      foreignKeys: [
        {
          name: 'lines_order',
          columns: ['region', 'order_no'],
          referencedTable: 'orders',
          referencedColumns: ['region', 'order_no'],
        },
      ],
    });
    expect(lines?.columns.find((c) => c.name === 'doubled')).toEqual({
      name: 'doubled',
      dataType: 'int(11)',
      nullable: true,
      defaultValue: 'generated always as (`qty` * 2) virtual',
    });
    expect(orders?.primaryKey).toEqual(['region', 'order_no']);
    expect(orders?.foreignKeys).toEqual([
      {
        name: 'orders_customer',
        columns: ['customer_id'],
        referencedTable: 'customers',
        referencedColumns: ['customer_id'],
      },
      {
        name: 'orders_region',
        columns: ['region'],
        referencedTable: `${other}.regions`,
        referencedColumns: ['code'],
      },
    ]);
    expect(orders?.columns.map((c) => [c.name, c.dataType, c.nullable])).toEqual([
      ['region', 'char(2)', false],
      ['order_no', 'int(11)', false],
      ['customer_id', 'bigint(20) unsigned', false],
      ['placed_on', 'date', true],
      ['amount', 'double', true],
    ]);
  });

  it('reads views only when asked', async () => {
    const tables = await introspectMariadb(mariadbUrl(), database, { views: true });
    const view = tables.find((t) => t.name === 'big_orders');
    expect(view?.columns.map((c) => c.name)).toEqual([
      'region',
      'order_no',
      'customer_id',
      'placed_on',
      'amount',
    ]);
    expect(view?.estimatedRows).toBeUndefined();
  });

  it('is NOT_FOUND for a database that does not exist, whatever database the URL names', async () => {
    const error = await introspectMariadb(mariadbUrl(''), `${database}_missing`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).code).toBe('NOT_FOUND');
    expect((error as MeshplaneError).message).toContain(`database \`${database}_missing\` does not exist`);
  });
});

describe('introspectMariadb without a server', () => {
  it('is UNAVAILABLE naming host:port/database, never the password', async () => {
    const error = await introspectMariadb('mysql://u:s3cret-pw@127.0.0.1:1/warehouse', 'warehouse').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).code).toBe('UNAVAILABLE');
    expect((error as MeshplaneError).message).toContain('mariadb 127.0.0.1:1/warehouse is unreachable');
    expect((error as MeshplaneError).message).not.toContain('s3cret');
  });
});
