/**
 * Freshness: how long ago each output port's data last changed (the finish of its last
 * successful run), at the report's instant. A port never updated has no age and is counted apart,
 * since any figure for it would be made up.
 */
import { roundSeconds } from './duration-summary.js';
import type { HealthOutputInput } from './health-input.js';
import type { PortFreshness, ProductFreshness } from './health-report.js';

/** The freshness of a product's output ports at `now`. */
export function productFreshness(outputs: readonly HealthOutputInput[], now: string): ProductFreshness {
  const nowMs = Date.parse(now);
  const ports = outputs.map((o): PortFreshness => {
    const at = o.lastUpdatedAt === undefined ? Number.NaN : Date.parse(o.lastUpdatedAt);
    if (o.lastUpdatedAt === undefined || !Number.isFinite(at)) return { port: o.port };
    // A run finished after `now` (clocks of replicas differ a little) is fresh, not negative.
    return {
      port: o.port,
      lastUpdatedAt: o.lastUpdatedAt,
      ageSeconds: roundSeconds(Math.max(0, nowMs - at) / 1000),
    };
  });
  const ages = ports.flatMap((p) => (p.ageSeconds === undefined ? [] : [p.ageSeconds]));
  return {
    ports,
    ...(ages.length === 0 ? {} : { oldestAgeSeconds: Math.max(...ages) }),
    neverUpdated: ports.length - ages.length,
  };
}
