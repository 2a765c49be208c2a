import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import type { IncidentInput } from '../model/incident-model.js';
import { incidentFromRow, incidentKeyText, incidentToRow } from './incident-rows.js';

const incident: IncidentInput = {
  id: 'inc-20260501T100000Z-0a1b2c3d',
  key: { product: 'sales.orders', monitor: 'sla.breach', subject: 'orders/latency' },
  port: 'orders',
  state: 'acknowledged',
  details: { message: 'data is 2 h old', facts: { measured: '2 h', breached: true, n: 3 } },
  openedAt: '2026-05-01T10:00:00.000Z',
  lastFailingAt: '2026-05-01T10:05:00.000Z',
  occurrences: 2,
  acknowledgedBy: 'carla',
  acknowledgedAt: '2026-05-01T10:01:00.000Z',
  history: [
    { action: 'opened', actor: 'system', at: '2026-05-01T10:00:00.000Z' },
    { action: 'acknowledged', actor: 'carla', at: '2026-05-01T10:01:00.000Z' },
  ],
};

describe('incident rows', () => {
  it('round-trips an incident with its revision, absent fields staying absent', () => {
    const row = incidentToRow(incident, 3);
    expect(row).toMatchObject({
      key_text: 'sales.orders/sla.breach/orders/latency',
      resolved_by: null,
      resolution: null,
    });
    const back = incidentFromRow({ ...row, occurrences: '2' });
    expect(back).toEqual({ ...incident, revision: 3 });
    expect(back).not.toHaveProperty('resolvedAt');
  });

  it('writes the key as quality/monitors does', () => {
    expect(incidentKeyText(incident.key)).toBe('sales.orders/sla.breach/orders/latency');
  });

  it('refuses stored details without a message as INTERNAL', () => {
    const row = { ...incidentToRow(incident, 1), details: '{"facts":{}}' };
    expect(() => incidentFromRow(row)).toThrow(MeshplaneError);
  });
});
