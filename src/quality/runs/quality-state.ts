/**
 * What a check run's results add up to: counts by verdict and one state. Pure.
 *
 * Only a rule of a blocking severity makes a run `failed`: a failure (or a rule that could not be
 * measured) of an `info` or `warning` rule is a `warning`. Any other severity, `error` included
 * (the default when a rule declares none), blocks: an unknown word is treated as the strict one.
 */
import type { QualityCounts, QualityState } from '../../store/index.js';
import type { CheckResult } from '../checks/index.js';

const NON_BLOCKING = new Set(['info', 'warning', 'warn']);

/** Whether a failed or unmeasured rule of this severity fails the check run. */
export function isBlockingSeverity(severity: string): boolean {
  return !NON_BLOCKING.has(severity.trim().toLowerCase());
}

/** Whether a rule's result makes the check run fail: it failed or errored at a blocking severity. */
export function isBlockingResult(result: Pick<CheckResult, 'status' | 'severity'>): boolean {
  return (result.status === 'failed' || result.status === 'error') && isBlockingSeverity(result.severity);
}

/** Results counted by verdict. */
export function countResults(results: readonly Pick<CheckResult, 'status'>[]): QualityCounts {
  const counts = { passed: 0, failed: 0, notRun: 0, error: 0 };
  for (const r of results) {
    if (r.status === 'passed') counts.passed++;
    else if (r.status === 'failed') counts.failed++;
    else if (r.status === 'not_run') counts.notRun++;
    else counts.error++;
  }
  return counts;
}

/**
 * `failed` when a blocking rule failed or errored; else `warning` when any rule did; else `passed`
 * when a rule passed; else `not_run` (nothing Meshplane could measure).
 */
export function qualityState(results: readonly Pick<CheckResult, 'status' | 'severity'>[]): QualityState {
  if (results.some(isBlockingResult)) return 'failed';
  if (results.some((r) => r.status === 'failed' || r.status === 'error')) return 'warning';
  if (results.some((r) => r.status === 'passed')) return 'passed';
  return 'not_run';
}
