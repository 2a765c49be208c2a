import { describe, expect, it } from 'vitest';
import type { RuntimeOutputPort } from '../../runtime/runtime-product.js';
import { defaultSubject, eventsSettings } from './events-settings.js';

function port(events: unknown): RuntimeOutputPort {
  const customProperties = events === undefined ? [] : [{ property: 'meshplane.events', value: events }];
  return { name: 'orders@v2', contract: { customProperties } } as unknown as RuntimeOutputPort;
}

describe('eventsSettings', () => {
  it('captures by default and publishes nothing', () => {
    expect(eventsSettings('sales.orders', port(undefined))).toEqual({ capture: true });
    expect(eventsSettings('sales.orders', port(true))).toEqual({ capture: true });
    expect(eventsSettings('sales.orders', port({ nats: false }))).toEqual({ capture: true });
  });

  it('turns capture off with false', () => {
    expect(eventsSettings('sales.orders', port(false))).toEqual({ capture: false });
  });

  it('publishes to meshplane.<product>.<port>, or to a valid subject given', () => {
    expect(eventsSettings('sales.orders', port({ nats: true }))).toEqual({
      capture: true,
      natsSubject: 'meshplane.sales.orders.orders@v2',
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
