import type { QualityRule } from '../../spec/model/data-contract.js';

/** The measured values a quality rule accepts: an interval, or everything outside one. */
interface Acceptance {
  readonly low: number;
  readonly lowIncluded: boolean;
  readonly high: number;
  readonly highIncluded: boolean;
  readonly outside: boolean;
}

/** How a rule's threshold moved, judged on the set of measured values it accepts. */
export type ThresholdMove = 'same' | 'tightened' | 'loosened' | 'changed';

const INF = Number.POSITIVE_INFINITY;

function acceptance(rule: QualityRule): Acceptance | undefined {
  const { operator, threshold } = rule;
  if (operator === undefined || threshold === undefined) return undefined;
  const pair = typeof threshold === 'number' ? undefined : threshold;
  const x = typeof threshold === 'number' ? threshold : undefined;
  const interval = (
    low: number,
    lowIncluded: boolean,
    high: number,
    highIncluded: boolean,
    outside = false,
  ) => ({
    low,
    lowIncluded,
    high,
    highIncluded,
    outside,
  });
  if (pair !== undefined) {
    if (operator === 'mustBeBetween') return interval(pair[0], true, pair[1], true);
    if (operator === 'mustNotBeBetween') return interval(pair[0], true, pair[1], true, true);
    return undefined;
  }
  if (x === undefined) return undefined;
  switch (operator) {
    case 'mustBe':
      return interval(x, true, x, true);
    case 'mustNotBe':
      return interval(x, true, x, true, true);
    case 'mustBeGreaterThan':
      return interval(x, false, INF, false);
    case 'mustBeGreaterOrEqualTo':
      return interval(x, true, INF, false);
    case 'mustBeLessThan':
      return interval(-INF, false, x, false);
    case 'mustBeLessOrEqualTo':
      return interval(-INF, false, x, true);
    default:
      return undefined;
  }
}

/** True when interval `a` lies within interval `b`. */
function within(a: Acceptance, b: Acceptance): boolean {
  const lowOk = a.low > b.low || (a.low === b.low && (b.lowIncluded || !a.lowIncluded));
  const highOk = a.high < b.high || (a.high === b.high && (b.highIncluded || !a.highIncluded));
  return lowOk && highOk;
}

/**
 * Compares two rules' operator and threshold: tightened when the new rule accepts a strict subset
 * of what the old one accepted (`mustBeLessThan: 10` -> `5`, `mustBeGreaterThan: 0` -> `100`),
 * loosened for a strict superset, `changed` when neither holds or the unit differs (rows vs
 * percent cannot be compared without the row count).
 */
export function thresholdMove(old: QualityRule, next: QualityRule): ThresholdMove {
  const a = acceptance(old);
  const b = acceptance(next);
  if (a === undefined && b === undefined)
    return old.operator === next.operator && JSON.stringify(old.threshold) === JSON.stringify(next.threshold)
      ? 'same'
      : 'changed';
  if (a === undefined || b === undefined || a.outside !== b.outside || (old.unit ?? '') !== (next.unit ?? ''))
    return 'changed';
  // For `outside` rules the accepted set is the complement, so inclusion flips.
  const [inner, outer] = a.outside ? [a, b] : [b, a];
  const newWithinOld = within(inner, outer);
  const oldWithinNew = within(outer, inner);
  if (newWithinOld && oldWithinNew) return 'same';
  if (newWithinOld) return 'tightened';
  return oldWithinNew ? 'loosened' : 'changed';
}

/** The operator and threshold as written: `mustBeLessThan 10`, `mustBeBetween [1, 5] percent`. */
export function describeThreshold(rule: QualityRule): string {
  if (rule.operator === undefined) return 'no threshold';
  const value =
    typeof rule.threshold === 'number' ? String(rule.threshold) : `[${rule.threshold?.join(', ')}]`;
  return `${rule.operator} ${value}${rule.unit === undefined ? '' : ` ${rule.unit}`}`;
}
