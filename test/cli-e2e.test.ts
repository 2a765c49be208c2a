import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './support/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-e2e-'));
const workspace = path.join(dir, 'mesh');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonReport {
  files: { file: string; kind: string; valid: boolean; diagnostics: { code: string; severity: string }[] }[];
  summary: { files: number; errors: number; warnings: number };
}

describe('meshplane init, new and validate as a user runs them', () => {
  it('creates a workspace that validates', () => {
    const init = runCli(['init', workspace], dir);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const run = runCli(['validate'], workspace);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it.each(['batch', 'events', 'cdc'])(
    'scaffolds a product from the %s template that validates',
    (template) => {
      const created = runCli(['new', `sales/${template}-feed`, '--template', template], workspace);
      expect(created.status, created.stderr).toBe(0);
      const run = runCli(['validate', '--format', 'json'], workspace);
      const report = JSON.parse(run.stdout) as JsonReport;
      const errors = report.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error'));
      expect(errors, run.stdout).toEqual([]);
      expect(run.status).toBe(0);
      expect(report.files.some((f) => f.file.includes(`${template}-feed`) && f.kind === 'DataProduct')).toBe(
        true,
      );
    },
  );

  it('scaffolds an aggregate over other products that validates', () => {
    const products = runCli(['validate', '--format', 'json'], workspace);
    const report = JSON.parse(products.stdout) as JsonReport;
    expect(report.summary.errors).toBe(0);
    const created = runCli(
      ['new', 'sales/sales-summary', '--template', 'aggregate', '--input', 'sales.batch_feed.batch_feed.v1'],
      workspace,
    );
    expect(created.status, created.stderr + created.stdout).toBe(0);
    const run = runCli(['validate'], workspace);
    expect(run.status, run.stdout).toBe(0);
  });

  it('reports a broken document compiler-style with exit code 1, and JSON with the documented shape', () => {
    const file = path.join(workspace, 'domains/sales/batch-feed/batch_feed.odcs.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('logicalType: string', 'logicalTyp: string'));
    try {
      const text = runCli(['validate'], workspace);
      expect(text.status).toBe(1);
      expect(text.stdout).toMatch(
        /domains\/sales\/batch-feed\/batch_feed\.odcs\.yaml:\d+:\d+: error schema-unknown-property .*logicalTyp/,
      );
      expect(text.stdout).toContain('logicalType');
      expect(text.stdout).toMatch(/^\s+> \d+ \|/m);
      const json = runCli(['validate', '--format', 'json'], workspace);
      expect(json.status).toBe(1);
      const report = JSON.parse(json.stdout) as JsonReport & Record<string, unknown>;
      const bad = report.files.find((f) => f.file.endsWith('batch_feed.odcs.yaml'));
      expect(bad).toMatchObject({ kind: 'DataContract', apiVersion: 'v3.1.0', valid: false });
      expect(bad?.diagnostics[0]).toMatchObject({ code: 'schema-unknown-property', severity: 'error' });
      expect(Object.keys(bad?.diagnostics[0] ?? {})).toEqual(
        expect.arrayContaining(['code', 'severity', 'message', 'file', 'line', 'column', 'path']),
      );
      expect(report.summary.errors).toBeGreaterThan(0);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('validates one folder with the rest of the workspace as context', () => {
    const run = runCli(['validate', 'domains/sales/sales-summary', '--format', 'json'], workspace);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(run.status, run.stdout).toBe(0);
    expect(report.files.every((f) => f.file.startsWith('domains/sales/sales-summary'))).toBe(true);
  });

  it('answers usage errors with exit code 2 and a message', () => {
    const unknown = runCli(['validate', '--no-such-flag'], workspace);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--no-such-flag');
    const missing = runCli(['validate', 'nowhere'], workspace);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
    const format = runCli(['validate', '--format', 'xml'], workspace);
    expect(format.status).toBe(2);
  });

  it('exports a contract as JSON Schema, Avro and SQL DDL, and refuses what is not a valid contract', () => {
    const contract = 'domains/sales/batch-feed/batch_feed.odcs.yaml';
    const schema = runCli(['export', contract, '--format', 'jsonschema'], workspace);
    expect(schema.status, schema.stderr).toBe(0);
    const parsed = JSON.parse(schema.stdout) as { $schema: string; type: string; properties: object };
    expect(parsed.$schema).toContain('json-schema.org');
    expect(parsed.type).toBe('object');
    expect(Object.keys(parsed.properties).length).toBeGreaterThan(0);
    const avro = runCli(['export', contract, '--format', 'avro'], workspace);
    expect(JSON.parse(avro.stdout)).toMatchObject({ type: 'record' });
    const ddl = runCli(['export', contract, '--format', 'sql-ddl', '--dialect', 'postgres'], workspace);
    expect(ddl.stdout).toMatch(/CREATE TABLE/i);
    const out = path.join(dir, 'schema.json');
    expect(runCli(['export', contract, '--format', 'jsonschema', '--output', out], workspace).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(schema.stdout);

    const product = runCli(
      ['export', 'domains/sales/batch-feed/product.odps.yaml', '--format', 'avro'],
      workspace,
    );
    expect(product.status).toBe(2);
    expect(product.stderr).toContain('not an ODCS data contract');
    const broken = path.join(dir, 'broken.odcs.yaml');
    writeFileSync(
      broken,
      readFileSync(path.join(workspace, contract), 'utf8').replace('kind: DataContract', 'kind: Contract'),
    );
    const refused = runCli(['export', broken, '--format', 'jsonschema']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/error/);
    expect(runCli(['export', contract, '--format', 'protobuf'], workspace).status).toBe(2);
  });

  it('validates the bundled demo mesh', () => {
    const run = runCli(['validate', 'examples/shop'], repoRoot);
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/✔ \d+ files valid/);
  });
});
