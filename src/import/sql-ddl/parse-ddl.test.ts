import { describe, expect, it } from 'vitest';
import { parseDdl } from './parse-ddl.js';

const POSTGRES = `
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE crm.customers (
  id serial PRIMARY KEY,
  email varchar(200) NOT NULL UNIQUE,
  feeling mood,
  created_at timestamp with time zone DEFAULT now()
);
CREATE TABLE orders (
  id bigint NOT NULL,
  line int NOT NULL,
  customer_id int REFERENCES crm.customers (id),
  amount numeric(10,2) DEFAULT 0 CHECK (amount >= 0),
  tags text[],
  PRIMARY KEY (id, line),
  CONSTRAINT uq UNIQUE (customer_id, line)
);
COMMENT ON TABLE orders IS 'Every order';
COMMENT ON COLUMN orders.amount IS 'In EUR';
ALTER TABLE orders ADD CONSTRAINT fk2 FOREIGN KEY (customer_id, line) REFERENCES customers (id, line);
CREATE UNIQUE INDEX ix ON crm.customers (email, id);
INSERT INTO orders VALUES (1, 1, 1, 1, NULL);
`;

describe('parseDdl (PostgreSQL)', () => {
  const result = parseDdl(POSTGRES, 'postgres');
  if (!result.ok) throw new Error(result.error.message);
  const [customers, orders] = result.tables;

  it('reads each CREATE TABLE with its columns, keys, defaults and comments', () => {
    expect(customers).toEqual({
      schema: 'crm',
      name: 'customers',
      columns: [
        { name: 'id', dataType: 'serial', nullable: false },
        { name: 'email', dataType: 'varchar(200)', nullable: false },
        { name: 'feeling', dataType: 'mood', nullable: true, enumValues: ['sad', 'ok'] },
        { name: 'created_at', dataType: 'timestamp with time zone', nullable: true, defaultValue: 'now()' },
      ],
      primaryKey: ['id'],
      uniqueKeys: [['email'], ['email', 'id']],
      foreignKeys: [],
    });
    expect(orders).toMatchObject({
      schema: '',
      name: 'orders',
      comment: 'Every order',
      primaryKey: ['id', 'line'],
      uniqueKeys: [['customer_id', 'line']],
    });
    expect(orders?.columns.find((c) => c.name === 'amount')).toEqual({
      name: 'amount',
      dataType: 'numeric(10,2)',
      nullable: true,
      comment: 'In EUR',
      defaultValue: '0',
    });
    expect(orders?.columns.find((c) => c.name === 'tags')?.dataType).toBe('text[]');
  });

  it('keeps column-level and table-level foreign keys', () => {
    expect(orders?.foreignKeys).toEqual([
      { columns: ['customer_id'], referencedTable: 'customers', referencedColumns: ['id'] },
      {
        name: 'fk2',
        columns: ['customer_id', 'line'],
        referencedTable: 'customers',
        referencedColumns: ['id', 'line'],
      },
    ]);
  });

  it('reports CHECK constraints and other statements as gaps', () => {
    expect(result.gaps).toEqual([
      {
        where: 'orders.amount',
        message: 'CHECK (amount >= 0) not carried over: ODCS has no check constraints',
      },
      { where: 'statement 8', message: 'INSERT statement ignored' },
    ]);
  });
});

describe('parseDdl (MySQL)', () => {
  it('reads MySQL spellings: backquotes, unsigned, enum, tinyint(1), column and table comments', () => {
    const result = parseDdl(
      "CREATE TABLE `orders` (\n  `id` int unsigned NOT NULL AUTO_INCREMENT COMMENT 'the id',\n  status enum('new','paid') NOT NULL DEFAULT 'new',\n  flag tinyint(1),\n  PRIMARY KEY (`id`),\n  KEY idx (status),\n  CONSTRAINT c CHECK (flag in (0, 1))\n) ENGINE=InnoDB COMMENT='All orders';",
      'mysql',
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.tables).toEqual([
      {
        schema: '',
        name: 'orders',
        comment: 'All orders',
        columns: [
          { name: 'id', dataType: 'int unsigned', nullable: false, comment: 'the id' },
          { name: 'status', dataType: "enum('new','paid')", nullable: false, defaultValue: "'new'" },
          { name: 'flag', dataType: 'tinyint(1)', nullable: true },
        ],
        primaryKey: ['id'],
        uniqueKeys: [],
        foreignKeys: [],
      },
    ]);
    expect(result.gaps.map((g) => g.message)).toEqual([
      expect.stringMatching(/^CHECK \(.*flag.*\) not carried over/),
    ]);
  });
});

describe('parseDdl errors', () => {
  it('locates a syntax error and says what was expected', () => {
    const result = parseDdl('CREATE TABLE t (\n  a int,\n  b varchar(10) NOT NUL\n);', 'postgres');
    expect(result).toMatchObject({
      ok: false,
      error: {
        message: 'SQL syntax error: unexpected "N"',
        line: 3,
        column: 17,
        hint: expect.stringMatching(/^expected /),
      },
    });
  });

  it('refuses a script without tables', () => {
    expect(parseDdl('SELECT 1;', 'postgres')).toMatchObject({
      ok: false,
      error: { message: 'the script has no CREATE TABLE statement' },
    });
  });
});
