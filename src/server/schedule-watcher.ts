import { isDue, type MeshRuntime } from '../runtime/index.js';

export interface ScheduleWatcher {
  /** Runs every product whose schedule fired since the previous tick; exposed for tests. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The schedule trigger: every `intervalMs`, a product runs when the `meshplane.schedule` cron
 * expression (UTC) of one of its output ports fired since the previous check. A run still going
 * when its schedule fires again is not doubled.
 */
export function watchSchedules(
  runtime: MeshRuntime,
  options: { intervalMs: number; log: (line: string) => void; now?: () => Date },
): ScheduleWatcher {
  const now = options.now ?? (() => new Date());
  let last = now();
  const running = new Map<string, Promise<void>>();
  const tick = async () => {
    const current = now();
    const from = last;
    last = current;
    for (const product of runtime.products()) {
      if (running.has(product.id)) continue;
      if (!product.outputs.some((o) => o.schedule !== undefined && isDue(o.schedule, from, current)))
        continue;
      const work = runtime
        .runProduct(product, { trigger: 'schedule' })
        .then((result) => {
          for (const f of [...result.ingests, ...result.transforms].filter((s) => s.status === 'failed')) {
            options.log(`${product.id} ${f.port} (scheduled): ${f.error?.message ?? 'failed'}`);
          }
        })
        .catch((error: unknown) =>
          options.log(`${product.id} (scheduled): ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => running.delete(product.id));
      running.set(product.id, work);
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return {
    tick: async () => {
      await tick();
      await Promise.all(running.values());
    },
    stop: async () => {
      clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
