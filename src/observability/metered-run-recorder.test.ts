import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../test/observability/exposition.js';
import { MemoryRunRecorder, type RunRecorder } from '../runtime/run-recorder.js';
import { meteredRunRecorder } from './metered-run-recorder.js';
import { createMetrics } from './metrics.js';

const startedAt = new Date('2025-01-01T00:00:00Z');
const finish = { finishedAt: startedAt, rowsIn: 0 };

describe('a metered run recorder', () => {
  it('passes every call through unchanged and counts runs, rows and ingested records', async () => {
    const inner = new MemoryRunRecorder();
    const metrics = createMetrics({ processMetrics: false });
    // Assignable to the runtime's RunRecorder: the wiring is one wrapped argument.
    const recorder: RunRecorder = meteredRunRecorder(inner, metrics);
    const product = 'sales.orders';
    const ingest = await recorder.start({
      productId: product,
      port: 'raw',
      kind: 'ingest',
      trigger: 'manual',
      startedAt,
    });
    const transform = await recorder.start({
      productId: product,
      port: 'daily',
      kind: 'transform',
      trigger: 'schedule',
      startedAt,
    });
    await recorder.finish(transform, {
      ...finish,
      status: 'failed',
      durationMs: 200,
      rowsOut: 0,
      error: { code: 'ENGINE_ERROR', message: 'x' },
    });
    await recorder.finish(ingest, {
      ...finish,
      status: 'succeeded',
      durationMs: 50,
      rowsOut: 40,
      rowsQuarantined: 2,
    });

    expect(inner.runs.map((r) => [r.port, r.outcome?.status])).toEqual([
      ['raw', 'succeeded'],
      ['daily', 'failed'],
    ]);
    expect(inner.runs[0]?.outcome?.rowsQuarantined).toBe(2);
    const body = (await metrics.scrape()).body;
    expect(
      sampleValue(body, 'meshplane_pipeline_runs_total', {
        port: 'raw',
        kind: 'ingest',
        outcome: 'succeeded',
      }),
    ).toBe(1);
    expect(sampleValue(body, 'meshplane_pipeline_runs_total', { port: 'daily', outcome: 'failed' })).toBe(1);
    expect(sampleValue(body, 'meshplane_pipeline_rows_written_total', { port: 'raw' })).toBe(40);
    expect(sampleValue(body, 'meshplane_ingest_events_total', { port: 'raw', result: 'accepted' })).toBe(40);
    expect(sampleValue(body, 'meshplane_ingest_events_total', { port: 'raw', result: 'quarantined' })).toBe(
      2,
    );
    expect(
      sampleValue(body, 'meshplane_ingest_events_total', { port: 'daily', result: 'accepted' }),
    ).toBeUndefined();
  });

  it('hands a finish it did not start to the inner recorder as it is', async () => {
    const inner = new MemoryRunRecorder();
    const id = inner.start({ productId: 'p', port: 'q', kind: 'transform', trigger: 'manual', startedAt });
    const recorder = meteredRunRecorder(inner, createMetrics({ processMetrics: false }));
    await recorder.finish(id, { ...finish, status: 'succeeded', durationMs: 1, rowsOut: 1 });
    expect(inner.runs[0]?.outcome?.status).toBe('succeeded');
  });
});
