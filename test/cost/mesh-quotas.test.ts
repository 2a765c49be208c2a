import { describe, expect, it } from 'vitest';
import { quotaTable } from '../../src/observability/cost/index.js';
import { analyzeWorkspace } from '../../src/spec/validate/index.js';

const MESH = (quotas: string) => `apiVersion: meshplane/v1
kind: Mesh
name: shop
teams:
  - name: sales-team
domains:
  - name: sales
    ownerTeam: sales-team
${quotas}  - name: crm
    ownerTeam: sales-team
`;

function analyze(text: string) {
  const { report, entries } = analyzeWorkspace([
    { file: 'mesh.yaml', bytes: new TextEncoder().encode(text) },
  ]);
  const diagnostics = report.files.flatMap((f) => f.diagnostics);
  const parsed = [...entries.values()][0]?.parsed;
  return { diagnostics, mesh: parsed?.kind === 'Mesh' ? parsed.model : undefined };
}

describe('mesh.yaml domain quotas', () => {
  it('accepts sizes, durations and whole bytes, and defaults to no quota', () => {
    const { diagnostics, mesh } = analyze(
      MESH('    quotas:\n      storageBytes: 10GB\n      queryTimePerDay: 30m\n'),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(quotaTable(mesh)).toEqual(
      new Map([['sales', { storageBytes: 10_000_000_000, queryTimePerDayMs: 1_800_000 }]]),
    );
    expect(quotaTable(analyze(MESH('    quotas:\n      storageBytes: 5000\n')).mesh).get('sales')).toEqual({
      storageBytes: 5000,
    });
    expect(quotaTable(analyze(MESH('')).mesh).size).toBe(0);
  });

  it('reports a size that does not read, at its line and column, with an example', () => {
    const { diagnostics } = analyze(MESH('    quotas:\n      storageBytes: 10 gigs\n'));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'schema-pattern',
        severity: 'error',
        line: 10,
        column: 21,
        path: ['domains', 0, 'quotas', 'storageBytes'],
        hint: 'write a size such as `10GB`, `1.5TB` or `500MiB`',
      }),
    ]);
  });

  it('reports a bad duration, a negative size and an unknown quota, each located', () => {
    const { diagnostics } = analyze(
      MESH('    quotas:\n      queryTimePerDay: 2 hours\n      storageBytes: -1\n      cpuPerDay: 1h\n'),
    );
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.path.join('.')])).toEqual([
      ['schema-pattern', 10, 24, 'domains.0.quotas.queryTimePerDay'],
      ['schema-range', 11, 21, 'domains.0.quotas.storageBytes'],
      ['schema-unknown-property', 12, 7, 'domains.0.quotas.cpuPerDay'],
    ]);
    expect(diagnostics[0]?.hint).toBe('write a duration such as `2h`, `30m` or `90s`');
  });
});
