import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DataContract } from '../model/data-contract.js';
import { normalizeContract } from '../model/normalize-contract.js';
import { contractToSqlStatements } from './to-sql-ddl.js';

// Runs the generated PostgreSQL DDL for real, inside a transaction that is rolled back. Needs the
// `pg` driver and a local server; without them it says SKIPPED, or fails when CI requires services.

const EXAMPLES = fileURLToPath(new URL('../../../test/fixtures/standards/odcs/examples', import.meta.url));
const example = (file: string): DataContract =>
  normalizeContract(parse(readFileSync(join(EXAMPLES, file), 'utf8')));

/** The part of the `pg` driver this test uses; typed here because `pg` is optional. */
interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string, values?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<unknown>;
}
interface PgModule {
  Client: new (config: Record<string, unknown>) => PgClient;
}

/** A connected client, or why there is none. */
async function connect(): Promise<PgClient | string> {
  const moduleName = 'pg'; // a variable, so TypeScript does not resolve a package that may be absent
  let pg: PgModule;
  try {
    const loaded = (await import(moduleName)) as { default?: PgModule } & Partial<PgModule>;
    pg = loaded.default ?? (loaded as PgModule);
  } catch {
    return 'the pg package is not installed';
  }
  const errors: string[] = [];
  for (const user of ['postgres', 'root']) {
    const client = new pg.Client({ host: '127.0.0.1', port: 5432, user, database: 'test' });
    try {
      await client.connect();
      return client;
    } catch (error) {
      errors.push(`${user}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return `no PostgreSQL at 127.0.0.1:5432/test (${errors.join('; ')})`;
}

const TRICKY = normalizeContract(
  parse(`
kind: DataContract
id: tricky
schema:
  - name: Order Lines
    physicalName: order"lines
    description: It's the "lines"; DROP TABLE x; --
    properties:
      - { name: b, logicalType: integer, primaryKey: true, primaryKeyPosition: 2 }
      - { name: a, logicalType: string, primaryKey: true, primaryKeyPosition: 1 }
      - { name: select, logicalType: string, required: true, description: "back\\\\slash 'quoted'" }
      - { name: Amount, logicalType: number, physicalType: 'DECIMAL(10,2)' }
      - { name: sneaky, logicalType: string, physicalType: "VARCHAR(10); DROP TABLE users; --" }
      - { name: at, logicalType: timestamp, logicalTypeOptions: { timezone: true } }
      - { name: tags, logicalType: array, items: { logicalType: string } }
      - { name: lines, logicalType: array, items: { logicalType: object, properties: [{ name: n }] } }
`),
);

it('PostgreSQL accepts the DDL of every official example and reads it back as written', async (context) => {
  const client = await connect();
  if (typeof client === 'string') {
    if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') throw new Error(`PostgreSQL DDL test: ${client}`);
    console.warn(`SKIPPED: PostgreSQL DDL test: ${client}`);
    context.skip();
    return;
  }
  // A private schema keeps the tables out of other sessions' way until the rollback.
  const schema = `meshplane_export_${process.pid}_${Date.now()}`;
  try {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
    for (const file of files) {
      // Examples reuse table names (tbl_1), so each runs in its own savepoint.
      await client.query('SAVEPOINT example');
      for (const statement of contractToSqlStatements(example(file), { dialect: 'postgres' })) {
        await client.query(statement).catch((error: unknown) => {
          throw new Error(`${file}: ${String(error)}\n${statement}`);
        });
      }
      await client.query('ROLLBACK TO SAVEPOINT example');
    }
    for (const statement of contractToSqlStatements(TRICKY, { dialect: 'postgres' }))
      await client.query(statement);
    const columns = await client.query(
      `SELECT column_name, format_type(atttypid, atttypmod) AS type, attnotnull AS not_null,
              col_description(attrelid, attnum) AS comment
         FROM information_schema.columns c
         JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass
                            AND a.attname = c.column_name
        WHERE c.table_schema = $1 AND c.table_name = $2
        ORDER BY c.ordinal_position`,
      [schema, 'order"lines'],
    );
    expect(columns.rows).toEqual([
      { column_name: 'b', type: 'bigint', not_null: true, comment: null },
      { column_name: 'a', type: 'text', not_null: true, comment: null },
      { column_name: 'select', type: 'text', not_null: true, comment: "back\\slash 'quoted'" },
      { column_name: 'Amount', type: 'numeric(10,2)', not_null: false, comment: null },
      { column_name: 'sneaky', type: 'text', not_null: false, comment: null },
      { column_name: 'at', type: 'timestamp with time zone', not_null: false, comment: null },
      { column_name: 'tags', type: 'text[]', not_null: false, comment: null },
      { column_name: 'lines', type: 'jsonb', not_null: false, comment: null },
    ]);
    const table = await client.query(`SELECT obj_description($1::regclass, 'pg_class') AS comment`, [
      `${schema}."order""lines"`,
    ]);
    expect(table.rows).toEqual([{ comment: `It's the "lines"; DROP TABLE x; --` }]);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
});
