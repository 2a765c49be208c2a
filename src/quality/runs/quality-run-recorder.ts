/**
 * Runs an output port's quality rules after each of its successful transform runs, by wrapping
 * the runtime's `RunRecorder`: the inner recorder sees exactly the calls it got, the run is
 * recorded as finished first, then the checks run (still under the product's run, so they see
 * the table the run just wrote and nothing later). A failing check never fails the run; its
 * verdict is the check run's state, linked to the run by the inner recorder's run id.
 */
import type { RunFinish, RunRecorder, RunStart } from '../../runtime/index.js';
import type { QualityTrigger } from '../../store/index.js';
import type { QualityService } from './quality-service.js';

/** Runs on sample data (`test`) keep that trigger; every other run's checks are `run`. */
function qualityTrigger(run: RunStart): QualityTrigger {
  return run.trigger === 'test' ? 'test' : 'run';
}

/**
 * Wraps `inner` so every succeeded transform is followed by its port's quality checks. Place it
 * directly around the recorder that stores runs, so the id it links to is the stored run's id.
 */
export function qualityRunRecorder(
  inner: RunRecorder,
  quality: Pick<QualityService, 'afterRun'>,
): RunRecorder {
  const open = new Map<string, { readonly innerId: string; readonly run: RunStart }>();
  let next = 0;
  return {
    async start(run) {
      const innerId = await inner.start(run);
      next += 1;
      const token = `quality-${next}`;
      open.set(token, { innerId, run });
      return token;
    },
    async finish(runId: string, outcome: RunFinish) {
      const started = open.get(runId);
      if (started === undefined) return inner.finish(runId, outcome);
      open.delete(runId);
      await inner.finish(started.innerId, outcome);
      const { run, innerId } = started;
      if (run.kind !== 'transform' || outcome.status !== 'succeeded') return;
      await quality.afterRun(run.productId, run.port, {
        trigger: qualityTrigger(run),
        ...(innerId === '' ? {} : { runId: innerId }),
      });
    },
  };
}
