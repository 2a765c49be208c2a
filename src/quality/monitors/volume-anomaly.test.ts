import { describe, expect, it } from 'vitest';
import { type VolumePoint, volumeAnomaly } from './volume-anomaly.js';

const NOW = '2024-05-15T06:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
/** One count a day for the `n` days before NOW, oldest first. */
const daily = (n: number, rows: (daysAgo: number) => number): VolumePoint[] =>
  Array.from({ length: n }, (_, i) => ({ at: daysAgo(n - i), rows: rows(n - i) }));
const judge = (rows: number, history: VolumePoint[], options = {}) =>
  volumeAnomaly({ at: NOW, rows }, history, options);

describe('volumeAnomaly', () => {
  it('needs a minimum history', () => {
    expect(
      judge(
        1_000,
        daily(6, () => 1_000),
      ),
    ).toEqual({
      status: 'not-enough-history',
      history: 6,
      needed: 7,
      message: 'not enough history: 6 earlier counts, 7 needed',
    });
    expect(
      judge(
        1_000,
        daily(3, () => 1_000),
        { minHistory: 3 },
      ).status,
    ).toBe('normal');
  });

  it('on a flat history, allows the tolerance and flags anything past it, bounds included', () => {
    const flat = daily(14, () => 1_000);
    expect(judge(1_000, flat)).toMatchObject({
      status: 'normal',
      expected: { low: 950, high: 1_050, center: 1_000 },
      slopePerDay: 0,
      history: 14,
    });
    expect(judge(1_050, flat).status).toBe('normal');
    expect(judge(950, flat).status).toBe('normal');
    expect(judge(1_051, flat)).toMatchObject({ status: 'anomalous', direction: 'above' });
    expect(judge(949, flat)).toMatchObject({
      status: 'anomalous',
      direction: 'below',
      message: '949 rows, fewer than usual: expected 950 to 1,050 from 14 earlier counts',
    });
    expect(judge(0, flat).status).toBe('anomalous');
  });

  it('on a noisy flat history, the band follows the spread', () => {
    const noise = [0, 40, -40, 20, -20, 60, -60, 10, -10, 30, -30, 50, -50, 0];
    const history = daily(14, (d) => 10_000 + (noise[d - 1] ?? 0));
    const verdict = judge(10_000, history);
    expect(verdict.status).toBe('normal');
    if (verdict.status === 'not-enough-history') throw new Error('unreachable');
    // The spread (3.5 robust sigmas, about 160 rows) is below 5% of 10,000: the tolerance rules.
    expect(Math.abs(verdict.expected.center - 10_000)).toBeLessThan(20);
    expect(verdict.expected.high - verdict.expected.center).toBeCloseTo(0.05 * verdict.expected.center, 6);
    const tight = judge(10_200, history, { relativeTolerance: 0 });
    expect(tight).toMatchObject({ status: 'anomalous', direction: 'above' });
    if (tight.status === 'anomalous') expect(tight.score).toBeGreaterThan(3.5);
  });

  it('on a trending history, expects the trend and flags a break from it', () => {
    // A table growing by 1,000 rows a day: 100,000 rows 14 days ago.
    const growing = daily(14, (d) => 114_000 - 1_000 * d);
    const onTrend = judge(114_000, growing);
    expect(onTrend).toMatchObject({ status: 'normal', slopePerDay: 1_000 });
    if (onTrend.status !== 'not-enough-history') expect(onTrend.expected.center).toBe(114_000);
    expect(judge(100_000, growing)).toMatchObject({ status: 'anomalous', direction: 'below' });
    // A stall at the history's median level breaks the trend; without the trend it is the expected level.
    expect(judge(106_500, growing)).toMatchObject({ status: 'anomalous', direction: 'below' });
    const level = judge(106_500, growing, { trend: false });
    expect(level).toMatchObject({ status: 'normal', slopePerDay: 0, expected: { center: 106_500 } });
  });

  it('on a spiky history, past spikes do not widen the band', () => {
    const spiky = daily(14, (d) => (d === 3 || d === 9 ? 10_000 : 1_000 + (d % 2) * 10));
    expect(judge(1_005, spiky).status).toBe('normal');
    expect(judge(10_000, spiky)).toMatchObject({ status: 'anomalous', direction: 'above' });
  });

  it('uses only the most recent history and leaves out unusable points', () => {
    const old = daily(60, () => 5_000).slice(0, 30);
    const recent = daily(10, () => 1_000);
    expect(judge(1_000, [...old, ...recent], { maxHistory: 10 }).status).toBe('normal');
    const junk: VolumePoint[] = [
      { at: 'yesterday', rows: 1_000 },
      { at: daysAgo(1), rows: -5 },
      { at: daysAgo(2), rows: Number.NaN },
      { at: NOW, rows: 1_000 },
      { at: daysAgo(-1), rows: 1_000 },
    ];
    expect(judge(1_000, [...daily(6, () => 1_000), ...junk])).toMatchObject({
      status: 'not-enough-history',
      history: 6,
    });
  });

  it('refuses an unreadable observation', () => {
    expect(() => volumeAnomaly({ at: NOW, rows: -1 }, [])).toThrow(/row count >= 0/);
    expect(() => volumeAnomaly({ at: 'now', rows: 1 }, [])).toThrow(/needs an instant/);
  });
});
