import { ageVerdict } from './evaluate-age.js';
import { type EvaluationContext, evaluation } from './evaluation-context.js';
import { formatDuration } from './format-duration.js';
import type { SlaEvaluation } from './sla-evaluation.js';
import type { LatencyObjective } from './sla-objective.js';

/** Latency (freshness): the data is at most `maxAgeSeconds` old. */
export function evaluateLatency(objective: LatencyObjective, ctx: EvaluationContext): SlaEvaluation {
  const promise = `data is promised at most ${formatDuration(objective.maxAgeSeconds)} old`;
  return evaluation(objective, ctx, ageVerdict(ctx, objective.maxAgeSeconds, promise));
}
