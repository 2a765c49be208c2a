import { timeInStates } from './adherence.js';
import { type EvaluationContext, evaluation } from './evaluation-context.js';
import { formatDuration } from './format-duration.js';
import type { SlaEvaluation, SlaMeasure } from './sla-evaluation.js';
import type { AvailabilityObjective } from './sla-objective.js';
import { timed, timelineFromSamples } from './state-timeline.js';

const percent = (value: number): SlaMeasure => ({ value, unit: 'percent' });

/**
 * Availability: the share of the window the probes found the port up, time-weighted (a probe's
 * result holds until the next probe, at most `probeStaleAfterSeconds`). Time no probe covers is
 * left out; with none covered the state is unknown. Exactly at the promised percentage is met.
 */
export function evaluateAvailability(
  objective: AvailabilityObjective,
  ctx: EvaluationContext,
): SlaEvaluation {
  const limit = percent(objective.minPercent);
  const windowSeconds = ctx.options.availabilityWindowSeconds;
  const samples = (ctx.observations.probes ?? []).map((p) => ({
    at: p.at,
    state: p.up ? ('met' as const) : ('breached' as const),
  }));
  const timeline = timelineFromSamples(samples, { staleAfterSeconds: ctx.options.probeStaleAfterSeconds });
  const spent = timeInStates(timed(timeline).states, ctx.nowMs - windowSeconds * 1000, ctx.nowMs);
  const covered = spent.met + spent.breached;
  const over = `over the last ${formatDuration(windowSeconds)}`;
  if (covered === 0) {
    return evaluation(objective, ctx, { state: 'unknown', limit, message: `no availability probe ${over}` });
  }
  const measured = percent((spent.met / covered) * 100);
  const coverage = `probes cover ${formatDuration(covered)} ${over}`;
  const shown = `${Number(measured.value.toFixed(3))}% available, promised ${objective.minPercent}%`;
  // A share computed exactly at the promise may land a rounding error below it.
  const state = measured.value >= objective.minPercent - 1e-9 ? 'met' : 'breached';
  return evaluation(objective, ctx, { state, measured, limit, message: `${shown}; ${coverage}` });
}
