import { describe, expect, it } from 'vitest';
import { MemoryRunRecorder, type RunFinish, type RunStart } from '../../runtime/index.js';
import { qualityRunRecorder } from './quality-run-recorder.js';

const start = (over: Partial<RunStart> = {}): RunStart => ({
  productId: 'sales.orders',
  port: 'orders',
  kind: 'transform',
  trigger: 'schedule',
  startedAt: new Date(0),
  ...over,
});

const finish = (status: RunFinish['status']): RunFinish => ({
  status,
  finishedAt: new Date(1),
  durationMs: 1,
  rowsIn: 3,
  rowsOut: 3,
});

function setup() {
  const inner = new MemoryRunRecorder();
  const calls: { productId: string; port: string; options: unknown; innerFinished: boolean }[] = [];
  const recorder = qualityRunRecorder(inner, {
    afterRun: async (productId, port, options) => {
      // The run is recorded as finished before its checks run.
      const innerFinished = inner.runs.at(-1)?.outcome !== undefined;
      calls.push({ productId, port, options, innerFinished });
      return undefined;
    },
  });
  return { inner, calls, recorder };
}

describe('qualityRunRecorder', () => {
  it('checks a port after its transform succeeded, once the run is recorded, linking the run id', async () => {
    const { inner, calls, recorder } = setup();
    const id = await recorder.start(start());
    await recorder.finish(id, finish('succeeded'));
    expect(inner.runs).toHaveLength(1);
    expect(inner.runs[0]?.outcome?.status).toBe('succeeded');
    expect(calls).toEqual([
      {
        productId: 'sales.orders',
        port: 'orders',
        options: { trigger: 'run', runId: inner.runs[0]?.id },
        innerFinished: true,
      },
    ]);
  });

  it('runs no checks after an ingest, a failed or a skipped transform', async () => {
    const { calls, recorder } = setup();
    for (const [run, status] of [
      [start({ kind: 'ingest' }), 'succeeded'],
      [start(), 'failed'],
      [start(), 'skipped'],
    ] as const) {
      await recorder.finish(await recorder.start(run), finish(status));
    }
    expect(calls).toEqual([]);
  });

  it('keeps the test trigger for runs on sample data, and passes unknown ids through', async () => {
    const { inner, calls, recorder } = setup();
    await recorder.finish(await recorder.start(start({ trigger: 'test' })), finish('succeeded'));
    expect(calls[0]?.options).toMatchObject({ trigger: 'test' });
    const direct = await inner.start(start());
    await recorder.finish(direct, finish('succeeded'));
    expect(inner.runs[1]?.outcome?.status).toBe('succeeded');
    expect(calls).toHaveLength(1);
  });
});
