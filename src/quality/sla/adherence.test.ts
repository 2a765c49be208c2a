import { describe, expect, it } from 'vitest';
import { adherence, adherenceWindows } from './adherence.js';
import { combineTimelines, type StateChange } from './state-timeline.js';

const HOUR = 3_600;
const DAY = 86_400;

describe('adherence', () => {
  const changes: StateChange[] = [
    { at: '2024-05-10T00:00:00Z', state: 'met' },
    { at: '2024-05-10T06:00:00Z', state: 'breached' },
    { at: '2024-05-10T08:00:00Z', state: 'unknown' },
    { at: '2024-05-10T09:00:00Z', state: 'met' },
  ];

  it('splits the window by state; unknown is reported apart and not counted as met', () => {
    const day = adherence(changes, { from: '2024-05-10T00:00:00Z', to: '2024-05-11T00:00:00Z' });
    expect(day).toEqual({
      from: '2024-05-10T00:00:00.000Z',
      to: '2024-05-11T00:00:00.000Z',
      metSeconds: 21 * HOUR,
      breachedSeconds: 2 * HOUR,
      unknownSeconds: HOUR,
      adherence: 21 / 23,
      coverage: 23 / 24,
      skipped: 0,
    });
  });

  it('takes the state in force at the window start from the last change before it', () => {
    const result = adherence(changes, { from: '2024-05-10T07:00:00Z', to: '2024-05-10T10:00:00Z' });
    expect([result.metSeconds, result.breachedSeconds, result.unknownSeconds]).toEqual([HOUR, HOUR, HOUR]);
    expect(result.adherence).toBe(0.5);
  });

  it('counts time before the first change as unknown, and has no share when nothing is known', () => {
    const before = adherence(changes, { from: '2024-05-09T00:00:00Z', to: '2024-05-10T00:00:00Z' });
    expect(before.unknownSeconds).toBe(DAY);
    expect(before.adherence).toBeUndefined();
    expect(before.coverage).toBe(0);
    expect(
      adherence([], { from: '2024-05-09T00:00:00Z', to: '2024-05-10T00:00:00Z' }).adherence,
    ).toBeUndefined();
  });

  it('refuses a window that is not two ordered instants', () => {
    expect(() => adherence(changes, { from: '2024-05-10T00:00:00Z', to: '2024-05-10T00:00:00Z' })).toThrow(
      /from before to/,
    );
    expect(() => adherence(changes, { from: 'yesterday', to: '2024-05-10T00:00:00Z' })).toThrow(
      /ISO instants/,
    );
  });

  it('reports the last day, week and 30 days before now', () => {
    // Met since April, but for one 12-hour breach three days before now.
    const history: StateChange[] = [
      { at: '2024-04-01T00:00:00Z', state: 'met' },
      { at: '2024-05-07T00:00:00Z', state: 'breached' },
      { at: '2024-05-07T12:00:00Z', state: 'met' },
    ];
    const windows = adherenceWindows(history, '2024-05-10T00:00:00Z');
    expect(windows.day.adherence).toBe(1);
    expect(windows.week.adherence).toBeCloseTo(1 - 12 / (7 * 24), 12);
    expect(windows.days30.adherence).toBeCloseTo(1 - 12 / (30 * 24), 12);
    expect(windows.days30.coverage).toBe(1);
    expect(windows.week.from).toBe('2024-05-03T00:00:00.000Z');
    expect(() => adherenceWindows(history, 'now')).toThrow(/now must be an ISO instant/);
  });

  it('gives a product adherence from its combined objectives', () => {
    const latency: StateChange[] = [{ at: '2024-05-09T00:00:00Z', state: 'met' }];
    const retention: StateChange[] = [
      { at: '2024-05-09T00:00:00Z', state: 'met' },
      { at: '2024-05-09T18:00:00Z', state: 'breached' },
    ];
    const product = combineTimelines([latency, retention]);
    const day = adherence(product, { from: '2024-05-09T00:00:00Z', to: '2024-05-10T00:00:00Z' });
    expect(day.adherence).toBe(0.75);
  });
});
