import { describe, expect, it } from 'vitest';
import type { SlaEvaluation } from './sla-evaluation.js';
import { combineTimelines, stateChange, timed, timelineFromSamples } from './state-timeline.js';

const T = (hour: number) => `2024-05-10T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe('state timelines', () => {
  it('sorts, drops unreadable entries and changes that change nothing', () => {
    const { states, skipped } = timed([
      { at: T(3), state: 'met' },
      { at: T(1), state: 'met' },
      { at: 'noon', state: 'breached' },
      { at: T(2), state: 'met' },
      { at: T(4), state: 'nonsense' as never },
      { at: T(5), state: 'breached' },
    ]);
    expect(states.map((s) => s.state)).toEqual(['met', 'breached']);
    expect(skipped).toBe(2);
  });

  it('records a change only when the state changes', () => {
    const evaluation = (state: SlaEvaluation['state']): SlaEvaluation => ({
      objectiveId: 'latency',
      kind: 'latency',
      state,
      message: '',
      at: T(1),
    });
    expect(stateChange(undefined, evaluation('met'))).toEqual({ at: T(1), state: 'met' });
    expect(stateChange('met', evaluation('met'))).toBeUndefined();
    expect(stateChange('met', evaluation('breached'))).toEqual({ at: T(1), state: 'breached' });
  });

  it('turns samples into a timeline, unknown after a sample goes stale', () => {
    const samples = [
      { at: T(1), state: 'met' as const },
      { at: T(2), state: 'met' as const },
      { at: T(6), state: 'breached' as const },
    ];
    expect(timelineFromSamples(samples)).toEqual([
      { at: T(1), state: 'met' },
      { at: T(6), state: 'breached' },
    ]);
    expect(timelineFromSamples(samples, { staleAfterSeconds: 3_600 })).toEqual([
      { at: T(1), state: 'met' },
      { at: T(3), state: 'unknown' },
      { at: T(6), state: 'breached' },
      { at: T(7), state: 'unknown' },
    ]);
    expect(() => timelineFromSamples(samples, { staleAfterSeconds: 0 })).toThrow(/must be positive/);
  });

  it('combines objectives: breached wins, then unknown, met only when all are met', () => {
    const latency = [
      { at: T(1), state: 'met' as const },
      { at: T(4), state: 'breached' as const },
      { at: T(5), state: 'met' as const },
    ];
    const retention = [
      { at: T(2), state: 'met' as const },
      { at: T(6), state: 'unknown' as const },
    ];
    expect(combineTimelines([latency, retention])).toEqual([
      // Retention has no state before 02:00: unknown.
      { at: T(1), state: 'unknown' },
      { at: T(2), state: 'met' },
      { at: T(4), state: 'breached' },
      { at: T(5), state: 'met' },
      { at: T(6), state: 'unknown' },
    ]);
    expect(combineTimelines([])).toEqual([]);
  });
});
