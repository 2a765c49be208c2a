import { describe, expect, it } from 'vitest';
import { QUALITY_FAILURE, qualityCondition } from './quality-condition.js';

const result = (rule: string, status: string, severity = 'error') => ({
  rule,
  status,
  severity,
  message: `${rule} is ${status}`,
});
const AT = '2026-05-01T10:00:00.000Z';

describe('qualityCondition', () => {
  it('fails on a failed check run, naming the rules, at the run’s finish', () => {
    const condition = qualityCondition(
      'sales.orders',
      'orders@v2',
      {
        state: 'failed',
        finishedAt: '2026-05-01T09:59:00.000Z',
        results: [result('ids_valid', 'failed'), result('no_nulls', 'passed'), result('sql', 'error')],
      },
      AT,
    );
    expect(condition).toMatchObject({
      key: { product: 'sales.orders', monitor: QUALITY_FAILURE, subject: 'orders@v2' },
      failing: true,
      at: '2026-05-01T09:59:00.000Z',
      details: { facts: { port: 'orders@v2', state: 'failed', rules: 3, failed: 1, errors: 1 } },
    });
    expect(condition?.details?.message).toBe(
      'quality rules of orders@v2 failed: ids_valid: ids_valid is failed; sql: sql is error',
    );
  });

  it('clears on passed and warning runs, and says nothing when nothing could be measured', () => {
    expect(
      qualityCondition('p', 'o', { state: 'passed', results: [result('a', 'passed')] }, AT),
    ).toMatchObject({
      failing: false,
      at: AT,
    });
    expect(
      qualityCondition('p', 'o', { state: 'warning', results: [result('a', 'failed', 'warning')] }, AT)
        ?.failing,
    ).toBe(false);
    expect(qualityCondition('p', 'o', { state: 'not_run', results: [] }, AT)).toBeUndefined();
    expect(qualityCondition('p', 'o', { state: 'error', results: [] }, AT)).toBeUndefined();
  });

  it('names at most five rules', () => {
    const results = Array.from({ length: 8 }, (_, i) => result(`r${i}`, 'failed'));
    const message = qualityCondition('p', 'o', { state: 'failed', results }, AT)?.details?.message ?? '';
    expect(message.match(/r\d:/g)).toHaveLength(5);
    expect(message.endsWith('; ...')).toBe(true);
  });
});
