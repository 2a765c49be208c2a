import { describe, expect, it } from 'vitest';
import { evaluateSla, parseSla } from '../../quality/sla/index.js';
import type { SlaStateChangeRecord } from '../../store/index.js';
import type { PlannedPort } from './port-plan.js';
import { slaReport } from './sla-report.js';

const NOW = '2026-05-31T00:00:00.000Z';
const H = 3_600_000;
const ago = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();

function port(properties: { property: string; value: unknown; unit?: string }[]): PlannedPort {
  const sla = parseSla(properties.map((p, i) => ({ ...p, path: ['slaProperties', i] })));
  return { key: 'orders', portName: 'orders', version: '1.0.0', output: {} as PlannedPort['output'], sla };
}

function change(objectiveId: string, state: SlaStateChangeRecord['state'], at: string): SlaStateChangeRecord {
  return { id: at, productId: 'p', port: 'orders', objectiveId, kind: 'latency', state, at, message: '' };
}

describe('slaReport', () => {
  const planned = port([
    { property: 'latency', value: 1, unit: 'h' },
    { property: 'retention', value: 'unlimited' },
    { property: 'throughput', value: 3 },
  ]);
  const evaluations = evaluateSla(planned.sla, {
    now: NOW,
    lastUpdatedAt: ago(2 * H),
    oldestRowAt: ago(400 * 24 * H),
  });

  it('reports each objective now, since when, and adherence per window and for the product', () => {
    const changes = [
      change('latency', 'met', ago(10 * 24 * H)),
      change('latency', 'breached', ago(6 * H)),
      change('retention', 'met', ago(10 * 24 * H)),
    ];
    const report = slaReport('p', NOW, [{ port: planned, evaluations }], changes);
    expect(report.state).toBe('breached');
    const [latency, retention] = report.ports[0]?.objectives ?? [];
    expect(latency).toMatchObject({ id: 'latency', state: 'breached', since: ago(6 * H) });
    expect(latency?.adherence.day).toMatchObject({
      metSeconds: 18 * 3600,
      breachedSeconds: 6 * 3600,
      adherence: 0.75,
      coverage: 1,
    });
    expect(latency?.adherence.days30.coverage).toBeCloseTo(10 / 30);
    // An unlimited retention has no finite limit: it is left out rather than written as null.
    expect(retention).toMatchObject({ state: 'met' });
    expect(retention).not.toHaveProperty('limit');
    // The product is breached while any objective is.
    expect(report.adherence.day).toMatchObject({ adherence: 0.75 });
    expect(report.ports[0]?.notEvaluated).toEqual([
      { property: 'throughput', reason: 'throughput: Meshplane does not measure throughput yet' },
    ]);
  });

  it('has no adherence figure for time nobody watched', () => {
    const report = slaReport('p', NOW, [{ port: planned, evaluations }], []);
    expect(report.adherence.week).toMatchObject({ coverage: 0 });
    expect(report.adherence.week).not.toHaveProperty('adherence');
    expect(report.ports[0]?.objectives[0]).not.toHaveProperty('since');
  });
});
