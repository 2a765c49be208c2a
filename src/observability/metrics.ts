import { Registry } from 'prom-client';
import { createHttpMetrics, type HttpMetrics } from './http-metrics.js';
import { createIngestionMetrics, type IngestionMetrics } from './ingestion-metrics.js';
import { DEFAULT_MAX_LABEL_VALUES, LabelGuard } from './label-guard.js';
import { addProcessMetrics } from './process-metrics.js';
import { createQualityMetrics, type QualityMetrics } from './quality-metrics.js';
import { createQueryMetrics, type QueryMetrics } from './query-metrics.js';
import { createRunMetrics, type RunMetrics } from './run-metrics.js';

export interface MetricsOptions {
  /** Export the process metrics (CPU, memory, event loop, GC). Default true. */
  readonly processMetrics?: boolean;
  /** Distinct values any one label may take before later ones count as `_other`. Default 2000. */
  readonly maxLabelValues?: number;
}

/** The registry in Prometheus text format, as `GET /metrics` serves it. */
export interface Scrape {
  readonly contentType: string;
  readonly body: string;
}

/**
 * The metrics of ONE server: typed recording functions per area, over a private registry (never
 * prom-client's global one, so apps built side by side in one process never share a count).
 * Created at the composition root and passed to whatever records; callers never see prom-client.
 */
export interface Metrics {
  readonly http: HttpMetrics;
  readonly ingestion: IngestionMetrics;
  readonly runs: RunMetrics;
  readonly quality: QualityMetrics;
  readonly queries: QueryMetrics;
  /** Every family, collected now. */
  scrape(): Promise<Scrape>;
}

/** A fresh set of Meshplane's metric families on a registry of its own. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const guard = new LabelGuard(options.maxLabelValues ?? DEFAULT_MAX_LABEL_VALUES);
  const metrics: Metrics = {
    http: createHttpMetrics(registry, guard),
    ingestion: createIngestionMetrics(registry, guard),
    runs: createRunMetrics(registry, guard),
    quality: createQualityMetrics(registry, guard),
    queries: createQueryMetrics(registry),
    scrape: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
  if (options.processMetrics ?? true) addProcessMetrics(registry);
  return Object.freeze(metrics);
}
