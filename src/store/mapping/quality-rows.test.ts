import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import { MAX_QUALITY_JSON_CHARS, type QualityRunInput } from '../model/quality-model.js';
import { boundedJsonArray, qualityRowFromInput, qualityRunFromRow } from './quality-rows.js';

const INPUT: QualityRunInput = {
  productId: 'sales.orders',
  port: 'orders',
  major: 2,
  version: '2.1.0',
  runId: 'run-1',
  trigger: 'run',
  state: 'failed',
  startedAt: new Date('2026-05-01T10:00:00.000Z'),
  finishedAt: new Date('2026-05-01T10:00:01.500Z'),
  counts: { passed: 3, failed: 1, notRun: 1, error: 0 },
  results: [{ rule: 'ids_unique', status: 'failed', severity: 'error', measured: 2 }],
  samples: [{ rule: 'ids_unique', rows: [{ id: 1, email: '***' }], masked: ['email'] }],
};

describe('quality rows', () => {
  it('round-trips a check run, counts and JSON included, optional fields absent when NULL', () => {
    const row = qualityRowFromInput('q1', INPUT);
    expect(row).toMatchObject({
      id: 'q1',
      run_id: 'run-1',
      started_at: '2026-05-01T10:00:00.000Z',
      not_run: 1,
      errored: 0,
      error: null,
    });
    const stored = { ...row, run_id: row.run_id ?? null, error: row.error ?? null } as Parameters<
      typeof qualityRunFromRow
    >[0];
    const run = qualityRunFromRow(stored);
    expect(run).toEqual({
      id: 'q1',
      productId: 'sales.orders',
      port: 'orders',
      major: 2,
      version: '2.1.0',
      runId: 'run-1',
      trigger: 'run',
      state: 'failed',
      startedAt: '2026-05-01T10:00:00.000Z',
      finishedAt: '2026-05-01T10:00:01.500Z',
      counts: { passed: 3, failed: 1, notRun: 1, error: 0 },
      results: INPUT.results,
      samples: INPUT.samples,
    });
    const withoutRun = qualityRunFromRow({ ...stored, run_id: null, error: 'table missing' });
    expect('runId' in withoutRun).toBe(false);
    expect(withoutRun.error).toBe('table missing');
  });

  it('reads counts PostgreSQL hands back as strings as numbers', () => {
    const row = qualityRowFromInput('q1', INPUT);
    const run = qualityRunFromRow({
      ...row,
      run_id: null,
      error: null,
      major: '2' as unknown as number,
      passed: '3' as unknown as number,
    } as Parameters<typeof qualityRunFromRow>[0]);
    expect(run.major).toBe(2);
    expect(run.counts.passed).toBe(3);
  });

  it('refuses results or samples past the per-run bound, naming them', () => {
    const big = [{ text: 'x'.repeat(MAX_QUALITY_JSON_CHARS) }];
    const error = (() => {
      try {
        boundedJsonArray(big, 'quality samples');
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).code).toBe('INVALID_INPUT');
    expect((error as MeshplaneError).message).toContain('quality samples');
    expect(boundedJsonArray([{ a: 1 }], 'x')).toBe('[{"a":1}]');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => boundedJsonArray([1n], 'quality results')).toThrow(
      /quality results cannot be stored as JSON/,
    );
  });
});
