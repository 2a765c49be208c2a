import { type EvaluationContext, seconds, type Verdict } from './evaluation-context.js';
import { formatDuration } from './format-duration.js';

/**
 * The age of the data against a limit: now minus the last successful update. Exactly at the
 * limit is met. With no update on record, a port deployed longer ago than the limit is breached
 * (it never delivered); otherwise the state is unknown.
 */
export function ageVerdict(ctx: EvaluationContext, maxAgeSeconds: number, promise: string): Verdict {
  const limit = seconds(maxAgeSeconds);
  const { latest, deployedAt } = ctx.evidence;
  if (latest === undefined) {
    if (deployedAt !== undefined && (ctx.nowMs - deployedAt) / 1000 > maxAgeSeconds) {
      const since = formatDuration((ctx.nowMs - deployedAt) / 1000);
      return {
        state: 'breached',
        limit,
        message: `no successful update since the deploy ${since} ago; ${promise}`,
      };
    }
    return { state: 'unknown', limit, message: `no successful update on record; ${promise}` };
  }
  const age = Math.max(0, (ctx.nowMs - latest) / 1000);
  const measured = seconds(age);
  const ago = `last successful update ${formatDuration(age)} ago`;
  return age <= maxAgeSeconds
    ? { state: 'met', measured, limit, message: `${ago}; ${promise}` }
    : { state: 'breached', measured, limit, message: `${ago}, past the limit; ${promise}` };
}
