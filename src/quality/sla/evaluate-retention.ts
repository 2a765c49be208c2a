import { type EvaluationContext, evaluation, seconds } from './evaluation-context.js';
import { formatDuration } from './format-duration.js';
import { instantMs } from './instant.js';
import type { SlaEvaluation } from './sla-evaluation.js';
import type { RetentionObjective } from './sla-objective.js';

/**
 * Retention as Meshplane enforces it: no row older than the retention (plus the grace of the
 * deletion job's period) remains. A younger oldest row is met: a new product has not had time to
 * grow old, and that is no breach.
 */
export function evaluateRetention(objective: RetentionObjective, ctx: EvaluationContext): SlaEvaluation {
  const kept = objective.maxAgeSeconds;
  const limit = seconds(kept + ctx.options.retentionGraceSeconds);
  if (kept === Number.POSITIVE_INFINITY) {
    return evaluation(objective, ctx, { state: 'met', message: 'rows are kept without limit' });
  }
  const promise = `rows are kept at most ${formatDuration(kept)}`;
  const oldest = ctx.observations.oldestRowAt;
  if (oldest === null)
    return evaluation(objective, ctx, { state: 'met', limit, message: `the table is empty; ${promise}` });
  const oldestMs = instantMs(oldest);
  if (oldestMs === undefined) {
    const why =
      oldest === undefined
        ? 'the oldest row is not known'
        : `the oldest row's time '${oldest}' is not an instant`;
    return evaluation(objective, ctx, { state: 'unknown', limit, message: `${why}; ${promise}` });
  }
  const age = Math.max(0, (ctx.nowMs - oldestMs) / 1000);
  const measured = seconds(age);
  const state = age <= limit.value ? 'met' : 'breached';
  const message =
    state === 'met'
      ? `the oldest row is ${formatDuration(age)} old; ${promise}`
      : `the oldest row is ${formatDuration(age)} old: rows past the retention of ${formatDuration(kept)} are due for deletion`;
  return evaluation(objective, ctx, { state, measured, limit, message });
}
