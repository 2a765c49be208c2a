import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../quality/checks/index.js';
import type { PortQualityReport, ProductQualityCheck } from '../../quality/runs/index.js';
import { checkExitCode, renderQualityCheck } from './check.js';

function result(over: Partial<CheckResult>): CheckResult {
  return {
    rule: 'r',
    type: 'library',
    path: ['schema', 0, 'quality', 0],
    object: 'orders',
    status: 'passed',
    severity: 'error',
    message: 'm',
    ...over,
  };
}

function report(results: CheckResult[], over: Partial<PortQualityReport> = {}): PortQualityReport {
  return {
    id: 'q1',
    productId: 'sales.orders',
    port: 'orders',
    major: 1,
    version: '1.0.0',
    key: 'orders',
    trigger: 'manual',
    state: 'failed',
    startedAt: '2026-05-01T10:00:00.000Z',
    finishedAt: '2026-05-01T10:00:01.000Z',
    counts: { passed: 1, failed: 1, notRun: 1, error: 0 },
    results,
    samples: [],
    ...over,
  };
}

const check = (reports: PortQualityReport[]): ProductQualityCheck => ({
  productId: 'sales.orders',
  reports,
  withoutRules: [{ port: 'plain', major: 1, version: '1.0.0', key: 'plain' }],
});

describe('meshplane check output', () => {
  it('shows every rule with its verdict, measured value, threshold, samples and not-run reasons', () => {
    const text = renderQualityCheck(
      check([
        report(
          [
            result({
              rule: 'rows',
              measured: 4,
              unit: 'rows',
              operator: 'mustBeBetween',
              threshold: [1, 10],
            }),
            result({
              rule: 'email_present',
              status: 'failed',
              measured: 2,
              unit: 'rows',
              operator: 'mustBe',
              threshold: 0,
              message: 'nullValues of orders.email: 2 rows; must be 0',
            }),
            result({ rule: 'orders.custom', status: 'not_run', message: "a custom rule for engine 'soda'" }),
          ],
          {
            samples: [
              { rule: 'email_present', rows: [{ id: 2, email: '***' }], masked: ['email'], truncated: true },
            ],
          },
        ),
      ]),
    );
    expect(text).toContain('sales.orders/orders v1.0.0: failed');
    expect(text).toContain('1 passed, 1 failed, 1 not run, 0 error(s)');
    expect(text).toMatch(/passed +rows {2}\[error\]\n\s+measured 4 rows, mustBeBetween \[1, 10\]/);
    expect(text).toMatch(/FAILED +email_present {2}\[error\]\n\s+measured 2 rows, mustBe 0/);
    expect(text).toContain('failing rows (masked: email), cut to fit:');
    expect(text).toMatch(/id \| email\n.*\n\s+2 \| \*\*\*/);
    expect(text).toContain("not run: a custom rule for engine 'soda'");
    expect(text).toContain('sales.orders/plain v1.0.0: no quality rules');
  });

  it('exits 1 only when a blocking rule failed or errored, or the checks could not run', () => {
    const warning = result({ status: 'failed', severity: 'warning' });
    expect(checkExitCode(check([report([result({}), warning], { state: 'warning' })]))).toBe(0);
    expect(checkExitCode(check([report([result({ status: 'not_run' })], { state: 'not_run' })]))).toBe(0);
    expect(checkExitCode(check([report([result({ status: 'failed' })])]))).toBe(1);
    expect(checkExitCode(check([report([result({ status: 'error', severity: 'critical' })])]))).toBe(1);
    expect(checkExitCode(check([report([], { state: 'error', error: 'no table' })]))).toBe(1);
    expect(checkExitCode(check([]))).toBe(0);
  });

  it('says why a whole port could not be checked', () => {
    const text = renderQualityCheck(check([report([], { state: 'error', error: 'table is gone' })]));
    expect(text).toContain('the checks could not run: table is gone');
  });
});
