import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  type ConditionKey,
  conditionObserved,
  type Incident,
  type IncidentEvent,
  type IncidentStep,
  resolve,
} from './incident.js';
import { reduceIncidents } from './incident-reducer.js';

const KEY: ConditionKey = { product: 'sales.orders', monitor: 'freshness', subject: 'orders' };
const T = (minute: number) => `2024-05-10T12:${String(minute).padStart(2, '0')}:00.000Z`;
const failing = (minute: number, message = 'data is 5 h old') =>
  conditionObserved(KEY, true, { message, facts: { ageSeconds: 18_000 } }, T(minute));
const clear = (minute: number) => conditionObserved(KEY, false, { message: 'data is 2 min old' }, T(minute));

/** Applies events in turn; returns every step. */
function run(events: IncidentEvent[], start: readonly Incident[] = []): IncidentStep[] {
  const steps: IncidentStep[] = [];
  let incidents = start;
  for (const event of events) {
    const step = reduceIncidents(incidents, event);
    steps.push(step);
    incidents = step.incidents;
  }
  return steps;
}
const effects = (steps: IncidentStep[]) => steps.map((s) => s.effects.map((e) => e.kind));
const last = (steps: IncidentStep[]) => steps.at(-1)?.incidents ?? [];

describe('reduceIncidents', () => {
  it('opens an incident on the first failing observation, with an alert', () => {
    const [step] = run([failing(0)]);
    expect(step?.effects).toHaveLength(1);
    expect(step?.incidents).toEqual([
      {
        id: expect.stringMatching(/^inc-20240510T120000Z-[0-9a-f]{8}$/),
        key: KEY,
        state: 'open',
        details: { message: 'data is 5 h old', facts: { ageSeconds: 18_000 } },
        openedAt: T(0),
        lastFailingAt: T(0),
        occurrences: 1,
        history: [{ action: 'opened', actor: 'system', at: T(0) }],
      },
    ]);
    // The id follows from key and time: replaying the events gives the same one.
    expect(run([failing(0)])[0]?.incidents[0]?.id).toBe(step?.incidents[0]?.id);
  });

  it('deduplicates while open: later failing observations send nothing', () => {
    const steps = run([failing(0), failing(5, 'data is 6 h old'), failing(10, 'data is 7 h old')]);
    expect(effects(steps)).toEqual([['opened'], [], []]);
    expect(last(steps)).toHaveLength(1);
    expect(last(steps)[0]).toMatchObject({
      occurrences: 3,
      lastFailingAt: T(10),
      details: { message: 'data is 7 h old' },
      openedAt: T(0),
    });
  });

  it('resolves by itself when the condition clears, as system', () => {
    const steps = run([failing(0), clear(15)]);
    expect(effects(steps)).toEqual([['opened'], ['resolved']]);
    expect(last(steps)[0]).toMatchObject({
      state: 'resolved',
      resolvedBy: 'system',
      resolvedAt: T(15),
      resolution: { message: 'data is 2 min old' },
    });
  });

  it('a clearing observation without an incident changes nothing', () => {
    const [step] = run([clear(0)]);
    expect(step).toEqual({ incidents: [], effects: [] });
  });

  it('acknowledged then cleared: resolved by system, with who acknowledged', () => {
    const opened = run([failing(0)]);
    const id = last(opened)[0]?.id ?? '';
    const steps = run([acknowledge(id, 'ana', T(2)), failing(4), clear(20)], last(opened));
    expect(effects(steps)).toEqual([[], [], ['resolved']]);
    expect(last(steps)[0]).toMatchObject({
      state: 'resolved',
      acknowledgedBy: 'ana',
      acknowledgedAt: T(2),
      resolvedBy: 'system',
      occurrences: 2,
      history: [
        { action: 'opened', actor: 'system', at: T(0) },
        { action: 'acknowledged', actor: 'ana', at: T(2) },
        { action: 'resolved', actor: 'system', at: T(20) },
      ],
    });
  });

  it('reopens as a new incident after resolution', () => {
    const steps = run([failing(0), clear(10), failing(20)]);
    expect(effects(steps)).toEqual([['opened'], ['resolved'], ['opened']]);
    const incidents = last(steps);
    expect(incidents.map((i) => i.state)).toEqual(['resolved', 'open']);
    expect(incidents[1]?.id).not.toBe(incidents[0]?.id);
    expect(incidents[1]?.openedAt).toBe(T(20));
  });

  it('a person resolves; a still-failing condition then opens a new incident', () => {
    const opened = run([failing(0)]);
    const id = last(opened)[0]?.id ?? '';
    const steps = run([resolve(id, 'bo', T(5)), failing(6)], last(opened));
    expect(effects(steps)).toEqual([['resolved'], ['opened']]);
    expect(last(steps).map((i) => [i.state, i.resolvedBy])).toEqual([
      ['resolved', 'bo'],
      ['open', undefined],
    ]);
  });

  it('keeps one active incident per key; other keys are independent', () => {
    const other = conditionObserved({ ...KEY, monitor: 'volume' }, true, { message: 'fewer rows' }, T(1));
    const steps = run([failing(0), other, failing(2)]);
    expect(effects(steps)).toEqual([['opened'], ['opened'], []]);
    expect(last(steps).map((i) => i.key.monitor)).toEqual(['freshness', 'volume']);
  });

  it('gives distinct ids to incidents of one key opened at one instant', () => {
    const steps = run([failing(0), clear(0), failing(0)]);
    const [a, b] = last(steps);
    expect(b?.id).toBe(`${a?.id}-2`);
  });

  it('ignores observations older than what an incident already reflects', () => {
    const steps = run([failing(10), clear(5), failing(3)]);
    expect(effects(steps)).toEqual([['opened'], [], []]);
    expect(steps[1]?.ignored).toMatch(/older than inc-.* last failing observation/);
    const resolved = run([failing(0), clear(10), failing(9)]);
    expect(effects(resolved)).toEqual([['opened'], ['resolved'], []]);
    expect(resolved[2]?.ignored).toBe('older than the last resolution of sales.orders/freshness/orders');
  });

  it('acknowledging twice changes nothing the second time', () => {
    const opened = run([failing(0)]);
    const id = last(opened)[0]?.id ?? '';
    const steps = run([acknowledge(id, 'ana', T(1)), acknowledge(id, 'bo', T(2))], last(opened));
    expect(steps[1]?.incidents).toBe(steps[0]?.incidents);
    expect(steps[1]?.ignored).toBe(`already acknowledged by ana at ${T(1)}`);
  });

  it('rejects acting on unknown or resolved incidents, and invalid events, changing nothing', () => {
    const done = last(run([failing(0), clear(1)]));
    const id = done[0]?.id ?? '';
    const rejected = (event: IncidentEvent) => {
      const step = reduceIncidents(done, event);
      expect(step.incidents).toBe(done);
      expect(step.effects).toEqual([]);
      return step.rejected;
    };
    expect(rejected(acknowledge('inc-none', 'ana', T(2)))).toEqual({
      code: 'NOT_FOUND',
      message: 'no incident inc-none',
    });
    expect(rejected(resolve(id, 'ana', T(2)))).toEqual({
      code: 'CONFLICT',
      message: `incident ${id} was resolved by system at ${T(1)}`,
    });
    expect(rejected(acknowledge(id, 'ana', T(2)))?.code).toBe('CONFLICT');
    expect(rejected(acknowledge(id, '', T(2)))).toEqual({
      code: 'INVALID_INPUT',
      message: 'actor must be a non-empty string',
    });
    expect(rejected(acknowledge(id, 'x'.repeat(201), T(2)))?.message).toBe(
      'actor must be at most 200 characters',
    );
    expect(rejected(resolve(id, 'ana', 'later'))?.message).toMatch(/'at' must be an ISO 8601 instant/);
    expect(rejected(conditionObserved({ ...KEY, product: ' ' }, true, undefined, T(3)))?.message).toBe(
      'key.product must be a non-empty string',
    );
    expect(rejected({ type: 'condition.observed', key: KEY, failing: 'yes' as never, at: T(3) })?.code).toBe(
      'INVALID_INPUT',
    );
    expect(rejected({ type: 'snooze' } as never)?.message).toBe('unknown incident event "snooze"');
  });

  it('bounds details and fills in a message when none is given', () => {
    const long = 'x'.repeat(5_000);
    const facts = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, i]));
    const [step] = run([conditionObserved(KEY, true, { message: long, facts }, T(0))]);
    const details = step?.incidents[0]?.details;
    expect(details?.message).toHaveLength(2_000);
    expect(Object.keys(details?.facts ?? {})).toHaveLength(20);
    const [plain] = run([conditionObserved(KEY, true, undefined, T(0))]);
    expect(plain?.incidents[0]?.details).toEqual({ message: 'freshness failing on orders' });
  });
});
