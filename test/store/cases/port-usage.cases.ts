/** Port usage: reads counted per consumer and major version of an output port. */
import { describe, expect, it } from 'vitest';
import type { PortUsageInput } from '../../../src/store/index.js';
import { PRODUCT } from '../fixtures.js';
import { rejection, type StoreHarness } from '../store-harness.js';

function read(
  consumer: string,
  major: number,
  rows: number,
  at: string,
  port = 'order_lines',
): PortUsageInput {
  return { productId: PRODUCT, port, major, consumer, rows, at: new Date(at) };
}

/** Registers the cases. */
export function portUsageCases(h: StoreHarness): void {
  describe('port usage', () => {
    it('adds reads per consumer and major version, widening first and last read times across calls', async () => {
      await h.store.recordPortUsage([
        read('zoe', 1, 10, '2026-05-01T10:00:01.000Z'),
        read('zoe', 1, 5, '2026-05-01T10:00:00.000Z'),
        read('adam', 1, 1, '2026-05-01T10:00:02.000Z'),
        read('zoe', 2, 3, '2026-05-01T10:00:03.000Z'),
        read('crm-team', 1, 0, '2026-05-01T09:00:00.000Z', 'order_events'),
      ]);
      const big = 5_000_000_000; // past 32 bits: BIGINT read back as a number on both backends
      await h.store.recordPortUsage([
        read('zoe', 1, big, '2026-05-01T09:59:00.000Z'),
        read('adam', 1, 2, '2026-05-01T10:00:04.000Z'),
      ]);
      await h.store.recordPortUsage([]);

      expect(await h.store.listPortUsage({ productId: PRODUCT })).toEqual([
        {
          productId: PRODUCT,
          port: 'order_lines',
          major: 1,
          consumer: 'adam',
          reads: 2,
          rows: 3,
          firstReadAt: '2026-05-01T10:00:02.000Z',
          lastReadAt: '2026-05-01T10:00:04.000Z',
        },
        expect.objectContaining({ consumer: 'zoe', major: 2, reads: 1, rows: 3 }),
        {
          productId: PRODUCT,
          port: 'order_lines',
          major: 1,
          consumer: 'zoe',
          reads: 3,
          rows: big + 15,
          firstReadAt: '2026-05-01T09:59:00.000Z',
          lastReadAt: '2026-05-01T10:00:01.000Z',
        },
        expect.objectContaining({ consumer: 'crm-team', port: 'order_events', reads: 1, rows: 0 }),
      ]);
      const ofPort = await h.store.listPortUsage({ productId: PRODUCT, port: 'order_lines', major: 1 });
      expect(ofPort.map((u) => u.consumer)).toEqual(['adam', 'zoe']);
      expect(await h.store.listPortUsage({ productId: PRODUCT, port: 'order_events', major: 2 })).toEqual([]);
      expect(await h.store.listPortUsage({ productId: 'customers.customers' })).toEqual([]);
    });

    it('counts every read when several stores (replicas) record the same consumer at once', async () => {
      const stores = [h.store, await h.open(), await h.open()];
      await Promise.all(
        stores.flatMap((s, i) =>
          Array.from({ length: 10 }, (_, j) =>
            s.recordPortUsage([
              read('zoe', 1, 1, `2026-05-01T10:00:${String(i * 10 + j).padStart(2, '0')}.000Z`),
            ]),
          ),
        ),
      );
      const [usage] = await h.store.listPortUsage({ productId: PRODUCT });
      expect(usage).toMatchObject({
        reads: 30,
        rows: 30,
        firstReadAt: '2026-05-01T10:00:00.000Z',
        lastReadAt: '2026-05-01T10:00:29.000Z',
      });
    });

    it('rejects a batch with a bad entry as INVALID_INPUT and records none of it', async () => {
      const good = read('zoe', 1, 1, '2026-05-01T10:00:00.000Z');
      await rejection(h.store.recordPortUsage([good, { ...good, rows: -1 }]), 'INVALID_INPUT');
      await rejection(
        h.store.recordPortUsage([good, { ...good, at: new Date('nonsense') }]),
        'INVALID_INPUT',
      );
      await rejection(h.store.recordPortUsage([{ ...good, consumer: '' }]), 'INVALID_INPUT');
      await rejection(h.store.recordPortUsage([{ ...good, major: 1.5 }]), 'INVALID_INPUT');
      expect(await h.store.listPortUsage({ productId: PRODUCT })).toEqual([]);
    });
  });
}
