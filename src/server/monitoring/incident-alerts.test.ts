import { describe, expect, it } from 'vitest';
import { conditionObserved, reduceIncidents } from '../../quality/monitors/index.js';
import { incidentAlerts } from './incident-alerts.js';

const key = { product: 'sales.orders', monitor: 'sla.breach', subject: 'orders/latency' };
const opened = reduceIncidents(
  [],
  conditionObserved(key, true, { message: 'data is 5 min old' }, '2026-05-01T10:00:00Z'),
);

describe('incidentAlerts', () => {
  it('sends each effect to the webhooks that want its type and tells the owning team', () => {
    const alerts = incidentAlerts(opened.effects, {
      webhooks: [
        { url: 'https://a.example/all', events: [], format: 'cloudevents' },
        { url: 'https://b.example/resolved', events: ['dev.meshplane.incident.resolved'], format: 'slack' },
        { url: 'https://c.example/opened', events: ['dev.meshplane.incident.opened'], format: 'slack' },
      ],
      ownerTeam: 'sales-team',
      port: 'orders',
    });
    expect(alerts.webhooks?.map((w) => [w.url, w.event.type, w.event.id])).toEqual([
      ['https://a.example/all', 'dev.meshplane.incident.opened', `${opened.incidents[0]?.id}.opened`],
      ['https://c.example/opened', 'dev.meshplane.incident.opened', `${opened.incidents[0]?.id}.opened`],
    ]);
    expect(alerts.notifications).toEqual([
      expect.objectContaining({
        type: 'dev.meshplane.incident.opened',
        recipient: 'sales-team',
        productId: 'sales.orders',
        port: 'orders',
        message: 'data is 5 min old',
        title: 'Incident: sla.breach on sales.orders orders/latency',
      }),
    ]);
  });

  it('sends nothing for no effects, and no notice without an owner', () => {
    expect(
      incidentAlerts([], { webhooks: [{ url: 'https://a', events: [], format: 'cloudevents' }] }),
    ).toEqual({
      webhooks: [],
      notifications: [],
    });
    expect(incidentAlerts(opened.effects, { webhooks: [] }).notifications).toEqual([]);
  });
});
