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
const THIRTY_DAYS = 30 * 86_400;

describe('retention', () => {
  const sla = objective('retention', 30, 'days');

  it('is met while the oldest row is within the retention, exactly at it included', () => {
    expect(evaluateSla(sla, { now: NOW, oldestRowAt: plus(NOW, -86_400) })[0]).toMatchObject({
      state: 'met',
      measured: { value: 86_400, unit: 'seconds' },
      limit: { value: THIRTY_DAYS, unit: 'seconds' },
    });
    expect(evaluateSla(sla, { now: NOW, oldestRowAt: plus(NOW, -THIRTY_DAYS) })[0]?.state).toBe('met');
  });

  it('is breached when rows older than the retention remain', () => {
    const [result] = evaluateSla(sla, { now: NOW, oldestRowAt: plus(NOW, -THIRTY_DAYS - 1) });
    expect(result?.state).toBe('breached');
    expect(result?.message).toBe(
      'the oldest row is 30 d old: rows past the retention of 30 d are due for deletion',
    );
  });

  it('allows the grace of the deletion job', () => {
    const obs = { now: NOW, oldestRowAt: plus(NOW, -THIRTY_DAYS - 3_600) };
    expect(evaluateSla(sla, obs, { retentionGraceSeconds: 3_600 })[0]).toMatchObject({
      state: 'met',
      limit: { value: THIRTY_DAYS + 3_600 },
    });
    expect(evaluateSla(sla, obs, { retentionGraceSeconds: 3_599 })[0]?.state).toBe('breached');
  });

  it('is met for an empty table, unknown when the oldest row is not known or unreadable', () => {
    expect(evaluateSla(sla, { now: NOW, oldestRowAt: null })[0]).toMatchObject({
      state: 'met',
      message: expect.stringContaining('empty'),
    });
    expect(evaluateSla(sla, { now: NOW })[0]).toMatchObject({
      state: 'unknown',
      message: expect.stringContaining('not known'),
    });
    expect(evaluateSla(sla, { now: NOW, oldestRowAt: 'long ago' })[0]?.state).toBe('unknown');
  });

  it('is always met when unlimited, and reads years as 365 days', () => {
    expect(
      evaluateSla(objective('retention', 'unlimited'), { now: NOW, oldestRowAt: '1970-01-01T00:00:00Z' })[0]
        ?.state,
    ).toBe('met');
    const year = objective('retention', 1, 'y');
    expect(evaluateSla(year, { now: NOW, oldestRowAt: plus(NOW, -365 * 86_400) })[0]?.state).toBe('met');
    expect(evaluateSla(year, { now: NOW, oldestRowAt: plus(NOW, -366 * 86_400) })[0]?.state).toBe('breached');
  });
});
