import { Counter, Gauge, type Registry } from 'prom-client';
import { type LabelGuard, oneOf } from './label-guard.js';

/** Verdicts of a quality check; `not_run` is never counted as passed. */
export const CHECK_STATUSES = ['passed', 'failed', 'not_run', 'error'] as const;

/** States of an SLA objective. */
export const SLA_STATES = ['met', 'breached', 'unknown'] as const;

export type SlaState = (typeof SLA_STATES)[number];

/** What quality checks and SLA evaluations record. */
export interface QualityMetrics {
  /** The results of one run of `product`'s quality checks (any objects with a `status`). */
  checked(product: string, results: Iterable<{ readonly status: string }>): void;
  /** The current state of one SLA objective of `product` (`latency`, `freshness`, ...). */
  slaState(product: string, objective: string, state: SlaState): void;
  /** Stops exporting `product`'s SLA objectives (undeployed, or an objective dropped from its contract). */
  forgetSla(product: string): void;
}

/** Registers the quality and SLA families in `registry`. */
export function createQualityMetrics(registry: Registry, guard: LabelGuard): QualityMetrics {
  const checks = new Counter({
    name: 'meshplane_quality_checks_total',
    help: 'Quality checks evaluated, by product and status (passed, failed, not_run, error).',
    labelNames: ['product', 'status'] as const,
    registers: [registry],
  });
  const sla = new Gauge({
    name: 'meshplane_sla_state',
    help: 'SLA objective state: 1 for the state the objective is in, 0 for the others (met, breached, unknown).',
    labelNames: ['product', 'objective', 'state'] as const,
    registers: [registry],
  });
  const objectives = new Map<string, Set<string>>();
  return {
    checked(product, results) {
      const label = guard.value('product', product);
      for (const result of results)
        checks.inc({ product: label, status: oneOf(result.status, CHECK_STATUSES, 'error') });
    },
    slaState(product, objective, state) {
      const labels = {
        product: guard.value('product', product),
        objective: guard.value('objective', objective),
      };
      const current = oneOf(state, SLA_STATES, 'unknown');
      for (const s of SLA_STATES) sla.set({ ...labels, state: s }, s === current ? 1 : 0);
      const known = objectives.get(labels.product) ?? new Set<string>();
      objectives.set(labels.product, known.add(labels.objective));
    },
    forgetSla(product) {
      const label = guard.value('product', product);
      for (const objective of objectives.get(label) ?? [])
        for (const state of SLA_STATES) sla.remove({ product: label, objective, state });
      objectives.delete(label);
    },
  };
}
