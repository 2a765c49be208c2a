import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { collectSources } from '../../src/cli/collect-sources.js';
import type { ImportedTable } from '../../src/import/imported-table.js';
import { tablesToProducts } from '../../src/import/tables-to-products.js';
import { readImportTarget, writeImport } from '../../src/import/write-import.js';
import { validateWorkspace } from '../../src/spec/validate/index.js';
import { initWorkspace } from '../../src/workspace/init-workspace.js';

const base = mkdtempSync(path.join(tmpdir(), 'meshplane-import-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const TABLES: ImportedTable[] = [
  {
    schema: 'legacy',
    name: 'customers',
    columns: [
      { name: 'id', dataType: 'integer', nullable: false },
      { name: 'email', dataType: 'varchar(200)', nullable: false },
    ],
    primaryKey: ['id'],
    uniqueKeys: [],
    foreignKeys: [],
  },
  {
    schema: 'legacy',
    name: 'orders',
    columns: [
      { name: 'id', dataType: 'bigint', nullable: false },
      { name: 'customer_id', dataType: 'integer', nullable: false },
      { name: 'status', dataType: 'varchar(10)', nullable: true, enumValues: ['new', 'paid'] },
    ],
    primaryKey: ['id'],
    uniqueKeys: [],
    foreignKeys: [{ columns: ['customer_id'], referencedTable: 'customers', referencedColumns: ['id'] }],
  },
];

const CONNECTION = {
  engine: 'postgres' as const,
  host: '127.0.0.1',
  port: 5432,
  database: 'test',
  schema: 'legacy',
  user: 'postgres',
  passwordEnv: 'PGPASSWORD',
};

let root = '';
let count = 0;
beforeEach(async () => {
  root = path.join(base, `ws${count++}`);
  await initWorkspace(root, 'legacy-mesh');
});

async function validate(dir: string) {
  const { sources, reported } = await collectSources([dir], dir, 5 * 1024 * 1024);
  return validateWorkspace(sources, { report: (f) => reported.has(f) });
}

describe('writeImport', () => {
  it('writes the products, adds the new domain to mesh.yaml, and the workspace validates', async () => {
    const target = await readImportTarget(root, 'crm');
    expect(target).toMatchObject({ domain: 'crm', domainDeclared: false, convention: 'snake_case' });
    const products = tablesToProducts({
      tables: TABLES,
      connection: CONNECTION,
      domain: 'crm',
      team: target.team,
    });
    const result = await writeImport(target, products);
    expect(result.domainAdded).toBe(true);
    expect(result.files).toHaveLength(8);
    for (const f of result.files) expect(existsSync(path.join(root, f))).toBe(true);
    expect(readFileSync(path.join(root, 'mesh.yaml'), 'utf8')).toMatch(
      /name: crm\n\s+description: .*meshplane import/,
    );
    const report = await validate(root);
    const errors = report.files.flatMap((f) =>
      f.diagnostics.filter((d) => d.severity === 'error').map((d) => `${f.file}: ${d.message}`),
    );
    expect(errors).toEqual([]);
    expect(
      report.files
        .filter((f) => f.file.includes('domains/crm/'))
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['DataContract', 'DataContract', 'DataContract', 'DataContract', 'DataProduct', 'DataProduct']);
  });

  it('refuses when a product folder exists, naming it, and writes nothing', async () => {
    mkdirSync(path.join(root, 'domains/crm/orders'), { recursive: true });
    const before = readFileSync(path.join(root, 'mesh.yaml'), 'utf8');
    const target = await readImportTarget(root, 'crm');
    const products = tablesToProducts({
      tables: TABLES,
      connection: CONNECTION,
      domain: 'crm',
      team: target.team,
    });
    await expect(writeImport(target, products)).rejects.toThrow(
      /already exists \(nothing was written\): domains\/crm\/orders/,
    );
    expect(existsSync(path.join(root, 'domains/crm/customers'))).toBe(false);
    expect(readFileSync(path.join(root, 'mesh.yaml'), 'utf8')).toBe(before);
  });

  it('uses the owner team of a declared domain and leaves mesh.yaml alone', async () => {
    const first = await readImportTarget(root, 'crm');
    await writeImport(
      first,
      tablesToProducts({
        tables: [TABLES[0] as ImportedTable],
        connection: CONNECTION,
        domain: 'crm',
        team: first.team,
      }),
    );
    const mesh = readFileSync(path.join(root, 'mesh.yaml'), 'utf8');
    const second = await readImportTarget(root, 'crm');
    expect(second).toMatchObject({ domainDeclared: true, team: first.team });
    const result = await writeImport(
      second,
      tablesToProducts({
        tables: [TABLES[1] as ImportedTable],
        connection: CONNECTION,
        domain: 'crm',
        team: second.team,
      }),
    );
    expect(result.domainAdded).toBe(false);
    expect(readFileSync(path.join(root, 'mesh.yaml'), 'utf8')).toBe(mesh);
  });
});
