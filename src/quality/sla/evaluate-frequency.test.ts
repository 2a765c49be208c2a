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

/** `base` moved by a number of seconds, as ISO text. */
const plus = (base: string, seconds: number): string =>
  new Date(Date.parse(base) + seconds * 1000).toISOString();

describe('frequency as an interval', () => {
  const sla = objective('frequency', 1, 'd');
  const NOW = '2024-05-10T12:00:00.000Z';

  it('is met while the last update is at most one interval old, exactly at it included', () => {
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: plus(NOW, -86_400) })[0]).toMatchObject({
      state: 'met',
      message: 'last successful update 1 d ago; updates are promised every 1 d',
    });
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: plus(NOW, -86_401) })[0]?.state).toBe('breached');
    expect(evaluateSla(sla, { now: NOW })[0]?.state).toBe('unknown');
  });
});

describe('frequency as a cron', () => {
  // Daily at 06:00 UTC: the run of one day must have landed by the next day's firing.
  const sla = objective('frequency', 1, undefined, { scheduler: 'cron', schedule: '0 6 * * *' });
  const NOW = '2024-05-10T12:00:00.000Z';
  const TODAY = '2024-05-10T06:00:00.000Z';
  const YESTERDAY = '2024-05-09T06:00:00.000Z';

  it('is met by an update after the previous firing, exactly at it included', () => {
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: '2024-05-09T06:20:00Z' })[0]).toMatchObject({
      state: 'met',
      due: TODAY,
      measured: { value: 29 * 3_600 + 40 * 60, unit: 'seconds' },
    });
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: YESTERDAY })[0]?.state).toBe('met');
  });

  it('is breached when no update followed the previous firing', () => {
    const [result] = evaluateSla(sla, { now: NOW, lastUpdatedAt: plus(YESTERDAY, -1) });
    expect(result?.state).toBe('breached');
    expect(result?.message).toBe(
      "no successful update after the firing at 2024-05-09T06:00:00.000Z of '0 6 * * *' (UTC), due by 2024-05-10T06:00:00.000Z; the last was at 2024-05-09T05:59:59.000Z",
    );
  });

  it('with a grace, requires the latest firing once the grace has passed', () => {
    const obs = { now: NOW, lastUpdatedAt: '2024-05-09T07:00:00Z' };
    expect(evaluateSla(sla, obs, { frequencyGraceSeconds: 6 * 3_600 })[0]).toMatchObject({
      state: 'breached',
      due: NOW,
    });
    expect(evaluateSla(sla, obs, { frequencyGraceSeconds: 6 * 3_600 + 1 })[0]).toMatchObject({
      state: 'met',
      due: TODAY,
    });
  });

  it('is unknown when nothing is due yet or nothing is on record', () => {
    expect(evaluateSla(sla, { now: NOW, deployedAt: '2024-05-09T08:00:00Z' })[0]).toMatchObject({
      state: 'unknown',
      message: expect.stringContaining('no update is due yet'),
    });
    expect(evaluateSla(sla, { now: NOW })[0]?.state).toBe('unknown');
    expect(evaluateSla(sla, { now: NOW, deployedAt: '2024-05-01T00:00:00Z' })[0]).toMatchObject({
      state: 'breached',
      message: expect.stringContaining('none since the deploy'),
    });
  });
});
