import { describe, expect, it } from 'vitest';
import { evaluateSla } from './evaluate-sla.js';
import { parseSla } from './parse-sla.js';
import type { SlaPropertyInput } from './sla-objective.js';

/** The one objective an SLA entry reads as; throws when it is not evaluated, so the test fails loudly. */
function objective(property: string, value: unknown, unit?: string, extra: Partial<SlaPropertyInput> = {}) {
  const sla = parseSla([
    { property, value, ...(unit === undefined ? {} : { unit }), path: ['slaProperties', 0], ...extra },
  ]);
  if (sla.objectives.length !== 1) throw new Error(`not one objective: ${JSON.stringify(sla.notEvaluated)}`);
  return sla;
}

describe('time of availability', () => {
  // 06:00 UTC each day: today's data must land between 00:00 and 06:00.
  const sla = objective('timeOfAvailability', '06:00');
  const NOW = '2024-05-10T12:00:00.000Z';
  const DUE = '2024-05-10T06:00:00.000Z';

  it('is met by an update before the deadline, exactly at it included', () => {
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: '2024-05-10T05:30:00Z' })[0]).toMatchObject({
      state: 'met',
      due: DUE,
      measured: { value: -1_800, unit: 'seconds' },
      message:
        'data arrived at 2024-05-10T05:30:00.000Z, 30 min before the deadline 2024-05-10T06:00:00.000Z',
    });
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: DUE })[0]?.state).toBe('met');
  });

  it('judges the latest deadline: before 06:00 it is still yesterday', () => {
    const early = { now: '2024-05-10T05:00:00Z', lastUpdatedAt: '2024-05-09T04:00:00Z' };
    expect(evaluateSla(sla, early)[0]).toMatchObject({ state: 'met', due: '2024-05-09T06:00:00.000Z' });
  });

  it('is breached when nothing arrived since the day began', () => {
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: '2024-05-09T23:59:59Z' })[0]).toMatchObject({
      state: 'breached',
      due: DUE,
    });
  });

  it('calls a late arrival late only when the run history covers the day', () => {
    const late = { now: NOW, lastUpdatedAt: '2024-05-10T07:10:00Z' };
    expect(evaluateSla(sla, late)[0]).toMatchObject({
      state: 'unknown',
      message: expect.stringContaining('run history from 2024-05-10T00:00:00.000Z is needed'),
    });
    const runs = [
      { status: 'succeeded', startedAt: '2024-05-09T23:00:00Z', finishedAt: '2024-05-09T23:10:00Z' },
      { status: 'failed', startedAt: '2024-05-10T05:00:00Z', finishedAt: '2024-05-10T05:20:00Z' },
      { status: 'succeeded', startedAt: '2024-05-10T07:00:00Z', finishedAt: '2024-05-10T07:10:00Z' },
    ];
    expect(evaluateSla(sla, { ...late, runs })[0]).toMatchObject({
      state: 'breached',
      measured: { value: 4_200, unit: 'seconds' },
      message:
        'data arrived at 2024-05-10T07:10:00.000Z, 1 h 10 min after the deadline 2024-05-10T06:00:00.000Z',
    });
    // The same history with a run in time: met, whatever came later.
    const inTime = [
      ...runs,
      { status: 'succeeded', startedAt: '2024-05-10T05:30:00Z', finishedAt: '2024-05-10T05:50:00Z' },
    ];
    expect(evaluateSla(sla, { ...late, runs: inTime })[0]?.state).toBe('met');
  });

  it("reads the zone: the standard's 09:00-08:00 is due at 17:00 UTC", () => {
    const pacific = objective('timeOfAvailability', '09:00-08:00');
    const obs = { now: '2024-05-10T18:00:00Z', lastUpdatedAt: '2024-05-10T16:59:00Z' };
    expect(evaluateSla(pacific, obs)[0]).toMatchObject({ state: 'met', due: '2024-05-10T17:00:00.000Z' });
    // The day at UTC-08:00 starts at 08:00 UTC: an update at 07:59 UTC belongs to the day before.
    expect(evaluateSla(pacific, { ...obs, lastUpdatedAt: '2024-05-10T07:59:00Z' })[0]?.state).toBe(
      'breached',
    );
  });

  it('follows daylight saving in an IANA zone', () => {
    const paris = objective('timeOfAvailability', '06:00 Europe/Paris');
    // Summer time: 06:00 in Paris is 04:00 UTC.
    const summer = { now: '2024-07-01T04:30:00Z', lastUpdatedAt: '2024-07-01T03:59:00Z' };
    expect(evaluateSla(paris, summer)[0]).toMatchObject({ state: 'met', due: '2024-07-01T04:00:00.000Z' });
    const winter = { now: '2024-01-15T05:30:00Z', lastUpdatedAt: '2024-01-15T04:59:00Z' };
    expect(evaluateSla(paris, winter)[0]).toMatchObject({ state: 'met', due: '2024-01-15T05:00:00.000Z' });
  });

  it('a 00:00 deadline is met by an update during the previous day', () => {
    const midnight = objective('timeOfAvailability', '00:00');
    expect(evaluateSla(midnight, { now: NOW, lastUpdatedAt: '2024-05-09T18:00:00Z' })[0]).toMatchObject({
      state: 'met',
      due: '2024-05-10T00:00:00.000Z',
    });
  });

  it('is unknown without evidence, breached when deployed before the day and never updated', () => {
    expect(evaluateSla(sla, { now: NOW })[0]?.state).toBe('unknown');
    expect(evaluateSla(sla, { now: NOW, deployedAt: '2024-05-10T03:00:00Z' })[0]).toMatchObject({
      state: 'unknown',
      message: expect.stringContaining('during the day of the deadline'),
    });
    expect(evaluateSla(sla, { now: NOW, deployedAt: '2024-05-01T00:00:00Z' })[0]?.state).toBe('breached');
  });
});
