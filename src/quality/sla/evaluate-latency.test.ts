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

const NOW = '2024-05-10T12:00:00.000Z';
const FOUR_HOURS = 4 * 3_600;

describe('latency (freshness)', () => {
  const sla = objective('latency', 4, 'h');

  it('is met within the limit and exactly at it, breached one second past it', () => {
    const at = (age: number) => evaluateSla(sla, { now: NOW, lastUpdatedAt: plus(NOW, -age) })[0];
    expect(at(3_600)).toMatchObject({
      objectiveId: 'latency',
      kind: 'latency',
      state: 'met',
      measured: { value: 3_600, unit: 'seconds' },
      limit: { value: FOUR_HOURS, unit: 'seconds' },
      at: NOW,
    });
    expect(at(FOUR_HOURS)?.state).toBe('met');
    const late = at(FOUR_HOURS + 1);
    expect(late?.state).toBe('breached');
    expect(late?.message).toBe(
      'last successful update 4 h ago, past the limit; data is promised at most 4 h old',
    );
  });

  it('normalizes units: 240 min, 14400 s and 0.5 d are read as the durations they are', () => {
    const obs = { now: NOW, lastUpdatedAt: plus(NOW, -FOUR_HOURS - 60) };
    expect(evaluateSla(objective('freshness', 240, 'min'), obs)[0]?.state).toBe('breached');
    expect(evaluateSla(objective('latency', 14_400, 's'), obs)[0]?.state).toBe('breached');
    expect(evaluateSla(objective('latency', 0.5, 'd'), obs)[0]?.state).toBe('met');
  });

  it('takes the latest of the last update and successful runs; failed runs are no update', () => {
    const runs = [
      { status: 'succeeded', startedAt: plus(NOW, -7_300), finishedAt: plus(NOW, -7_200) },
      { status: 'failed', startedAt: plus(NOW, -100), finishedAt: plus(NOW, -60) },
      { status: 'running', startedAt: plus(NOW, -30) },
    ];
    const [result] = evaluateSla(sla, { now: NOW, lastUpdatedAt: plus(NOW, -86_400), runs });
    expect(result?.measured?.value).toBe(7_200);
  });

  it('is unknown without any update, breached when the deploy is older than the limit', () => {
    expect(evaluateSla(sla, { now: NOW })[0]).toMatchObject({
      state: 'unknown',
      message: expect.stringContaining('no successful update on record'),
    });
    expect(evaluateSla(sla, { now: NOW, deployedAt: plus(NOW, -3_600) })[0]?.state).toBe('unknown');
    expect(evaluateSla(sla, { now: NOW, deployedAt: plus(NOW, -FOUR_HOURS - 1) })[0]).toMatchObject({
      state: 'breached',
      message: expect.stringContaining('no successful update since the deploy 4 h ago'),
    });
  });

  it('reads an unreadable update time as missing, and a time after now as age zero', () => {
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: 'yesterday' })[0]?.state).toBe('unknown');
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: '2024-05-10T11:00:00' })[0]?.state).toBe('unknown');
    expect(evaluateSla(sla, { now: NOW, lastUpdatedAt: plus(NOW, 5) })[0]?.measured?.value).toBe(0);
  });
});
