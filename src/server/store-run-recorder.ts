import type { MeshRuntime, RunFinish, RunRecorder, RunStart } from '../runtime/index.js';
import type { ControlStore } from '../store/index.js';

const TRIGGERS = {
  manual: 'manual',
  schedule: 'schedule',
  'new-input': 'input',
  deploy: 'deploy',
  test: 'manual',
} as const;

/** Records the runtime's ingest and transform runs in the control store's run history. */
export function storeRunRecorder(store: ControlStore, runtime: () => MeshRuntime | undefined): RunRecorder {
  return {
    start: (run: RunStart) => {
      const product = runtime()
        ?.products()
        .find((p) => p.id === run.productId);
      const refresh = product?.outputs.find((o) => o.name === run.port)?.refresh;
      return store.startRun({
        productId: run.productId,
        port: run.kind === 'ingest' ? `${run.port} (ingest)` : run.port,
        trigger: TRIGGERS[run.trigger],
        mode: run.kind === 'ingest' ? 'append' : (refresh ?? 'full'),
      });
    },
    finish: async (runId: string, outcome: RunFinish) => {
      if (runId === '') return;
      await store.finishRun(runId, {
        status: outcome.status === 'failed' ? 'failed' : 'succeeded',
        rowsIn: outcome.rowsIn,
        rowsOut: outcome.rowsOut,
        ...(outcome.error === undefined ? {} : { error: outcome.error.message }),
      });
    },
  };
}
