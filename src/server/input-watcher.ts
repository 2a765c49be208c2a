import type { MeshRuntime } from '../runtime/index.js';

export interface InputWatcher {
  stop(): Promise<void>;
}

/**
 * The "new input" trigger: every `intervalMs`, each deployed product whose file input ports see
 * settled files they have not ingested, or whose streamed input ports (HTTP push, NATS, CDC, ...)
 * committed records since its last run, is run (ingest, then its transforms). One run per product
 * at a time; `stop()` waits for runs in flight.
 */
export function watchInputs(
  runtime: MeshRuntime,
  options: { intervalMs: number; log: (line: string) => void },
): InputWatcher {
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const tick = async () => {
    for (const product of runtime.products()) {
      if (stopped || running.has(product.id)) continue;
      const work = (async () => {
        try {
          if (!(await runtime.hasNewInput(product))) return;
          const result = await runtime.runProduct(product, { trigger: 'new-input' });
          const failed = [...result.ingests, ...result.transforms].filter((s) => s.status === 'failed');
          for (const f of failed) options.log(`${product.id} ${f.port}: ${f.error?.message ?? 'failed'}`);
        } catch (error) {
          options.log(`${product.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      })().finally(() => running.delete(product.id));
      running.set(product.id, work);
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
