import type { CompiledPolicy, Decision, DecisionError, DecisionRequest } from './access-types.js';
import type { DecisionPoint } from './decision-point.js';

/** A decision with the policies behind it spelled out, for `meshplane access explain`. */
export interface Explanation {
  readonly request: {
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
  };
  readonly decision: Decision['decision'];
  /** The determining policies with their text and origin, in id order. */
  readonly determining: readonly CompiledPolicy[];
  readonly errors: readonly DecisionError[];
  /** Why the answer is what it is, in one sentence. */
  readonly summary: string;
}

/** Decides `request` on `point` and says why. */
export function explainDecision(point: DecisionPoint, request: DecisionRequest): Explanation {
  const decision = point.decide(request);
  const byId = new Map(point.policies.map((p) => [p.id, p]));
  const determining = decision.determiningPolicies
    .map((id) => byId.get(id))
    .filter((p): p is CompiledPolicy => p !== undefined);
  const erroredForbid =
    decision.decision === 'deny' && determining.some((p) => decision.errors.some((e) => e.policyId === p.id));
  const summary =
    decision.decision === 'allow'
      ? `allowed by ${count(determining.length, 'permit policy', 'permit policies')} and no forbid policy matched`
      : erroredForbid
        ? 'denied because a forbid policy could not be evaluated (it might have matched)'
        : determining.length > 0
          ? `denied by ${count(determining.length, 'forbid policy', 'forbid policies')} (forbid beats permit)`
          : decision.errors.some((e) => e.policyId === undefined)
            ? 'denied because the request could not be evaluated'
            : 'denied by default: no permit policy matched';
  return Object.freeze({
    request: {
      principal: `${request?.principal?.type}::"${request?.principal?.id}"`,
      action: String(request?.action),
      resource: `${request?.resource?.type}::"${request?.resource?.id}"`,
    },
    decision: decision.decision,
    determining,
    errors: decision.errors,
    summary,
  });
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The explanation as plain text, one section per heading. */
export function formatExplanation(explanation: Explanation): string {
  const { request } = explanation;
  const lines = [
    `${explanation.decision.toUpperCase()}: ${request.principal} ${request.action} ${request.resource}`,
    explanation.summary,
  ];
  if (explanation.determining.length > 0) {
    lines.push('', 'Determining policies:');
    for (const p of explanation.determining) {
      lines.push('', `  ${p.id} (${p.effect}, ${p.source}, ${p.file}:${p.line}:${p.column})`);
      for (const line of p.text.split('\n')) lines.push(`    ${line}`);
    }
  }
  if (explanation.errors.length > 0) {
    lines.push('', 'Errors (an erroring policy never grants):');
    for (const e of explanation.errors)
      lines.push(`  ${e.policyId === undefined ? 'request' : e.policyId}: ${e.message}`);
  }
  return lines.join('\n');
}
