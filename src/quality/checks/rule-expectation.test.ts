import { describe, expect, it } from 'vitest';
import type { QualityOperator, QualityRule } from '../../spec/model/data-contract.js';
import {
  describeExpectation,
  type Expectation,
  meetsExpectation,
  ruleExpectation,
} from './rule-expectation.js';

const expect_ = (operator: QualityOperator, threshold: Expectation['threshold']): Expectation => ({
  operator,
  threshold,
  defaulted: false,
});

describe('meetsExpectation: every ODCS operator at and around its boundary', () => {
  it.each([
    [
      'mustBe',
      5,
      [
        [4, false],
        [5, true],
        [6, false],
      ],
    ],
    [
      'mustNotBe',
      5,
      [
        [4, true],
        [5, false],
        [6, true],
      ],
    ],
    [
      'mustBeGreaterThan',
      5,
      [
        [4, false],
        [5, false],
        [5.0001, true],
      ],
    ],
    [
      'mustBeGreaterOrEqualTo',
      5,
      [
        [4.9999, false],
        [5, true],
        [6, true],
      ],
    ],
    [
      'mustBeLessThan',
      5,
      [
        [4.9999, true],
        [5, false],
        [6, false],
      ],
    ],
    [
      'mustBeLessOrEqualTo',
      5,
      [
        [4, true],
        [5, true],
        [5.0001, false],
      ],
    ],
  ] as const)('%s %d', (operator, threshold, cases) => {
    for (const [measured, ok] of cases)
      expect(meetsExpectation(measured, expect_(operator, threshold)), `${measured}`).toBe(ok);
  });

  it('mustBeBetween [low, high] includes both bounds', () => {
    const e = expect_('mustBeBetween', [10, 20]);
    expect([9.99, 10, 15, 20, 20.01].map((m) => meetsExpectation(m, e))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('mustNotBeBetween [low, high] refuses both bounds', () => {
    const e = expect_('mustNotBeBetween', [10, 20]);
    expect([9.99, 10, 15, 20, 20.01].map((m) => meetsExpectation(m, e))).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it('a one-point interval holds exactly that point', () => {
    expect(meetsExpectation(3, expect_('mustBeBetween', [3, 3]))).toBe(true);
    expect(meetsExpectation(3, expect_('mustNotBeBetween', [3, 3]))).toBe(false);
  });
});

describe('ruleExpectation', () => {
  const rule = (fields: Partial<QualityRule>): QualityRule => ({ type: 'library', path: [], ...fields });

  it('keeps the declared operator and operand', () => {
    expect(
      ruleExpectation(rule({ metric: 'rowCount', operator: 'mustBeGreaterThan', threshold: 100 })),
    ).toEqual(expect_('mustBeGreaterThan', 100));
    expect(
      ruleExpectation(rule({ metric: 'nullValues', operator: 'mustBeBetween', threshold: [0, 2] })),
    ).toEqual(expect_('mustBeBetween', [0, 2]));
  });

  it('reads a counting metric without operator as "must be 0"', () => {
    for (const metric of ['nullValues', 'missingValues', 'invalidValues', 'duplicateValues'] as const)
      expect(ruleExpectation(rule({ metric }))).toEqual({
        operator: 'mustBe',
        threshold: 0,
        defaulted: true,
      });
  });

  it('asks rowCount and sql rules for an operator', () => {
    expect(ruleExpectation(rule({ metric: 'rowCount' }))).toHaveProperty('error');
    expect(ruleExpectation(rule({ type: 'sql', query: 'select 1' }))).toHaveProperty('error');
  });
});

describe('describeExpectation', () => {
  it.each([
    [expect_('mustBe', 0), 'must be 0'],
    [expect_('mustNotBe', 3.5), 'must not be 3.5'],
    [expect_('mustBeGreaterThan', 1000000), 'must be greater than 1000000'],
    [expect_('mustBeGreaterOrEqualTo', 60), 'must be at least 60'],
    [expect_('mustBeLessThan', 1), 'must be less than 1'],
    [expect_('mustBeLessOrEqualTo', 5), 'must be at most 5'],
    [expect_('mustBeBetween', [100, 120]), 'must be between 100 and 120 (inclusive)'],
    [expect_('mustNotBeBetween', [0, 100]), 'must not be between 0 and 100 (inclusive)'],
  ])('%o reads "%s"', (e, text) => {
    expect(describeExpectation(e)).toBe(text);
  });
});
