import { collectDefaultMetrics, type Metric, Registry } from 'prom-client';

let shared: Registry | undefined;

/**
 * Adds the process metrics (CPU, memory, heap, event loop lag, GC, handles, open files: prom-client's
 * default collectors) to `registry`. Those collectors start process-wide observers (a GC observer,
 * an event loop delay monitor) that cannot be stopped, and their figures are the same for every
 * server in the process, so they are created ONCE per process in a private registry of their own
 * (never prom-client's global one) and the same metric objects are registered in each server's
 * registry. Building many apps in one process (tests) then adds no observers.
 */
export function addProcessMetrics(registry: Registry): void {
  if (shared === undefined) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  // getMetricsAsArray is typed as plain objects but returns the metric instances themselves.
  for (const metric of shared.getMetricsAsArray()) registry.registerMetric(metric as unknown as Metric);
}
