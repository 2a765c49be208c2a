import { describe, expect, it } from 'vitest';
import type { RuntimeOutputPort } from '../../runtime/runtime-product.js';
import { DEFAULT_CHANGE_RETENTION_MS, defaultSubject, eventsSettings } from './events-settings.js';

function port(events: unknown): RuntimeOutputPort {
  const customProperties = events === undefined ? [] : [{ property: 'meshplane.events', value: events }];
  return { name: 'orders@v2', contract: { customProperties } } as unknown as RuntimeOutputPort;
}

describe('eventsSettings', () => {
  it('captures by default and publishes nothing', () => {
    const defaults = { capture: true, retentionMs: DEFAULT_CHANGE_RETENTION_MS };
    expect(eventsSettings('sales.orders', port(undefined))).toEqual(defaults);
    expect(eventsSettings('sales.orders', port(true))).toEqual(defaults);
    expect(eventsSettings('sales.orders', port({ nats: false }))).toEqual(defaults);
  });

  it('turns capture off with false', () => {
    expect(eventsSettings('sales.orders', port(false))).toEqual({ capture: false, retentionMs: undefined });
  });

  it('keeps changes for the retention given (at least a minute), forever, or 7 days', () => {
    expect(eventsSettings('s.o', port({ retention: '30d' })).retentionMs).toBe(30 * 86_400_000);
    expect(eventsSettings('s.o', port({ retention: 'forever' })).retentionMs).toBeUndefined();
    for (const odd of ['10s', 'soon', 5])
      expect(eventsSettings('s.o', port({ retention: odd })).retentionMs).toBe(DEFAULT_CHANGE_RETENTION_MS);
  });

  it('publishes to meshplane.<product>.<port>, or to a valid subject given', () => {
    expect(eventsSettings('sales.orders', port({ nats: true }))).toEqual({
      capture: true,
      natsSubject: 'meshplane.sales.orders.orders@v2',
      retentionMs: DEFAULT_CHANGE_RETENTION_MS,
    });
    expect(eventsSettings('sales.orders', port({ nats: true, subject: 'shop.orders' })).natsSubject).toBe(
      'shop.orders',
    );
    expect(eventsSettings('sales.orders', port({ nats: true, subject: 'bad.>' })).natsSubject).toBe(
      'meshplane.sales.orders.orders@v2',
    );
  });

  it('keeps subject tokens free of wildcards and spaces', () => {
    expect(defaultSubject('a.b*c', 'x y>')).toBe('meshplane.a.b_c.x_y_');
  });
});
