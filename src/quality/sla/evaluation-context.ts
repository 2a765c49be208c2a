import type { SlaEvaluation, SlaMeasure, SlaState } from './sla-evaluation.js';
import type { SlaObjective } from './sla-objective.js';
import type { SlaEvaluationOptions, SlaObservations } from './sla-observations.js';
import type { UpdateEvidence } from './update-evidence.js';

/** What every evaluator reads: the instant, the raw observations, the update evidence, the options. */
export interface EvaluationContext {
  readonly nowMs: number;
  readonly observations: SlaObservations;
  readonly evidence: UpdateEvidence;
  readonly options: Required<Omit<SlaEvaluationOptions, 'frequencyGraceSeconds'>> &
    Pick<SlaEvaluationOptions, 'frequencyGraceSeconds'>;
}

/** The optional parts of an evaluation. */
export interface Verdict {
  readonly state: SlaState;
  readonly message: string;
  readonly measured?: SlaMeasure;
  readonly limit?: SlaMeasure;
  readonly due?: string;
}

/** An evaluation of `objective` from a verdict, at the observations' instant. */
export function evaluation(objective: SlaObjective, ctx: EvaluationContext, verdict: Verdict): SlaEvaluation {
  return { objectiveId: objective.id, kind: objective.kind, ...verdict, at: ctx.observations.now };
}

export const seconds = (value: number): SlaMeasure => ({ value, unit: 'seconds' });
