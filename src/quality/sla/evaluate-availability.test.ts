import { describe, expect, it } from 'vitest';
import { evaluateSla } from './evaluate-sla.js';
import { parseSla } from './parse-sla.js';
import type { SlaPropertyInput } from './sla-objective.js';
import type { AvailabilityProbe } from './sla-observations.js';

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
const DAY = 86_400;

/** A probe every 10 minutes over the last `hours` hours, down for the ones `down` says. */
function probes(hours: number, down: (i: number) => boolean): AvailabilityProbe[] {
  const count = hours * 6;
  return Array.from({ length: count }, (_, i) => ({ at: plus(NOW, -(count - i) * 600), up: !down(i) }));
}

describe('availability', () => {
  const sla = objective('availability', 99, '%');
  const options = { availabilityWindowSeconds: DAY };

  it('is the time-weighted share of up probes over the window, exactly at the promise met', () => {
    // 144 probes over a day, the first one down: 10 of 1440 minutes.
    const oneDown = probes(24, (i) => i === 0);
    const [result] = evaluateSla(sla, { now: NOW, probes: oneDown }, options);
    expect(result?.state).toBe('met');
    expect(result?.measured?.value).toBeCloseTo((143 / 144) * 100, 10);
    expect(result?.limit).toEqual({ value: 99, unit: 'percent' });
  });

  it('is breached below the promise', () => {
    const twoDown = probes(24, (i) => i < 2);
    const [result] = evaluateSla(sla, { now: NOW, probes: twoDown }, options);
    expect(result?.measured?.value).toBeCloseTo((142 / 144) * 100, 10);
    expect(result?.state).toBe('breached');
  });

  it('is met at exactly the promised share', () => {
    // 100 probes a minute apart, one down: exactly 99%.
    const list = Array.from({ length: 100 }, (_, i) => ({ at: plus(NOW, -(100 - i) * 60), up: i !== 50 }));
    const [result] = evaluateSla(sla, { now: NOW, probes: list }, { ...options, probeStaleAfterSeconds: 60 });
    expect(result?.measured?.value).toBeCloseTo(99, 10);
    expect(result?.state).toBe('met');
  });

  it('leaves out time no probe covers instead of counting it up', () => {
    const list = [
      { at: plus(NOW, -7_200), up: true },
      { at: plus(NOW, -3_600), up: false },
    ];
    // Each result stands 10 minutes: 10 min up, 10 min down, the rest unknown.
    const [result] = evaluateSla(
      sla,
      { now: NOW, probes: list },
      { ...options, probeStaleAfterSeconds: 600 },
    );
    expect(result?.measured?.value).toBe(50);
    expect(result?.message).toBe('50% available, promised 99%; probes cover 20 min over the last 1 d');
  });

  it('is unknown without probes in the window, and ignores unreadable ones', () => {
    expect(evaluateSla(sla, { now: NOW }, options)[0]?.state).toBe('unknown');
    const old = [{ at: plus(NOW, -3 * DAY), up: false }];
    expect(evaluateSla(sla, { now: NOW, probes: old }, options)[0]?.state).toBe('unknown');
    const bad = [
      { at: 'now-ish', up: false },
      { at: plus(NOW, -60), up: true },
    ];
    expect(evaluateSla(sla, { now: NOW, probes: bad }, options)[0]).toMatchObject({
      state: 'met',
      measured: { value: 100 },
    });
  });
});
