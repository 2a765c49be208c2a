import { firingsAtOrBefore } from './cron-schedule.js';
import { type EvaluationContext, evaluation, seconds } from './evaluation-context.js';
import { formatDuration } from './format-duration.js';
import { isoOf } from './instant.js';
import type { SlaEvaluation } from './sla-evaluation.js';
import type { TimeOfAvailabilityObjective } from './sla-objective.js';

/**
 * Time of availability: each day's data is there by the deadline. The deadline judged is the
 * latest one at or before now; it is met by a successful update between the local midnight before
 * it and the deadline itself (for a 00:00 deadline, during the previous day). An update after the
 * deadline is late, which can only be asserted when the run history reaches back to that midnight:
 * otherwise an earlier update may have made it and the state is unknown.
 */
export function evaluateTimeOfAvailability(
  objective: TimeOfAvailabilityObjective,
  ctx: EvaluationContext,
): SlaEvaluation {
  const [h, m, s] = objective.time.split(':');
  const { timezone } = objective;
  const [deadline] = firingsAtOrBefore(
    `${Number(s)} ${Number(m)} ${Number(h)} * * *`,
    timezone,
    ctx.nowMs,
    1,
  );
  const [dayStart] =
    deadline === undefined ? [] : firingsAtOrBefore('0 0 0 * * *', timezone, deadline - 1, 1);
  const promise = `data is promised by ${objective.time} ${timezone} each day`;
  if (deadline === undefined || dayStart === undefined) {
    return evaluation(objective, ctx, {
      state: 'unknown',
      message: `no deadline found before now; ${promise}`,
    });
  }
  const due = isoOf(deadline);
  const limit = seconds(0);
  const { updates, latest, historyFrom, deployedAt } = ctx.evidence;
  const onTime = updates.find((u) => u >= dayStart && u <= deadline);
  if (onTime !== undefined) {
    const early = formatDuration((deadline - onTime) / 1000);
    const message = `data arrived at ${isoOf(onTime)}, ${early} before the deadline ${due}`;
    return evaluation(objective, ctx, {
      state: 'met',
      measured: seconds((onTime - deadline) / 1000),
      limit,
      due,
      message,
    });
  }
  if (latest !== undefined && latest < dayStart) {
    const message = `no update since ${isoOf(latest)}, before the day of the deadline ${due}; ${promise}`;
    return evaluation(objective, ctx, { state: 'breached', limit, due, message });
  }
  const late = updates.find((u) => u > deadline);
  if (late !== undefined) {
    const measured = seconds((late - deadline) / 1000);
    const after = `data arrived at ${isoOf(late)}, ${formatDuration(measured.value)} after the deadline ${due}`;
    if (historyFrom !== undefined && historyFrom <= dayStart) {
      return evaluation(objective, ctx, { state: 'breached', measured, limit, due, message: after });
    }
    const message = `${after}; run history from ${isoOf(dayStart)} is needed to tell whether an earlier update made it`;
    return evaluation(objective, ctx, { state: 'unknown', limit, due, message });
  }
  if (deployedAt !== undefined && deployedAt <= dayStart) {
    const message = `no successful update on record since the deploy at ${isoOf(deployedAt)}; ${promise}`;
    return evaluation(objective, ctx, { state: 'breached', limit, due, message });
  }
  const why =
    deployedAt === undefined
      ? 'no successful update on record'
      : `deployed at ${isoOf(deployedAt)}, during the day of the deadline ${due}`;
  return evaluation(objective, ctx, { state: 'unknown', limit, due, message: `${why}; ${promise}` });
}
