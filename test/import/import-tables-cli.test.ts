import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { CliIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import type { ImportedTable } from '../../src/import/imported-table.js';
import { initWorkspace } from '../../src/workspace/init-workspace.js';

/**
 * The postgres and mariadb subcommands in-process, with the engines' introspection replaced by a
 * fixed catalog: no database is needed, and what the command does with the tables is what is
 * tested (the introspection itself is tested with the engines).
 */
const TABLES: ImportedTable[] = [
  {
    schema: 'legacy',
    name: 'customers',
    comment: 'Customers.',
    columns: [
      { name: 'id', dataType: 'integer', nullable: false },
      { name: 'email', dataType: 'character varying(200)', nullable: false },
    ],
    primaryKey: ['id'],
    uniqueKeys: [['email']],
    foreignKeys: [],
  },
  {
    schema: 'legacy',
    name: 'orders',
    columns: [
      { name: 'id', dataType: 'bigint', nullable: false },
      { name: 'customer_id', dataType: 'integer', nullable: false },
    ],
    primaryKey: ['id'],
    uniqueKeys: [],
    foreignKeys: [{ columns: ['customer_id'], referencedTable: 'customers', referencedColumns: ['id'] }],
  },
];

const calls: { url: string; scope: string }[] = [];
// Only introspection is replaced; the rest of each engine (its dialect, used elsewhere in the CLI) stays real.
vi.mock('../../src/engines/postgres/index.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  introspectPostgres: async (url: string, scope: string) => {
    calls.push({ url, scope });
    if (scope === 'missing') throw new Error(`cannot reach ${url}`);
    return TABLES;
  },
}));
vi.mock('../../src/engines/mariadb/index.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  introspectMariadb: async (url: string, scope: string) => {
    calls.push({ url, scope });
    return TABLES;
  },
}));

const base = mkdtempSync(path.join(tmpdir(), 'meshplane-import-tables-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, isTTY: false };
  const status = await main(['node', 'meshplane', ...args], io);
  return { status, stdout, stderr };
}

async function workspace(name: string): Promise<string> {
  const root = path.join(base, name);
  await initWorkspace(root, 'legacy');
  return root;
}

describe('meshplane import postgres|mariadb', () => {
  it('writes one product per table, tells which variable holds the password, and never writes it', async () => {
    const root = await workspace('pg');
    const url = 'postgres://app:s3cr3t@127.0.0.1:5432/test';
    const result = await run(['import', 'postgres', url, '--schema', 'legacy', '--domain', 'crm'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(calls.at(-1)).toEqual({ url, scope: 'legacy' });
    expect(result.stdout).toContain('Imported 2 tables into domain crm');
    expect(result.stdout).toContain('+ domains/crm/orders/source.odcs.yaml');
    expect(result.stdout).toContain('Set PGPASSWORD');
    expect(result.stdout).toContain('Domain crm was not in mesh.yaml: added it');
    const source = parse(readFileSync(path.join(root, 'domains/crm/customers/source.odcs.yaml'), 'utf8'));
    expect(source.servers[0].customProperties[0].value).toEqual({
      kind: 'sql-table',
      table: 'customers',
      user: 'app',
      password: { env: 'PGPASSWORD' },
    });
    for (const file of ['product.odps.yaml', 'source.odcs.yaml', 'customers.odcs.yaml', 'customers.sql']) {
      expect(readFileSync(path.join(root, 'domains/crm/customers', file), 'utf8')).not.toContain('s3cr3t');
    }
    expect(result.stdout + result.stderr).not.toContain('s3cr3t');
    const validate = await run(['validate'], root);
    expect(validate.status, validate.stdout).toBe(0);
  });

  it('refuses to import over an existing product and writes nothing', async () => {
    const root = await workspace('again');
    const args = ['import', 'postgres', 'postgres://app@db/test', '--schema', 'legacy', '--domain', 'crm'];
    expect((await run(args, root)).status).toBe(0);
    const second = await run([...args, '--tables', 'orders'], root);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('domains/crm/orders');
  });

  it('shows the plan with --dry-run and writes nothing', async () => {
    const root = await workspace('dry');
    const result = await run(
      [
        'import',
        'mariadb',
        'mysql://root@db/shop',
        '--database',
        'shop',
        '--domain',
        'sales',
        '--dry-run',
        '--tables',
        'orders',
      ],
      root,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Would import 1 table into domain sales');
    expect(result.stdout).toContain('~ domains/sales/orders/orders.sql');
    expect(existsSync(path.join(root, 'domains/sales/orders'))).toBe(false);
  });

  it('prints a domain proposal, with a command per domain, and writes nothing', async () => {
    const root = await workspace('propose');
    const result = await run(
      ['import', 'postgres', 'postgres://app:s3cr3t@db/test', '--schema', 'legacy', '--propose-domains'],
      root,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('customers  (2 tables, around customers)');
    expect(result.stdout).toContain(
      "import: meshplane import postgres 'postgres://app@db/test' --schema legacy --domain customers --tables customers,orders",
    );
    expect(result.stdout).not.toContain('s3cr3t');
    expect(existsSync(path.join(root, 'domains/customers'))).toBe(false);
    const json = await run(
      [
        'import',
        'postgres',
        'postgres://db/test',
        '--schema',
        'legacy',
        '--propose-domains',
        '--format',
        'json',
      ],
      root,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({
      domains: [{ name: 'customers', tables: ['customers', 'orders'] }],
      unrelated: [],
    });
  });

  it('names the tables that do not exist', async () => {
    const root = await workspace('unknown');
    const result = await run(
      [
        'import',
        'postgres',
        'postgres://db/test',
        '--schema',
        'legacy',
        '--domain',
        'crm',
        '--tables',
        'orders,invoices',
      ],
      root,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no table invoices in legacy; there are: customers, orders');
  });

  it('keeps the password out of a connection failure', async () => {
    const root = await workspace('failure');
    const result = await run(
      ['import', 'postgres', 'postgres://app:s3cr3t@db/test', '--schema', 'missing', '--domain', 'crm'],
      root,
    );
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('cannot reach postgres://app@db/test');
    expect(result.stderr).not.toContain('s3cr3t');
  });
});
