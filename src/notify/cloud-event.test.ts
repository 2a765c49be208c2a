import { describe, expect, it } from 'vitest';
import { CONTRACT_DEPRECATED, cloudEvent, isCloudEvent, MESHPLANE_EVENT_TYPES } from './cloud-event.js';

const AT = new Date('2026-05-01T10:00:00.000Z');

describe('cloudEvent', () => {
  it('fills specversion, content type, id and time from the given sources, and leaves out an absent subject', () => {
    const event = cloudEvent(
      { source: '/meshplane/products/sales.orders', type: CONTRACT_DEPRECATED, data: { port: 'orders' } },
      { newId: () => 'id-1', now: () => AT },
    );
    expect(event).toEqual({
      specversion: '1.0',
      id: 'id-1',
      source: '/meshplane/products/sales.orders',
      type: 'dev.meshplane.contract.deprecated',
      time: '2026-05-01T10:00:00.000Z',
      datacontenttype: 'application/json',
      data: { port: 'orders' },
    });
    expect('subject' in event).toBe(false);
    expect(isCloudEvent(event)).toBe(true);
  });

  it('keeps an explicit id, time and subject', () => {
    const event = cloudEvent(
      { source: '/s', type: 't', subject: 'orders@1', data: null, id: 'given', time: AT },
      {
        newId: () => {
          throw new Error('not called');
        },
      },
    );
    expect(event).toMatchObject({ id: 'given', subject: 'orders@1', time: AT.toISOString() });
  });

  it('names every event type under dev.meshplane', () => {
    expect(MESHPLANE_EVENT_TYPES).toHaveLength(5);
    for (const type of MESHPLANE_EVENT_TYPES) expect(type).toMatch(/^dev\.meshplane\.[a-z]+\.[a-z-]+$/);
  });
});

describe('isCloudEvent', () => {
  const good = cloudEvent({ source: '/s', type: 't', data: 1 }, { newId: () => 'i', now: () => AT });
  it.each([
    ['null', null],
    ['another specversion', { ...good, specversion: '0.3' }],
    ['an empty id', { ...good, id: '' }],
    ['no source', { ...good, source: undefined }],
    ['another content type', { ...good, datacontenttype: 'text/plain' }],
    ['a subject that is not text', { ...good, subject: 5 }],
    [
      'no data member',
      {
        specversion: '1.0',
        id: 'i',
        source: '/s',
        type: 't',
        time: 'x',
        datacontenttype: 'application/json',
      },
    ],
  ])('refuses %s', (_name, value) => {
    expect(isCloudEvent(value)).toBe(false);
  });
});
