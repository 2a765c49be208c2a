import { firingsAtOrBefore } from './cron-schedule.js';
import { ageVerdict } from './evaluate-age.js';
import { type EvaluationContext, evaluation, seconds } from './evaluation-context.js';
import { formatDuration } from './format-duration.js';
import { isoOf } from './instant.js';
import type { SlaEvaluation } from './sla-evaluation.js';
import type { FrequencyObjective } from './sla-objective.js';

/**
 * Frequency of update. An interval is met while the last successful update is at most that old.
 * A cron is met while an update landed after the firing whose update is due: the previous one
 * (each run has until the next firing), or the latest one once `frequencyGraceSeconds` passed.
 */
export function evaluateFrequency(objective: FrequencyObjective, ctx: EvaluationContext): SlaEvaluation {
  const { cadence } = objective;
  if (cadence.type === 'interval') {
    const promise = `updates are promised every ${formatDuration(cadence.seconds)}`;
    return evaluation(objective, ctx, ageVerdict(ctx, cadence.seconds, promise));
  }
  const schedule = `'${cadence.expression}' (${cadence.timezone})`;
  const [latestFiring, previousFiring] = firingsAtOrBefore(
    cadence.expression,
    cadence.timezone,
    ctx.nowMs,
    2,
  );
  const grace = ctx.options.frequencyGraceSeconds;
  const graceOver =
    latestFiring !== undefined && grace !== undefined && ctx.nowMs >= latestFiring + grace * 1000;
  const required = graceOver ? latestFiring : previousFiring;
  if (latestFiring === undefined || required === undefined) {
    return evaluation(objective, ctx, {
      state: 'unknown',
      message: `no update is due yet: ${schedule} has not fired twice`,
    });
  }
  const due = isoOf(graceOver ? latestFiring + (grace ?? 0) * 1000 : latestFiring);
  const { latest, deployedAt } = ctx.evidence;
  const measured =
    latest === undefined ? {} : { measured: seconds(Math.max(0, (ctx.nowMs - latest) / 1000)) };
  const firing = isoOf(required);
  if (latest !== undefined && latest >= required) {
    const message = `updated at ${isoOf(latest)}, after the firing at ${firing} of ${schedule}`;
    return evaluation(objective, ctx, { state: 'met', ...measured, due, message });
  }
  if (deployedAt !== undefined && deployedAt > required) {
    const message = `no update is due yet: deployed at ${isoOf(deployedAt)}, after the firing at ${firing} of ${schedule}`;
    return evaluation(objective, ctx, { state: 'unknown', ...measured, due, message });
  }
  if (latest === undefined && deployedAt === undefined) {
    const message = `no successful update on record; one was due by ${due} for the firing at ${firing} of ${schedule}`;
    return evaluation(objective, ctx, { state: 'unknown', due, message });
  }
  const last = latest === undefined ? 'none since the deploy' : `the last was at ${isoOf(latest)}`;
  const message = `no successful update after the firing at ${firing} of ${schedule}, due by ${due}; ${last}`;
  return evaluation(objective, ctx, { state: 'breached', ...measured, due, message });
}
