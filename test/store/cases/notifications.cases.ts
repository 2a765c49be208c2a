/** In-app notifications to teams and consumers. */
import { describe, expect, it } from 'vitest';
import { PRODUCT } from '../fixtures.js';
import { rejection, type StoreHarness } from '../store-harness.js';

const DEPRECATED = 'dev.meshplane.contract.deprecated';

/** Registers the cases. */
export function notificationCases(h: StoreHarness): void {
  describe('notifications', () => {
    it('stores notices and lists them newest first, by recipient, product and unread', async () => {
      const [first] = await h.store.addNotifications([
        {
          type: DEPRECATED,
          recipient: 'crm-team',
          title: 'order_lines v1 is deprecated',
          message: 'Move to v2 before 2026-06-30.',
          productId: PRODUCT,
          port: 'order_lines',
          data: { sunset: '2026-06-30', major: 1 },
        },
      ]);
      expect(first).toMatchObject({
        type: DEPRECATED,
        recipient: 'crm-team',
        productId: PRODUCT,
        port: 'order_lines',
        data: { sunset: '2026-06-30', major: 1 },
      });
      expect(first).not.toHaveProperty('readAt');
      const later = await h.store.addNotifications([
        { type: 'dev.meshplane.contract.published', recipient: 'zoe', title: 'Published', message: '' },
        {
          type: DEPRECATED,
          recipient: 'crm-team',
          title: 'Another',
          message: 'm',
          productId: 'customers.customers',
        },
      ]);
      expect(later.map((n) => n.title)).toEqual(['Published', 'Another']);
      expect(later[0]).not.toHaveProperty('productId');
      expect(later[0]).not.toHaveProperty('data');

      expect((await h.store.listNotifications({ limit: 10 })).map((n) => n.title)).toEqual([
        'Another',
        'Published',
        'order_lines v1 is deprecated',
      ]);
      expect(
        (await h.store.listNotifications({ recipient: 'crm-team', limit: 10 })).map((n) => n.title),
      ).toEqual(['Another', 'order_lines v1 is deprecated']);
      expect(
        (await h.store.listNotifications({ recipient: 'crm-team', productId: PRODUCT, limit: 10 })).map(
          (n) => n.id,
        ),
      ).toEqual([first?.id]);
      expect(await h.store.listNotifications({ limit: 1 })).toHaveLength(1);
      expect(await h.store.listNotifications({ recipient: 'nobody', limit: 10 })).toEqual([]);

      await h.store.markNotificationRead(first?.id ?? '');
      const unread = await h.store.listNotifications({ recipient: 'crm-team', unreadOnly: true, limit: 10 });
      expect(unread.map((n) => n.title)).toEqual(['Another']);
      const [read] = await h.store.listNotifications({ productId: PRODUCT, limit: 10 });
      expect(read?.readAt).toMatch(/^\d{4}-\d\d-\d\dT/);

      // Marking it read again keeps the first time.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await h.store.markNotificationRead(first?.id ?? '');
      const [again] = await h.store.listNotifications({ productId: PRODUCT, limit: 10 });
      expect(again?.readAt).toBe(read?.readAt);
    });

    it('reports an unknown notice as NOT_FOUND and bad input as INVALID_INPUT, writing nothing', async () => {
      await rejection(h.store.markNotificationRead('no-such-notice'), 'NOT_FOUND');
      await rejection(
        h.store.addNotifications([
          { type: DEPRECATED, recipient: 'a', title: 't', message: 'm' },
          { type: DEPRECATED, recipient: '', title: 't', message: 'm' },
        ]),
        'INVALID_INPUT',
      );
      await rejection(
        h.store.addNotifications([
          { type: DEPRECATED, recipient: 'a', title: 't', message: 'm', data: { n: 1n } },
        ]),
        'INVALID_INPUT',
      );
      await rejection(h.store.listNotifications({ limit: 0 }), 'INVALID_INPUT');
      expect(await h.store.listNotifications({ limit: 10 })).toEqual([]);
    });
  });
}
