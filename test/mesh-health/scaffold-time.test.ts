import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCAFFOLDED_AT } from '../../src/workspace/scaffold-time.js';
import { cli, type HealthWorkspace, makeHealthWorkspace } from './health-workspace.js';

/** `meshplane new` records the scaffold time in every bundled template, and the products still validate. */
describe('meshplane new records meshplane.scaffoldedAt', () => {
  let ws: HealthWorkspace;
  let before = 0;
  let after = 0;

  beforeAll(async () => {
    before = Date.now();
    ws = await makeHealthWorkspace();
    for (const [ref, template, ...extra] of [
      ['orders/order-lines', 'batch'],
      ['crm/accounts', 'cdc'],
      ['sales/overview', 'aggregate', '--input', 'orders.order_lines.order_lines.v1'],
    ] as const) {
      const made = await cli(['new', ref, '--template', template, ...extra], ws.workspace);
      expect(made.code, made.stderr).toBe(0);
    }
    after = Date.now();
  }, 60_000);

  afterAll(() => ws?.remove());

  it.each([
    ['events', 'domains/sales/orders'],
    ['batch', 'domains/orders/order-lines'],
    ['cdc', 'domains/crm/accounts'],
    ['aggregate', 'domains/sales/overview'],
  ])('in the %s template, as an instant of the scaffold', (_template, dir) => {
    const text = readFileSync(path.join(ws.workspace, dir, 'product.odps.yaml'), 'utf8');
    // The template's own text is kept: the property is appended.
    expect(text.startsWith('# Data product ')).toBe(true);
    const properties = parse(text).customProperties as { property: string; value: string }[];
    expect(properties.map((p) => p.property)).toEqual([SCAFFOLDED_AT]);
    const at = Date.parse(properties[0]?.value ?? '');
    expect(properties[0]?.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
  });

  it('leaves meshplane validate clean on every scaffolded product', async () => {
    const result = await cli(['validate', '--format', 'json'], ws.workspace);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });
});
