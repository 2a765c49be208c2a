/** Pipeline runs, and the repair of runs a crash left running. */
import { describe, expect, it } from 'vitest';
import { PRODUCT } from '../fixtures.js';
import { rejection, type StoreHarness } from '../store-harness.js';

/** Registers the cases. */
export function runCases(h: StoreHarness): void {
  describe('runs', () => {
    it('starts, finishes and lists runs newest first', async () => {
      const first = await h.store.startRun({
        productId: PRODUCT,
        port: 'order_lines',
        trigger: 'deploy',
        mode: 'full',
      });
      const second = await h.store.startRun({
        productId: PRODUCT,
        port: 'order_lines',
        trigger: 'input',
        mode: 'append',
      });
      await h.store.startRun({
        productId: 'customers.customers',
        port: 'customers',
        trigger: 'manual',
        mode: 'merge',
      });

      const [running] = await h.store.listRuns(PRODUCT, 1);
      expect(running).toMatchObject({ id: second, status: 'running', trigger: 'input', mode: 'append' });
      expect(running).not.toHaveProperty('rowsIn');
      expect(running).not.toHaveProperty('finishedAt');

      const big = 5_000_000_000; // past 32 bits: BIGINT read back as a number on both backends
      const finished = await h.store.finishRun(first, { status: 'succeeded', rowsIn: big, rowsOut: big - 7 });
      expect(finished).toMatchObject({ id: first, status: 'succeeded', rowsIn: big, rowsOut: big - 7 });
      expect(finished.finishedAt).toBeDefined();
      const failed = await h.store.finishRun(second, {
        status: 'failed',
        rowsIn: 3,
        rowsOut: 0,
        error: 'bad row',
      });
      expect(failed).toMatchObject({ status: 'failed', error: 'bad row', rowsIn: 3, rowsOut: 0 });

      const runs = await h.store.listRuns(PRODUCT, 10);
      expect(runs.map((r) => r.id)).toEqual([second, first]);
      expect(runs[1]).toEqual(finished);
    });

    it('refuses to finish a run twice, an unknown run, or bad values', async () => {
      const id = await h.store.startRun({ productId: PRODUCT, port: 'p', trigger: 'schedule', mode: 'full' });
      await h.store.finishRun(id, { status: 'succeeded', rowsIn: 1, rowsOut: 1 });
      await rejection(h.store.finishRun(id, { status: 'failed', rowsIn: 1, rowsOut: 1 }), 'CONFLICT');
      await rejection(
        h.store.finishRun('no-such-run', { status: 'failed', rowsIn: 0, rowsOut: 0 }),
        'NOT_FOUND',
      );
      await rejection(
        h.store.startRun({ productId: PRODUCT, port: 'p', trigger: 'cron' as 'schedule', mode: 'full' }),
        'INVALID_INPUT',
      );
      const other = await h.store.startRun({
        productId: PRODUCT,
        port: 'p',
        trigger: 'schedule',
        mode: 'full',
      });
      await rejection(
        h.store.finishRun(other, { status: 'succeeded', rowsIn: -1, rowsOut: 0 }),
        'INVALID_INPUT',
      );
    });

    it('fails runs a crash left running when the store opens again, with the error "interrupted"', async () => {
      const done = await h.store.startRun({ productId: PRODUCT, port: 'p', trigger: 'manual', mode: 'full' });
      const finished = await h.store.finishRun(done, { status: 'succeeded', rowsIn: 2, rowsOut: 2 });
      const lost = await h.store.startRun({ productId: PRODUCT, port: 'p', trigger: 'manual', mode: 'full' });
      await h.restart();
      const runs = await h.store.listRuns(PRODUCT, 10);
      expect(runs.find((r) => r.id === lost)).toMatchObject({ status: 'failed', error: 'interrupted' });
      expect(runs.find((r) => r.id === lost)?.finishedAt).toBeDefined();
      expect(runs.find((r) => r.id === done)).toEqual(finished);
    });
  });
}
