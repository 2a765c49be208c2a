/**
 * A rule's expectation (operator and operand) and its comparison with a measured value. Pure.
 *
 * ODCS operators: `mustBe` (=), `mustNotBe` (≠), `mustBeGreaterThan` (>), `mustBeGreaterOrEqualTo`
 * (≥), `mustBeLessThan` (<), `mustBeLessOrEqualTo` (≤), `mustBeBetween` [low, high] (∈),
 * `mustNotBeBetween` [low, high] (∉). Both bounds of the between operators are inclusive
 * (a closed interval: `∈` / `∉`, as Soda's `between` and the common ODCS engines read them).
 */
import type { QualityOperator, QualityRule } from '../../spec/model/data-contract.js';

export interface Expectation {
  readonly operator: QualityOperator;
  readonly threshold: number | readonly [number, number];
  /** True when the contract names no operator and the metric's default applies. */
  readonly defaulted: boolean;
}

const BETWEEN: ReadonlySet<QualityOperator> = new Set(['mustBeBetween', 'mustNotBeBetween']);

/**
 * The operator and operand of a rule. A library metric that counts bad values (null, missing,
 * invalid, duplicate) and names no operator must be 0: the metric's name states the expectation,
 * as ODCS v3.0 rules such as `nullCheck` and `unique` did. `rowCount` and SQL rules have no such
 * reading, so they need an operator.
 */
export function ruleExpectation(rule: QualityRule): Expectation | { readonly error: string } {
  const { operator, threshold } = rule;
  if (operator === undefined) {
    if (rule.type === 'library' && rule.metric !== undefined && rule.metric !== 'rowCount') {
      return { operator: 'mustBe', threshold: 0, defaulted: true };
    }
    const what = rule.type === 'sql' ? 'a sql rule' : `metric ${rule.metric ?? '(none)'}`;
    return { error: `${what} needs an operator such as mustBe or mustBeGreaterThan` };
  }
  if (BETWEEN.has(operator)) {
    if (!Array.isArray(threshold)) return { error: `${operator} needs a list of two numbers [low, high]` };
    const [low, high] = threshold as readonly [number, number];
    if (low > high) return { error: `${operator} needs the smaller number first, got [${low}, ${high}]` };
    return { operator, threshold: [low, high], defaulted: false };
  }
  if (typeof threshold !== 'number') return { error: `${operator} needs a number` };
  return { operator, threshold, defaulted: false };
}

/** Whether `measured` meets the expectation. */
export function meetsExpectation(measured: number, expectation: Expectation): boolean {
  const { operator, threshold } = expectation;
  if (Array.isArray(threshold)) {
    const [low, high] = threshold as readonly [number, number];
    const inside = measured >= low && measured <= high;
    return operator === 'mustNotBeBetween' ? !inside : inside;
  }
  const t = threshold as number;
  switch (operator) {
    case 'mustBe':
      return measured === t;
    case 'mustNotBe':
      return measured !== t;
    case 'mustBeGreaterThan':
      return measured > t;
    case 'mustBeGreaterOrEqualTo':
      return measured >= t;
    case 'mustBeLessThan':
      return measured < t;
    case 'mustBeLessOrEqualTo':
      return measured <= t;
    default:
      return false;
  }
}

/** `must be at most 5`, `must be between 1 and 9`: the expectation in words. */
export function describeExpectation(expectation: Expectation): string {
  const { operator, threshold } = expectation;
  if (Array.isArray(threshold)) {
    const [low, high] = threshold as readonly [number, number];
    return `must${operator === 'mustNotBeBetween' ? ' not' : ''} be between ${low} and ${high} (inclusive)`;
  }
  const words: Readonly<Record<QualityOperator, string>> = {
    mustBe: 'must be',
    mustNotBe: 'must not be',
    mustBeGreaterThan: 'must be greater than',
    mustBeGreaterOrEqualTo: 'must be at least',
    mustBeLessThan: 'must be less than',
    mustBeLessOrEqualTo: 'must be at most',
    mustBeBetween: 'must be between',
    mustNotBeBetween: 'must not be between',
  };
  return `${words[operator]} ${threshold}`;
}
