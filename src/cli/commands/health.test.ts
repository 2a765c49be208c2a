import { describe, expect, it } from 'vitest';
import { meshHealth } from '../../quality/mesh-health/index.js';
import { renderMeshHealth } from './health.js';

describe('renderMeshHealth', () => {
  it('shows an empty mesh with dashes for the figures it cannot have', () => {
    const text = renderMeshHealth(
      meshHealth({
        now: '2025-06-30T12:00:00.000Z',
        days: 7,
        domains: [{ name: 'sales', ownerTeam: 'sales-team' }],
        teams: [],
        products: [],
        usage: [],
      }),
    );
    expect(text.split('\n').slice(0, 10)).toEqual([
      'mesh health at 2025-06-30T12:00:00.000Z (consumers: a read in the last 7 days)',
      'domains on the platform: 0 of 1 declared (0.0 %); without products: sales; undeclared: -',
      'products: 0 deployed, 0 not deployed yet',
      'time to create: - (no products)',
      'SLA adherence, 30 days: - over 0 products with SLAs; breached now: 0',
      'freshness: - (no ports); never updated: 0',
      'consumers: 0 active query consumers; median per product -; products without consumers: 0; consumers in no domain: 0',
      'cross-domain reuse: 0 of 0 products (-)',
      'incidents: 0 open, 0 acknowledged',
      '',
    ]);
    expect(text).toMatch(/sales\s+\|\s+no\s+\|\s+0\/0\s+\|\s+-/);
    expect(text).not.toContain('notes:');
  });
});
