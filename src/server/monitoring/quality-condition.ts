/**
 * A quality report as an incident condition (`quality.failure`, one per output port version):
 * failing when the check run's state is `failed` (a rule of blocking severity failed or could not
 * be measured), clear when it is `passed` or `warning`. A run that measured nothing (`not_run`)
 * or could not run at all (`error`) says nothing either way: no observation. Pure; it reads
 * the report structurally, so any report with a state and results fits.
 */
import { type ConditionObserved, conditionObserved } from '../../quality/monitors/index.js';

/** The incident monitor name of quality failures. */
export const QUALITY_FAILURE = 'quality.failure';

/** What the condition reads of a check run's report (quality/runs' `PortQualityReport` fits). */
export interface QualityReportLike {
  readonly state: string;
  readonly finishedAt?: string;
  readonly results: readonly {
    readonly rule: string;
    readonly status: string;
    readonly severity: string;
    readonly message: string;
  }[];
}

const MAX_NAMED = 5;
const BLOCKING_STATES = new Set(['failed']);
const CLEAR_STATES = new Set(['passed', 'warning']);

/**
 * The observation a report makes of `productId`'s output port version `port` (its key), at the
 * report's finish (else `at`); undefined when the report cannot tell.
 */
export function qualityCondition(
  productId: string,
  port: string,
  report: QualityReportLike,
  at: string,
): ConditionObserved | undefined {
  const failing = BLOCKING_STATES.has(report.state);
  if (!failing && !CLEAR_STATES.has(report.state)) return undefined;
  const bad = report.results.filter((r) => r.status === 'failed' || r.status === 'error');
  const named = bad.slice(0, MAX_NAMED).map((r) => `${r.rule}: ${r.message}`);
  const message = failing
    ? `quality rules of ${port} failed: ${named.join('; ')}${bad.length > MAX_NAMED ? '; ...' : ''}`
    : `quality rules of ${port}: ${report.state}`;
  const count = (status: string) => report.results.filter((r) => r.status === status).length;
  return conditionObserved(
    { product: productId, monitor: QUALITY_FAILURE, subject: port },
    failing,
    {
      message,
      facts: {
        port,
        state: report.state,
        rules: report.results.length,
        failed: count('failed'),
        errors: count('error'),
      },
    },
    report.finishedAt ?? at,
  );
}
