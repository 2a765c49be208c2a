import { describe, expect, it } from 'vitest';
import { compilePolicies } from './compile-policies.js';
import { MESH_SCHEMA } from './mesh-schema.js';

describe('compilePolicies', () => {
  it('numbers the statements of a multi-policy file in source order and records effect and position', () => {
    const text = [
      '// read access for analysts',
      'permit (principal in Meshplane::Team::"analysts", action == Meshplane::Action::"read", resource);',
      '',
      'forbid (principal, action == Meshplane::Action::"export", resource)',
      '  when { resource.classification == "confidential" };',
    ].join('\n');
    const { policies, diagnostics } = compilePolicies(MESH_SCHEMA, [
      { id: 'policies/analysts.cedar', source: 'mesh', text },
    ]);
    expect(diagnostics).toEqual([]);
    expect(policies.map((p) => [p.id, p.effect, p.line, p.column, p.file])).toEqual([
      ['policies/analysts.cedar#1', 'permit', 2, 1, 'policies/analysts.cedar'],
      ['policies/analysts.cedar#2', 'forbid', 4, 1, 'policies/analysts.cedar'],
    ]);
  });

  it("reports a syntax error at its line and column and keeps the file's other statements", () => {
    const text = 'permit (principal, action, resource);\nforbid (principal, action, resource) when { 1 == };';
    const { policies, diagnostics } = compilePolicies(MESH_SCHEMA, [
      { id: 'm', file: 'policies/m.cedar', source: 'mesh', text },
    ]);
    expect(policies.map((p) => p.id)).toEqual(['m#1']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'access-policy-syntax',
      severity: 'error',
      policyId: 'm#2',
      file: 'policies/m.cedar',
      line: 2,
      column: 50,
    });
    expect(diagnostics[0]?.message).toMatch(/^policy 'm#2': unexpected token/);
  });

  it('refuses templates: a slot is not a policy that can take effect', () => {
    const { policies, diagnostics } = compilePolicies(MESH_SCHEMA, [
      { id: 't', source: 'mesh', text: 'permit (principal == ?principal, action, resource);' },
    ]);
    expect(policies).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'access-policy-syntax', policyId: 't' });
    expect(diagnostics[0]?.message).toContain('template');
  });

  it('keeps the first of two policies with the same id and reports the second', () => {
    const { policies, diagnostics } = compilePolicies(MESH_SCHEMA, [
      {
        id: 'same',
        source: 'mesh',
        text: 'permit (principal, action == Meshplane::Action::"discover", resource);',
      },
      { id: 'same', source: 'grant', text: 'permit (principal, action, resource);' },
    ]);
    expect(policies.map((p) => [p.id, p.source])).toEqual([['same', 'mesh']]);
    expect(diagnostics.map((d) => [d.code, d.policyId])).toEqual([['access-policy-duplicate-id', 'same']]);
  });

  it("refuses a policy that validates only without the schema, with Cedar's hint", () => {
    const { policies, diagnostics } = compilePolicies(MESH_SCHEMA, [
      {
        id: 'optional',
        source: 'mesh',
        text: 'permit (principal, action == Meshplane::Action::"read", resource) when { principal.domain == resource.domain };',
      },
    ]);
    expect(policies).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'access-policy-invalid', policyId: 'optional', line: 1 });
    expect(diagnostics[0]?.hint).toContain('has domain');
  });

  it('warns about an impossible policy but lets it take effect (it can grant nothing)', () => {
    const { policies, diagnostics } = compilePolicies(MESH_SCHEMA, [
      { id: 'never', source: 'mesh', text: 'permit (principal is Meshplane::Team, action, resource);' },
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning' && d.code === 'access-policy-warning')).toBe(
      true,
    );
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(policies.map((p) => p.id)).toEqual(['never']);
  });

  it('bounds ids and text sizes', () => {
    const { policies, diagnostics } = compilePolicies(MESH_SCHEMA, [
      { id: '', source: 'mesh', text: 'permit (principal, action, resource);' },
      { id: 'big', source: 'mesh', text: `// ${'x'.repeat(1_000_001)}` },
    ]);
    expect(policies).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['access-policy-too-large', 'access-policy-too-large']);
  });
});
