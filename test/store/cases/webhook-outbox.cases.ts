/** The webhook outbox: enqueue, claim (in order per URL, leased), settle. */
import { describe, expect, it } from 'vitest';
import { type CloudEvent, cloudEvent } from '../../../src/notify/cloud-event.js';
import { rejection, type StoreHarness } from '../store-harness.js';

const A = 'http://127.0.0.1:9/a';
const B = 'https://hooks.example.com/b';

const AT = new Date('2026-05-01T10:00:00.000Z');

function event(id: string): CloudEvent {
  return cloudEvent(
    { source: '/meshplane/test', type: 'dev.meshplane.contract.published', subject: 'p/o', data: { id } },
    { newId: () => id, now: () => AT },
  );
}

/** `ms` from now. */
function inMs(ms: number): Date {
  return new Date(Date.now() + ms);
}

/** Registers the cases. */
export function webhookOutboxCases(h: StoreHarness): void {
  describe('webhook outbox', () => {
    it('claims due deliveries oldest first, one per URL, and holds them for the lease', async () => {
      await h.store.enqueueWebhooks([
        { url: A, event: event('e1') },
        { url: A, event: event('e2') },
        { url: B, event: event('e3') },
      ]);
      const pending = await h.store.listWebhooks({ status: 'pending', limit: 10 });
      expect(pending.map((d) => d.event.id)).toEqual(['e3', 'e2', 'e1']);
      expect(pending[0]).toMatchObject({ url: B, status: 'pending', attempts: 0, event: event('e3') });
      expect(pending[0]).not.toHaveProperty('lastError');

      const claimed = await h.store.claimDueWebhooks(inMs(1), 10, 60_000);
      expect(claimed.map((d) => [d.url, d.event.id])).toEqual([
        [A, 'e1'],
        [B, 'e3'],
      ]);
      expect(await h.store.claimDueWebhooks(inMs(1), 10, 60_000)).toEqual([]);

      const delivered = await h.store.recordWebhookAttempt(claimed[0]?.id ?? '', {
        ok: true,
        at: new Date(),
      });
      expect(delivered).toMatchObject({ status: 'delivered', attempts: 1 });
      expect(delivered.deliveredAt).toBeDefined();
      expect((await h.store.claimDueWebhooks(inMs(1), 10, 60_000)).map((d) => d.event.id)).toEqual(['e2']);

      // e3's claim was never settled (its dispatcher died): once the lease ends it is due again.
      expect((await h.store.claimDueWebhooks(inMs(61_000), 10, 60_000)).map((d) => d.event.id)).toEqual([
        'e2',
        'e3',
      ]);
      expect(await h.store.claimDueWebhooks(inMs(61_000), 1, 60_000)).toEqual([]);
    });

    it('retries at retryAt, keeps later events to the URL behind the retry, and dies without retryAt', async () => {
      await h.store.enqueueWebhooks([
        { url: A, event: event('e1') },
        { url: A, event: event('e2') },
      ]);
      const [first] = await h.store.claimDueWebhooks(inMs(1), 10);
      expect(first?.event.id).toBe('e1');
      const retried = await h.store.recordWebhookAttempt(first?.id ?? '', {
        ok: false,
        at: new Date(),
        error: 'HTTP 500',
        retryAt: inMs(10_000),
      });
      expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });

      // e2 is due but must not overtake e1.
      expect(await h.store.claimDueWebhooks(inMs(1_000), 10)).toEqual([]);
      const [again] = await h.store.claimDueWebhooks(inMs(11_000), 10);
      expect(again).toMatchObject({ event: { id: 'e1' }, attempts: 1, lastError: 'HTTP 500' });
      const dead = await h.store.recordWebhookAttempt(again?.id ?? '', {
        ok: false,
        at: new Date(),
        error: 'connect ECONNREFUSED',
      });
      expect(dead).toMatchObject({ status: 'dead', attempts: 2, lastError: 'connect ECONNREFUSED' });

      expect((await h.store.claimDueWebhooks(inMs(11_000), 10)).map((d) => d.event.id)).toEqual(['e2']);
      expect((await h.store.listWebhooks({ status: 'dead', limit: 10 })).map((d) => d.event.id)).toEqual([
        'e1',
      ]);
      expect((await h.store.listWebhooks({ url: A, limit: 1 })).map((d) => d.event.id)).toEqual(['e2']);
    });

    it('settles once: NOT_FOUND for an unknown delivery, CONFLICT for a settled one', async () => {
      await h.store.enqueueWebhooks([{ url: A, event: event('e1') }]);
      const [d] = await h.store.claimDueWebhooks(inMs(1), 10);
      await h.store.recordWebhookAttempt(d?.id ?? '', { ok: true, at: new Date() });
      await rejection(h.store.recordWebhookAttempt(d?.id ?? '', { ok: true, at: new Date() }), 'CONFLICT');
      await rejection(
        h.store.recordWebhookAttempt('no-such-delivery', { ok: true, at: new Date() }),
        'NOT_FOUND',
      );
      expect((await h.store.listWebhooks({ limit: 10 }))[0]).toMatchObject({
        status: 'delivered',
        attempts: 1,
      });
    });

    it('lets only one of several stores (replicas) claim a delivery', async () => {
      await h.store.enqueueWebhooks(
        Array.from({ length: 6 }, (_, i) => ({ url: `http://127.0.0.1:9/u${i}`, event: event(`e${i}`) })),
      );
      const replicas = [h.store, await h.open(), await h.open()];
      const claims = await Promise.all(replicas.map((r) => r.claimDueWebhooks(inMs(1), 10)));
      const ids = claims.flat().map((d) => d.event.id);
      expect(ids.sort()).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
    });

    it('rejects URLs and events it cannot send as INVALID_INPUT, enqueuing nothing', async () => {
      await rejection(h.store.enqueueWebhooks([{ url: 'ftp://x/y', event: event('e1') }]), 'INVALID_INPUT');
      await rejection(h.store.enqueueWebhooks([{ url: 'not a url', event: event('e1') }]), 'INVALID_INPUT');
      await rejection(
        h.store.enqueueWebhooks([
          { url: A, event: event('e1') },
          { url: A, event: { ...event('e2'), specversion: '0.3' } as unknown as CloudEvent },
        ]),
        'INVALID_INPUT',
      );
      await rejection(h.store.claimDueWebhooks(new Date('nonsense'), 10), 'INVALID_INPUT');
      await rejection(h.store.listWebhooks({ status: 'lost' as 'dead', limit: 10 }), 'INVALID_INPUT');
      expect(await h.store.listWebhooks({ limit: 10 })).toEqual([]);
    });
  });
}
