import { describe, expect, it } from 'vitest';
import type { CheckResult, FailingSample } from '../checks/index.js';
import { boundResults, boundSamples } from './bound-report.js';

const bounds = { cellChars: 10, samplesChars: 200, messageChars: 20 };

describe('bounding what a check run stores', () => {
  it('cuts long cells, keeps masks and small values, and marks the sample truncated', () => {
    const sample: FailingSample = {
      rule: 'r',
      rows: [{ id: 1, email: '***', note: 'a very long note indeed', ok: true, gone: null }],
      masked: ['email'],
    };
    const [bounded] = boundSamples([sample], bounds);
    expect(bounded).toEqual({
      rule: 'r',
      rows: [{ id: 1, email: '***', note: 'a very lo…', ok: true, gone: null }],
      masked: ['email'],
      truncated: true,
    });
    const [untouched] = boundSamples([{ rule: 'r', rows: [{ id: 2 }], masked: [] }], bounds);
    expect(untouched).toEqual({ rule: 'r', rows: [{ id: 2 }], masked: [] });
  });

  it('drops rows past the budget of the whole run, across samples', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ id: i, code: `c${i}` }));
    const out = boundSamples(
      [
        { rule: 'a', rows, masked: [] },
        { rule: 'b', rows, masked: [] },
      ],
      bounds,
    );
    const total = JSON.stringify(out.flatMap((s) => s.rows)).length;
    expect(total).toBeLessThanOrEqual(bounds.samplesChars + 2);
    expect(out[0]?.rows.length).toBeGreaterThan(0);
    expect(out[0]?.rows.length).toBeLessThan(30);
    expect(out[0]?.truncated).toBe(true);
    expect(out[1]?.rows).toEqual([]);
    expect(out[1]?.truncated).toBe(true);
  });

  it('turns values JSON cannot hold into text and keeps small nested values', () => {
    const [s] = boundSamples(
      [
        {
          rule: 'r',
          rows: [
            {
              big: 12345678901234567890n as unknown as number,
              small: 7n as unknown as number,
              list: [1, 2] as unknown as number,
              inf: Number.POSITIVE_INFINITY,
            },
          ],
          masked: [],
        },
      ],
      { ...bounds, cellChars: 30 },
    );
    expect(s?.rows[0]).toEqual({ big: '12345678901234567890', small: 7, list: [1, 2], inf: 'Infinity' });
    expect(() => JSON.stringify(s)).not.toThrow();
  });

  it('cuts long messages of results and sample errors', () => {
    const result = { rule: 'r', status: 'error', severity: 'error', message: 'x'.repeat(50) } as CheckResult;
    const [cut] = boundResults([result], bounds);
    expect(cut?.message).toHaveLength(20);
    expect(cut?.message.endsWith('…')).toBe(true);
    const [s] = boundSamples([{ rule: 'r', rows: [], masked: [], error: 'e'.repeat(50) }], bounds);
    expect(s?.error).toHaveLength(20);
  });
});
