/** Quality history: check runs recorded, listed, the latest per port version, and the bound. */
import { describe, expect, it } from 'vitest';
import type { QualityRunInput } from '../../../src/store/index.js';
import { PRODUCT } from '../fixtures.js';
import { rejection, type StoreHarness } from '../store-harness.js';

let clock = Date.parse('2026-05-01T10:00:00.000Z');

/** A check run of `port` (major 1 unless told) a second after the previous one. */
function checkRun(over: Partial<QualityRunInput> = {}): QualityRunInput {
  clock += 1000;
  return {
    productId: PRODUCT,
    port: 'order_lines',
    major: 1,
    version: '1.0.0',
    trigger: 'run',
    state: 'passed',
    startedAt: new Date(clock),
    finishedAt: new Date(clock + 200),
    counts: { passed: 2, failed: 0, notRun: 1, error: 0 },
    results: [{ rule: 'lines_unique', status: 'passed', severity: 'error', measured: 0 }],
    samples: [],
    ...over,
  };
}

/** Registers the cases. */
export function qualityHistoryCases(h: StoreHarness): void {
  describe('quality history', () => {
    it('records check runs and lists them newest first, by port, major or pipeline run', async () => {
      const first = await h.store.recordQualityRun(checkRun({ runId: 'run-1' }));
      const failing = await h.store.recordQualityRun(
        checkRun({
          runId: 'run-2',
          state: 'failed',
          counts: { passed: 1, failed: 1, notRun: 0, error: 0 },
          results: [{ rule: 'qty_positive', status: 'failed', severity: 'error', measured: 2 }],
          samples: [{ rule: 'qty_positive', rows: [{ id: 7, email: '***' }], masked: ['email'] }],
        }),
      );
      const v2 = await h.store.recordQualityRun(
        checkRun({ major: 2, version: '2.0.0', trigger: 'manual', state: 'warning' }),
      );
      const other = await h.store.recordQualityRun(checkRun({ port: 'returns', state: 'not_run' }));
      await h.store.recordQualityRun(checkRun({ productId: 'customers.customers', port: 'customers' }));

      expect(failing).toMatchObject({
        productId: PRODUCT,
        port: 'order_lines',
        major: 1,
        runId: 'run-2',
        trigger: 'run',
        state: 'failed',
        counts: { passed: 1, failed: 1, notRun: 0, error: 0 },
        samples: [{ rule: 'qty_positive', rows: [{ id: 7, email: '***' }], masked: ['email'] }],
      });
      expect(first).not.toHaveProperty('error');

      const all = await h.store.listQualityRuns({ productId: PRODUCT, limit: 10 });
      expect(all.map((r) => r.id)).toEqual([other.id, v2.id, failing.id, first.id]);
      expect(all[2]).toEqual(failing);
      const port = await h.store.listQualityRuns({ productId: PRODUCT, port: 'order_lines', limit: 10 });
      expect(port.map((r) => r.id)).toEqual([v2.id, failing.id, first.id]);
      const major = await h.store.listQualityRuns({
        productId: PRODUCT,
        port: 'order_lines',
        major: 1,
        limit: 1,
      });
      expect(major.map((r) => r.id)).toEqual([failing.id]);
      const ofRun = await h.store.listQualityRuns({ productId: PRODUCT, runId: 'run-1', limit: 10 });
      expect(ofRun.map((r) => r.id)).toEqual([first.id]);

      const latest = await h.store.latestQualityRuns(PRODUCT);
      expect(latest.map((r) => [r.port, r.major, r.id])).toEqual([
        ['order_lines', 1, failing.id],
        ['order_lines', 2, v2.id],
        ['returns', 1, other.id],
      ]);
      expect(await h.store.latestQualityRuns('nobody.nothing')).toEqual([]);
    });

    it('keeps only the newest runs of each port version past the bound, leaving the others', async () => {
      const kept: string[] = [];
      for (let i = 0; i < 6; i++) kept.push((await h.store.recordQualityRun(checkRun(), 3)).id);
      const v2 = await h.store.recordQualityRun(checkRun({ major: 2, version: '2.0.0' }), 3);
      const other = await h.store.recordQualityRun(checkRun({ productId: 'customers.customers' }), 1);
      const v1 = await h.store.listQualityRuns({ productId: PRODUCT, major: 1, limit: 100 });
      expect(v1.map((r) => r.id)).toEqual(kept.slice(3).reverse());
      expect(
        (await h.store.listQualityRuns({ productId: PRODUCT, major: 2, limit: 100 })).map((r) => r.id),
      ).toEqual([v2.id]);
      expect(
        (await h.store.listQualityRuns({ productId: 'customers.customers', limit: 100 })).map((r) => r.id),
      ).toEqual([other.id]);
      // Without a bound given, the default (500) keeps every one of these.
      for (let i = 0; i < 3; i++) await h.store.recordQualityRun(checkRun({ port: 'returns' }));
      expect(await h.store.listQualityRuns({ productId: PRODUCT, port: 'returns', limit: 100 })).toHaveLength(
        3,
      );
    });

    it('refuses values it cannot keep, and writes nothing then', async () => {
      await rejection(h.store.recordQualityRun(checkRun({ trigger: 'cron' as 'run' })), 'INVALID_INPUT');
      await rejection(h.store.recordQualityRun(checkRun({ state: 'ok' as 'passed' })), 'INVALID_INPUT');
      await rejection(
        h.store.recordQualityRun(checkRun({ counts: { passed: -1, failed: 0, notRun: 0, error: 0 } })),
        'INVALID_INPUT',
      );
      await rejection(h.store.recordQualityRun(checkRun({ port: '' })), 'INVALID_INPUT');
      await rejection(
        h.store.recordQualityRun(checkRun({ startedAt: new Date(Number.NaN) })),
        'INVALID_INPUT',
      );
      await rejection(h.store.recordQualityRun(checkRun(), 0), 'INVALID_INPUT');
      const huge = checkRun({ samples: [{ rule: 'r', rows: [{ note: 'x'.repeat(1_100_000) }] }] });
      const error = await rejection(h.store.recordQualityRun(huge), 'INVALID_INPUT');
      expect(error.message).toContain('quality samples');
      await rejection(h.store.listQualityRuns({ productId: PRODUCT, limit: 0 }), 'INVALID_INPUT');
      expect(await h.store.listQualityRuns({ productId: PRODUCT, limit: 10 })).toEqual([]);
    });

    it('keeps the history across a restart', async () => {
      const stored = await h.store.recordQualityRun(checkRun({ state: 'error', error: 'table missing' }));
      const store = await h.restart();
      expect(await store.latestQualityRuns(PRODUCT)).toEqual([stored]);
    });
  });
}
