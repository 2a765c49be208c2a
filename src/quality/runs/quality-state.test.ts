import { describe, expect, it } from 'vitest';
import { countResults, isBlockingResult, isBlockingSeverity, qualityState } from './quality-state.js';

const r = (status: 'passed' | 'failed' | 'not_run' | 'error', severity = 'error') => ({ status, severity });

describe('quality state', () => {
  it('counts results by verdict', () => {
    expect(countResults([r('passed'), r('passed'), r('failed'), r('not_run'), r('error')])).toEqual({
      passed: 2,
      failed: 1,
      notRun: 1,
      error: 1,
    });
    expect(countResults([])).toEqual({ passed: 0, failed: 0, notRun: 0, error: 0 });
  });

  it('fails on a blocking failure or error, warns on a non-blocking one', () => {
    expect(qualityState([r('passed'), r('failed')])).toBe('failed');
    expect(qualityState([r('passed'), r('error')])).toBe('failed');
    expect(qualityState([r('passed'), r('failed', 'warning')])).toBe('warning');
    expect(qualityState([r('error', 'info'), r('passed')])).toBe('warning');
    expect(qualityState([r('failed', 'warning'), r('failed', 'error')])).toBe('failed');
  });

  it('passes when a rule passed and none failed; not_run when nothing was measured', () => {
    expect(qualityState([r('passed'), r('not_run')])).toBe('passed');
    expect(qualityState([r('not_run'), r('not_run')])).toBe('not_run');
    expect(qualityState([])).toBe('not_run');
  });

  it('treats error and any unknown severity as blocking, info and warning as not', () => {
    expect(isBlockingSeverity('error')).toBe(true);
    expect(isBlockingSeverity('critical')).toBe(true);
    expect(isBlockingSeverity(' Warning ')).toBe(false);
    expect(isBlockingSeverity('INFO')).toBe(false);
    expect(isBlockingResult(r('not_run'))).toBe(false);
    expect(isBlockingResult(r('passed'))).toBe(false);
  });
});
