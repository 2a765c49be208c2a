import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** `meshplane import` as a user runs it (the built CLI: `npm test` builds dist/ first). */
const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

/** Runs `meshplane validate FILE` and expects it to pass. */
function expectValid(file: string): void {
  const run = runCli(['validate', '--format', 'json', file], dir);
  const report = JSON.parse(run.stdout) as { files: { kind: string; apiVersion?: string; valid: boolean }[] };
  expect(report.files, run.stdout).toEqual([
    expect.objectContaining({ kind: 'DataContract', apiVersion: 'v3.1.0', valid: true }),
  ]);
  expect(run.status).toBe(0);
}

const DCS = `dataContractSpecification: 1.2.1
id: orders
info: { title: Orders, version: 1.0.0, owner: checkout }
servers:
  prod: { type: postgres, host: db, port: 5432, database: shop, schema: public, driver: psycopg }
models:
  orders:
    type: table
    fields:
      order_id: { type: varchar, required: true, primaryKey: true }
      total: { type: decimal, precision: 10, scale: 2 }
`;

const JSON_SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Customer',
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    born: { type: 'string', format: 'date' },
    address: { $ref: '#/definitions/address' },
  },
  definitions: { address: { type: 'object', properties: { city: { type: ['string', 'null'] } } } },
});

const AVRO = JSON.stringify({
  type: 'record',
  name: 'page_view',
  fields: [
    { name: 'url', type: 'string' },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'referrer', type: ['null', 'string'], default: null },
    { name: 'meta', type: { type: 'map', values: 'string' } },
  ],
});

describe('meshplane import (documents)', () => {
  it('converts a DCS file to a contract that `meshplane validate` accepts, reporting the gaps', () => {
    const run = runCli(['import', 'dcs', write('orders.dcs.yaml', DCS), '--output', 'orders.odcs.yaml'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'converted orders.dcs.yaml to orders.odcs.yaml: contract orders (ODCS v3.1.0, 1 schema object, 1 gap)',
    );
    expect(run.stdout).toContain(
      "warning: servers.prod: 'driver' kept as a custom property: not a field of an ODCS postgres server",
    );
    expect(readFileSync(path.join(dir, 'orders.odcs.yaml'), 'utf8')).toMatch(
      /^# Converted by `meshplane import dcs` from orders\.dcs\.yaml\./,
    );
    expectValid('orders.odcs.yaml');
  });

  it('writes the contract to standard output and the report to standard error without --output', () => {
    const run = runCli(['import', 'dcs', 'orders.dcs.yaml', '--format', 'json'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('apiVersion: v3.1.0');
    expect(JSON.parse(run.stderr)).toMatchObject({
      source: 'orders.dcs.yaml',
      output: null,
      contract: 'orders',
      valid: true,
      gaps: [{ where: 'servers.prod', message: expect.any(String) }],
    });
  });

  it('converts a JSON Schema', () => {
    const run = runCli(
      ['import', 'jsonschema', write('customer.schema.json', JSON_SCHEMA), '--output', 'customer.odcs.yaml'],
      dir,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('contract customer (ODCS v3.1.0, 1 schema object, 0 gaps)');
    expectValid('customer.odcs.yaml');
  });

  it('converts an Avro schema', () => {
    const run = runCli(
      ['import', 'avro', write('page_view.avsc', AVRO), '--output', 'page_view.odcs.yaml'],
      dir,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('warning: page_view.meta: ODCS has no map type');
    expectValid('page_view.odcs.yaml');
  });

  it.each([
    ['postgres', 'CREATE TABLE t (id serial PRIMARY KEY, placed_at timestamptz NOT NULL, tags text[]);'],
    [
      'mysql',
      "CREATE TABLE `t` (`id` int unsigned NOT NULL, flag tinyint(1), kind enum('a','b'), PRIMARY KEY (`id`));",
    ],
  ])('converts a %s DDL script', (dialect, sql) => {
    const file = write(`${dialect}.sql`, sql);
    const run = runCli(
      ['import', 'sql-ddl', file, '--dialect', dialect, '--output', `${dialect}.odcs.yaml`],
      dir,
    );
    expect(run.status, run.stderr).toBe(0);
    expectValid(`${dialect}.odcs.yaml`);
  });
});

describe('meshplane import (bad input)', () => {
  it('reports malformed JSON with its location and writes nothing', () => {
    const file = write(
      'broken.json',
      '{\n  "type": "object",\n  "properties": {\n    "a": {"type": "string",}\n  }\n}\n',
    );
    const run = runCli(['import', 'jsonschema', file, '--output', 'broken.odcs.yaml'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^broken\.json:4:28: error syntax-error /m);
    expect(run.stderr).toMatch(/> 4 \|/);
    expect(existsSync(path.join(dir, 'broken.odcs.yaml'))).toBe(false);
  });

  it('reports a malformed .avsc as JSON, under its own name', () => {
    const run = runCli(
      ['import', 'avro', write('broken.avsc', '{"type": "record", "fields": [}'), '--output', 'x.odcs.yaml'],
      dir,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^broken\.avsc:1:\d+: error syntax-error/m);
    expect(existsSync(path.join(dir, 'x.odcs.yaml'))).toBe(false);
  });

  it('reports a DDL syntax error with its location and writes nothing', () => {
    const file = write('broken.sql', 'CREATE TABLE t (\n  a int,\n  b varchar(10) NOT NUL\n);\n');
    const run = runCli(['import', 'sql-ddl', file, '--output', 'broken-sql.odcs.yaml'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken.sql:3:17: error syntax-error SQL syntax error: unexpected "N"');
    expect(run.stderr).toMatch(/> 3 \| {3}b varchar\(10\) NOT NUL/);
    expect(existsSync(path.join(dir, 'broken-sql.odcs.yaml'))).toBe(false);
  });

  it('refuses a file that is not what the subcommand converts', () => {
    const run = runCli(
      ['import', 'dcs', write('not-dcs.yaml', 'apiVersion: v3.1.0\nkind: DataContract\n')],
      dir,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not a Data Contract Specification document');
    expect(run.stdout).toBe('');
  });

  it('says so when the file cannot be read', () => {
    const run = runCli(['import', 'avro', 'missing.avsc'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read missing.avsc');
  });
});

describe('meshplane import postgres|mariadb (checks made before connecting)', () => {
  it('wants --domain, or --propose-domains without it', () => {
    const missing = runCli(['import', 'postgres', 'postgres://u@h/db', '--schema', 's'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--domain is required');
    const both = runCli(
      ['import', 'mariadb', 'mysql://u@h/db', '--database', 'db', '--domain', 'd', '--propose-domains'],
      dir,
    );
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--propose-domains only prints a proposal');
  });

  it('refuses a URL of the wrong engine without printing its password', () => {
    const run = runCli(
      ['import', 'postgres', 'mysql://u:hunter2@h/db', '--schema', 's', '--domain', 'd'],
      dir,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('starts with postgres:');
    expect(run.stderr + run.stdout).not.toContain('hunter2');
  });

  it('requires the schema or database option', () => {
    const run = runCli(['import', 'postgres', 'postgres://u@h/db', '--domain', 'd'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("required option '--schema <schema>' not specified");
  });
});
