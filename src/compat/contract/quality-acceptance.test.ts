import { describe, expect, it } from 'vitest';
import type { QualityOperator, QualityRule } from '../../spec/model/data-contract.js';
import { describeThreshold, thresholdMove } from './quality-acceptance.js';

/** `'mustBeBetween 1 5 percent'` -> a nullValues rule with that operator, operand and unit. */
function rule(text: string): QualityRule {
  const [operator, ...rest] = text.split(' ').filter((t) => t !== '');
  const numbers = rest.filter((t) => /^-?\d/.test(t)).map(Number);
  const unit = rest.find((t) => !/^-?\d/.test(t));
  const [first, second] = numbers;
  const threshold = second === undefined ? first : ([first ?? 0, second] as const);
  return {
    type: 'library',
    metric: 'nullValues',
    path: [],
    ...(operator === undefined || operator === 'none' ? {} : { operator: operator as QualityOperator }),
    ...(threshold === undefined ? {} : { threshold }),
    ...(unit === undefined ? {} : { unit }),
  };
}

describe('thresholdMove', () => {
  it.each([
    ['mustBeLessThan 10', 'mustBeLessThan 5', 'tightened'],
    ['mustBeLessThan 5', 'mustBeLessThan 10', 'loosened'],
    ['mustBeLessThan 10', 'mustBeLessOrEqualTo 10', 'loosened'],
    ['mustBeLessOrEqualTo 0', 'mustBe 0', 'tightened'],
    ['mustBeLessOrEqualTo 0', 'mustBe 1', 'changed'],
    ['mustBeGreaterThan 0', 'mustBeGreaterOrEqualTo 1', 'tightened'],
    ['mustBeGreaterOrEqualTo 1', 'mustBeGreaterThan 1', 'tightened'],
    ['mustBeBetween 1 5', 'mustBeBetween 1 5', 'same'],
    ['mustNotBe 0', 'mustNotBeBetween 0 1', 'tightened'],
    ['mustNotBeBetween 0 5', 'mustNotBe 3', 'loosened'],
    ['mustBe 0', 'mustNotBe 0', 'changed'],
    ['mustBeLessThan 1', 'mustBeLessThan 1 percent', 'changed'],
    ['none', 'none', 'same'],
    ['none', 'mustBe 0', 'changed'],
  ])('%s -> %s is %s', (old, next, move) => {
    expect(thresholdMove(rule(old), rule(next))).toBe(move);
  });
});

describe('describeThreshold', () => {
  it('writes the operator, the operand and the unit', () => {
    expect(describeThreshold(rule('mustBeBetween 1 5 percent'))).toBe('mustBeBetween [1, 5] percent');
    expect(describeThreshold(rule('none'))).toBe('no threshold');
  });
});
