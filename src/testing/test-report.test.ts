import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../quality/checks/index.js';
import { type ProductTestReport, sampleQualityReport, testPassed } from './test-report.js';

const port = { name: 'orders@v2', portName: 'orders', major: 2, version: '2.1.0' };
const at = new Date('2025-01-01T00:00:00Z');

function result(status: CheckResult['status'], severity: string): CheckResult {
  return {
    rule: `r-${status}-${severity}`,
    type: 'library',
    path: [],
    object: 'orders',
    status,
    severity,
    message: 'm',
  };
}

function report(results: readonly CheckResult[]) {
  return sampleQualityReport(
    'sales.orders',
    port,
    { report: { object: 'orders', table: 't', results, samples: [], statements: 1 } },
    at,
    at,
  );
}

const passing: Omit<ProductTestReport, 'passed'> = {
  productId: 'sales.orders',
  dir: '.',
  inputs: [
    {
      port: 'in',
      kind: 'files',
      sample: 's',
      status: 'passed',
      rowsAccepted: 3,
      rowsRejected: 0,
      rejected: [],
    },
  ],
  outputs: [
    { port: 'orders', status: 'succeeded', rows: 3, expected: { status: 'equal', file: 'e', rows: 3 } },
  ],
  quality: { productId: 'sales.orders', reports: [report([result('passed', 'error')])], withoutRules: [] },
};

describe('sampleQualityReport', () => {
  it('shapes a check of sample data as the quality history reports it, unstored', () => {
    const r = report([result('passed', 'error'), result('failed', 'warning')]);
    expect(r).toMatchObject({
      id: '',
      productId: 'sales.orders',
      port: 'orders',
      key: 'orders@v2',
      major: 2,
      version: '2.1.0',
      trigger: 'test',
      state: 'warning',
      counts: { passed: 1, failed: 1, notRun: 0, error: 0 },
      startedAt: '2025-01-01T00:00:00.000Z',
    });
  });

  it('is an error report when the checks could not run', () => {
    const r = sampleQualityReport('sales.orders', port, { error: 'no table' }, at, at);
    expect(r).toMatchObject({ state: 'error', error: 'no table', results: [] });
  });
});

describe('testPassed', () => {
  it('passes when every step passed', () => {
    expect(testPassed(passing)).toBe(true);
  });

  it('passes with an absent expected file, a view, a warning-only rule', () => {
    expect(
      testPassed({
        ...passing,
        outputs: [{ port: 'orders', status: 'view', rows: 0, expected: { status: 'absent', file: 'e' } }],
        quality: { ...passing.quality, reports: [report([result('failed', 'warning')])] },
      }),
    ).toBe(true);
  });

  it('fails on a rejected row, a failed transform, a difference, a blocking rule', () => {
    const input = passing.inputs[0];
    const output = passing.outputs[0];
    if (input === undefined || output === undefined) throw new Error('fixture');
    expect(testPassed({ ...passing, inputs: [{ ...input, status: 'failed', rowsRejected: 1 }] })).toBe(false);
    expect(testPassed({ ...passing, outputs: [{ ...output, status: 'failed' }] })).toBe(false);
    expect(
      testPassed({
        ...passing,
        outputs: [{ ...output, expected: { status: 'not_run', file: 'e', reason: 'r' } }],
      }),
    ).toBe(false);
    expect(
      testPassed({
        ...passing,
        quality: { ...passing.quality, reports: [report([result('error', 'error')])] },
      }),
    ).toBe(false);
    expect(
      testPassed({
        ...passing,
        quality: {
          ...passing.quality,
          reports: [sampleQualityReport('sales.orders', port, { error: 'x' }, at, at)],
        },
      }),
    ).toBe(false);
  });
});
