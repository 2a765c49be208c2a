import { describe, expect, it } from 'vitest';
import { isCloudEvent } from '../../notify/cloud-event.js';
import {
  acknowledge,
  type ConditionKey,
  conditionObserved,
  type IncidentEffect,
  resolve,
} from './incident.js';
import {
  INCIDENT_OPENED,
  INCIDENT_RESOLVED,
  incidentCloudEvent,
  incidentSlackPayload,
} from './incident-alert.js';
import { reduceIncidents } from './incident-reducer.js';

const KEY: ConditionKey = { product: 'sales.orders', monitor: 'freshness', subject: 'orders' };

function effectsOf(): { opened: IncidentEffect; cleared: IncidentEffect; byHand: IncidentEffect } {
  const open = reduceIncidents(
    [],
    conditionObserved(
      KEY,
      true,
      { message: 'data is 5 h old', facts: { ageSeconds: 18_000 } },
      '2024-05-10T12:00:00Z',
    ),
  );
  const cleared = reduceIncidents(
    open.incidents,
    conditionObserved(KEY, false, { message: 'data is 1 min old' }, '2024-05-10T13:00:00Z'),
  );
  const id = open.incidents[0]?.id ?? '';
  const acked = reduceIncidents(open.incidents, acknowledge(id, 'ana', '2024-05-10T12:05:00Z'));
  const byHand = reduceIncidents(acked.incidents, resolve(id, 'ana', '2024-05-10T12:30:00Z'));
  const [o] = open.effects;
  const [c] = cleared.effects;
  const [h] = byHand.effects;
  if (o === undefined || c === undefined || h === undefined) throw new Error('missing effect');
  return { opened: o, cleared: c, byHand: h };
}

describe('incident alerts', () => {
  const { opened, cleared, byHand } = effectsOf();

  it('builds a CloudEvent per effect, with an id stable per incident and effect', () => {
    const event = incidentCloudEvent(opened);
    expect(isCloudEvent(event)).toBe(true);
    expect(event).toMatchObject({
      specversion: '1.0',
      id: `${opened.incident.id}.opened`,
      source: '/meshplane/products/sales.orders',
      type: INCIDENT_OPENED,
      subject: 'orders',
      time: '2024-05-10T12:00:00.000Z',
      datacontenttype: 'application/json',
      data: {
        title: 'Incident: freshness on sales.orders orders',
        message: 'data is 5 h old',
        incidentId: opened.incident.id,
        product: 'sales.orders',
        monitor: 'freshness',
        subject: 'orders',
        state: 'open',
        occurrences: 1,
        ageSeconds: 18_000,
        facts: { ageSeconds: 18_000 },
      },
    });
    expect(incidentCloudEvent(opened)).toEqual(event);
  });

  it('says how a resolution came: the condition cleared, or a person resolved it', () => {
    const auto = incidentCloudEvent(cleared);
    expect(auto).toMatchObject({
      id: `${cleared.incident.id}.resolved`,
      type: INCIDENT_RESOLVED,
      time: '2024-05-10T13:00:00.000Z',
      data: {
        title: 'Resolved: freshness on sales.orders orders',
        message: 'cleared: data is 1 min old',
        resolvedBy: 'system',
      },
    });
    const manual = incidentCloudEvent(byHand);
    expect(manual.data).toMatchObject({
      message: 'resolved by ana; last failure: data is 5 h old',
      acknowledgedBy: 'ana',
      resolvedBy: 'ana',
      resolvedAt: '2024-05-10T12:30:00.000Z',
    });
  });

  it('renders a Slack message with the title, message and facts', () => {
    const slack = incidentSlackPayload(opened);
    expect(slack.text).toBe('Incident: freshness on sales.orders orders (orders): data is 5 h old');
    expect(slack.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Incident: freshness on sales.orders orders' },
    });
    expect(JSON.stringify(slack.blocks)).toContain('*ageSeconds*\\n18000');
  });

  it('lets no fact override the fixed members', () => {
    const step = reduceIncidents(
      [],
      conditionObserved(
        KEY,
        true,
        { message: 'm', facts: { product: 'forged', title: 'forged' } },
        '2024-05-10T12:00:00Z',
      ),
    );
    const [effect] = step.effects;
    if (effect === undefined) throw new Error('no effect');
    expect(incidentCloudEvent(effect).data).toMatchObject({
      product: 'sales.orders',
      title: 'Incident: freshness on sales.orders orders',
    });
  });
});
