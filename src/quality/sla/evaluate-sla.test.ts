import { describe, expect, it } from 'vitest';
import { evaluateSla, overallState } from './evaluate-sla.js';
import { parseSla } from './parse-sla.js';

const sla = parseSla([
  { property: 'latency', value: 1, unit: 'h', path: ['slaProperties', 0] },
  { property: 'retention', value: 7, unit: 'd', path: ['slaProperties', 1] },
  { property: 'throughput', value: 5, path: ['slaProperties', 2] },
  { property: 'availability', value: 99.9, path: ['slaProperties', 3] },
]);
const NOW = '2024-05-10T12:00:00Z';

describe('evaluateSla', () => {
  it('evaluates every objective in order, each from its own evidence', () => {
    const results = evaluateSla(sla, {
      now: NOW,
      lastUpdatedAt: '2024-05-10T11:30:00Z',
      oldestRowAt: '2024-05-01T00:00:00Z',
    });
    expect(results.map((r) => [r.objectiveId, r.state])).toEqual([
      ['latency', 'met'],
      ['retention', 'breached'],
      ['availability', 'unknown'],
    ]);
    expect(results.every((r) => r.at === NOW)).toBe(true);
  });

  it('answers unknown for every objective when now is not an instant', () => {
    const results = evaluateSla(sla, { now: 'tuesday', lastUpdatedAt: NOW });
    expect(results.map((r) => r.state)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(results[0]?.message).toBe("the evaluation time 'tuesday' is not an ISO instant with a zone");
  });

  it('falls back to the default for an out-of-range option', () => {
    const obs = { now: NOW, oldestRowAt: '2024-05-03T11:00:00Z' };
    const [, retention] = evaluateSla(sla, obs, { retentionGraceSeconds: -5 });
    expect(retention?.state).toBe('breached');
    const [, graced] = evaluateSla(sla, obs, { retentionGraceSeconds: 3_600 });
    expect(graced?.state).toBe('met');
  });
});

describe('overallState', () => {
  it('is breached if any is, else unknown if any is, else met; unknown when empty', () => {
    expect(overallState([{ state: 'met' }, { state: 'breached' }, { state: 'unknown' }])).toBe('breached');
    expect(overallState([{ state: 'met' }, { state: 'unknown' }])).toBe('unknown');
    expect(overallState([{ state: 'met' }, { state: 'met' }])).toBe('met');
    expect(overallState([])).toBe('unknown');
  });
});
