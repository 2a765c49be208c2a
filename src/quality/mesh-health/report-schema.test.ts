import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SCAFFOLDED_AT } from '../../workspace/scaffold-time.js';
import { meshHealth } from './mesh-health.js';
import { MESH_HEALTH_REPORT_SCHEMA } from './report-schema.js';

const NOW = '2025-06-30T12:00:00.000Z';

describe('MESH_HEALTH_REPORT_SCHEMA', () => {
  const validate = new Ajv({ strict: true, allErrors: true }).compile(MESH_HEALTH_REPORT_SCHEMA);

  it('declares every field of a report that has every figure (its objects are closed)', () => {
    const report = meshHealth({
      now: NOW,
      days: 30,
      domains: [
        { name: 'sales', ownerTeam: 'sales-team' },
        { name: 'crm', ownerTeam: 'crm-team' },
      ],
      teams: [{ name: 'crm-team', members: ['cleo'] }],
      products: [
        {
          id: 'sales.orders',
          domain: 'sales',
          deployed: true,
          customProperties: [{ property: SCAFFOLDED_AT, value: '2025-06-01T00:00:00Z' }],
          firstDeployAt: '2025-06-01T00:10:00.000Z',
          firstSucceededAt: '2025-06-01T00:11:00.000Z',
          reads: [],
          outputs: [{ port: 'orders', lastUpdatedAt: '2025-06-30T11:00:00.000Z' }, { port: 'other' }],
          sla: { objectives: 1, state: 'met', metSeconds: 10, breachedSeconds: 5 },
          incidents: { open: 1, acknowledged: 0 },
          notes: ['a note'],
        },
        {
          id: 'ops.jobs',
          domain: 'ops',
          deployed: true,
          customProperties: [],
          reads: ['sales.orders'],
          outputs: [],
          incidents: { open: 0, acknowledged: 0 },
        },
      ],
      usage: [
        { productId: 'sales.orders', consumer: 'cleo', lastReadAt: '2025-06-29T00:00:00.000Z' },
        { productId: 'sales.orders', consumer: 'anonymous', lastReadAt: '2025-06-29T00:00:00.000Z' },
      ],
    });
    expect(report.mesh.edges).toHaveLength(2);
    expect(report.products[1]?.sla).toBeDefined();
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('refuses a field it does not declare', () => {
    const report = meshHealth({ now: NOW, days: 30, domains: [], teams: [], products: [], usage: [] });
    expect(validate(report)).toBe(true);
    expect(validate({ ...report, mesh: { ...report.mesh, surprise: 1 } })).toBe(false);
  });
});
