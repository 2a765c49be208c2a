import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicies, grantPolicy, MESH_SCHEMA } from '../../src/access/index.js';

const page = readFileSync(new URL('../../docs/access.md', import.meta.url), 'utf8');
const blocks = [...page.matchAll(/```cedar\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('docs/access.md', () => {
  it('has Cedar examples that validate against the schema', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    blocks.forEach((text, i) => {
      const { policies, diagnostics } = compilePolicies(MESH_SCHEMA, [
        { id: `example-${i}`, source: 'mesh', text },
      ]);
      expect(diagnostics).toEqual([]);
      expect(policies).toHaveLength(1);
    });
  });

  it('shows the grant policy exactly as grantPolicy writes it', () => {
    const { text } = grantPolicy({
      id: 'req-42',
      principal: { type: 'User', id: 'alice' },
      port: 'orders.order_lines/order_lines',
      until: '2027-01-31T00:00:00Z',
      purpose: 'quarterly churn report',
    });
    expect(blocks).toContain(`${text}\n`);
  });

  it('documents every finding code the compiler emits', () => {
    const source = readFileSync(new URL('../../src/access/compile-policies.ts', import.meta.url), 'utf8');
    const codes = new Set([...source.matchAll(/'(access-policy-[a-z-]+)'/g)].map((m) => m[1]));
    for (const code of codes) expect(page).toContain(`| \`${code}\` |`);
  });
});
