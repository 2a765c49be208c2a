import { Counter, Histogram, type Registry } from 'prom-client';
import { type LabelGuard, OTHER_LABEL_VALUE, oneOf } from './label-guard.js';
import { seconds } from './metric-values.js';

/** The `route` label of a request no route matched (404s, scans): one value, never the raw URL. */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'other'] as const;

/** Seconds; from a health check to a large export. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** What the HTTP edge records. */
export interface HttpMetrics {
  /**
   * One finished request. `route` is the matched route pattern (`/api/v1/products/:id`), never
   * the URL, or undefined when no route matched.
   */
  observed(method: string, route: string | undefined, statusCode: number, durationMs: number): void;
}

function statusLabel(code: number): string {
  return Number.isInteger(code) && code >= 100 && code <= 599 ? String(code) : OTHER_LABEL_VALUE;
}

/** Registers the HTTP families in `registry`. */
export function createHttpMetrics(registry: Registry, guard: LabelGuard): HttpMetrics {
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'meshplane_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'meshplane_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to the end of its response, by method, route pattern and status code.',
    labelNames,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  return {
    observed(method, route, statusCode, durationMs) {
      const labels = {
        method: oneOf(method.toUpperCase(), METHODS, 'other'),
        route: route === undefined ? UNMATCHED_ROUTE : guard.value('route', route),
        status_code: statusLabel(statusCode),
      };
      requests.inc(labels);
      duration.observe(labels, seconds(durationMs));
    },
  };
}
