import { evaluateAvailability } from './evaluate-availability.js';
import { evaluateFrequency } from './evaluate-frequency.js';
import { evaluateLatency } from './evaluate-latency.js';
import { evaluateRetention } from './evaluate-retention.js';
import { evaluateTimeOfAvailability } from './evaluate-time-of-availability.js';
import type { EvaluationContext } from './evaluation-context.js';
import { instantMs } from './instant.js';
import type { SlaEvaluation, SlaState } from './sla-evaluation.js';
import type { ParsedSla, SlaObjective } from './sla-objective.js';
import type { SlaEvaluationOptions, SlaObservations } from './sla-observations.js';
import { updateEvidence } from './update-evidence.js';

const DEFAULTS = {
  availabilityWindowSeconds: 30 * 86_400,
  probeStaleAfterSeconds: 3_600,
  retentionGraceSeconds: 0,
};

function checkedOptions(options: SlaEvaluationOptions): EvaluationContext['options'] {
  const pick = (name: keyof typeof DEFAULTS, positive: boolean): number => {
    const value = options[name];
    const ok = typeof value === 'number' && Number.isFinite(value) && (positive ? value > 0 : value >= 0);
    return ok ? value : DEFAULTS[name];
  };
  const grace = options.frequencyGraceSeconds;
  return {
    availabilityWindowSeconds: pick('availabilityWindowSeconds', true),
    probeStaleAfterSeconds: pick('probeStaleAfterSeconds', true),
    retentionGraceSeconds: pick('retentionGraceSeconds', false),
    ...(typeof grace === 'number' && Number.isFinite(grace) && grace >= 0
      ? { frequencyGraceSeconds: grace }
      : {}),
  };
}

function evaluateOne(objective: SlaObjective, ctx: EvaluationContext): SlaEvaluation {
  switch (objective.kind) {
    case 'latency':
      return evaluateLatency(objective, ctx);
    case 'retention':
      return evaluateRetention(objective, ctx);
    case 'frequency':
      return evaluateFrequency(objective, ctx);
    case 'timeOfAvailability':
      return evaluateTimeOfAvailability(objective, ctx);
    case 'availability':
      return evaluateAvailability(objective, ctx);
  }
}

/**
 * Evaluates every objective of one output port's contract against what was observed of that
 * port. Pure and total: missing or unreadable observations give `unknown` with the reason; an
 * out-of-range option falls back to its default. Evaluations come in objective order.
 */
export function evaluateSla(
  sla: Pick<ParsedSla, 'objectives'>,
  observations: SlaObservations,
  options: SlaEvaluationOptions = {},
): SlaEvaluation[] {
  const nowMs = instantMs(observations.now);
  if (nowMs === undefined) {
    return sla.objectives.map((o) => ({
      objectiveId: o.id,
      kind: o.kind,
      state: 'unknown',
      message: `the evaluation time '${observations.now}' is not an ISO instant with a zone`,
      at: observations.now,
    }));
  }
  const ctx: EvaluationContext = {
    nowMs,
    observations,
    evidence: updateEvidence(observations, nowMs),
    options: checkedOptions(options),
  };
  return sla.objectives.map((objective) => evaluateOne(objective, ctx));
}

/** The state of several evaluations together (a port's, a product's): breached > unknown > met; unknown when empty. */
export function overallState(evaluations: readonly Pick<SlaEvaluation, 'state'>[]): SlaState {
  if (evaluations.length === 0) return 'unknown';
  if (evaluations.some((e) => e.state === 'breached')) return 'breached';
  return evaluations.some((e) => e.state === 'unknown') ? 'unknown' : 'met';
}
