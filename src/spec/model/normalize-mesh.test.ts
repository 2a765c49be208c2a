import { describe, expect, it } from 'vitest';
import meshSchema from '../schema/meshplane/mesh-v1.schema.json' with { type: 'json' };
import { normalizeMesh } from './normalize-mesh.js';
import { DURATION_PATTERN, SIZE_PATTERN } from './quota-units.js';

describe('normalizeMesh: domain quotas', () => {
  it('reads storage and query time quotas into bytes and milliseconds', () => {
    const mesh = normalizeMesh({
      domains: [
        { name: 'sales', ownerTeam: 't', quotas: { storageBytes: '10GB', queryTimePerDay: '2h' } },
        { name: 'crm', ownerTeam: 't', quotas: { storageBytes: 4096 } },
        { name: 'hr', ownerTeam: 't' },
      ],
    });
    expect(mesh.domains[0]?.quotas).toEqual({ storageBytes: 10_000_000_000, queryTimePerDayMs: 7_200_000 });
    expect(mesh.domains[1]?.quotas).toEqual({ storageBytes: 4096 });
    expect(mesh.domains[2]).not.toHaveProperty('quotas');
  });

  it('reads a quota that does not parse as no quota (the schema reports it)', () => {
    const mesh = normalizeMesh({
      domains: [{ name: 'sales', ownerTeam: 't', quotas: { storageBytes: '10 gigs', queryTimePerDay: 7 } }],
    });
    expect(mesh.domains[0]).not.toHaveProperty('quotas');
    expect(normalizeMesh({ domains: [{ name: 'd', quotas: 'lots' }] }).domains[0]).not.toHaveProperty(
      'quotas',
    );
  });

  it('parses with the very patterns the schema checks', () => {
    const quotas = meshSchema.$defs.Quotas.properties;
    expect(quotas.storageBytes.pattern).toBe(SIZE_PATTERN);
    expect(quotas.queryTimePerDay.pattern).toBe(DURATION_PATTERN);
  });
});
