import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateSla, parseSla } from '../../src/quality/sla/index.js';
import type { PlannedPort } from '../../src/server/monitoring/port-plan.js';
import { slaReport } from '../../src/server/monitoring/sla-report.js';
import { type ControlStore, createControlStore, type SlaStateChangeInput } from '../../src/store/index.js';

/**
 * Adherence over the last day, week and 30 days from recorded state changes: the store returns a
 * window's changes with the state in force when it opens, and the report turns them into shares
 * of known time, unknown time apart.
 */
const H = 3_600_000;
const D = 24 * H;

describe('adherence windows from recorded SLA states', () => {
  let dir = '';
  let store: ControlStore;
  const now = new Date(Math.floor(Date.now() / H) * H);
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const change = (
    objectiveId: string,
    state: SlaStateChangeInput['state'],
    at: string,
  ): SlaStateChangeInput => ({
    productId: 'sales.orders',
    port: 'orders',
    objectiveId,
    kind: objectiveId,
    state,
    at,
    message: state,
  });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'meshplane-adherence-'));
    store = await createControlStore({ workspaceDir: dir });
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports each window per objective and for the product', async () => {
    await store.recordSlaStateChanges([
      // Met since 40 days ago: the window of 30 days opens met.
      change('latency', 'met', ago(40 * D)),
      // Breached for 3 hours 2 days ago, then unknown for a day (the monitor was down), then met.
      change('latency', 'breached', ago(2 * D)),
      change('latency', 'met', ago(2 * D - 3 * H)),
      change('latency', 'unknown', ago(36 * H)),
      change('latency', 'met', ago(12 * H)),
      // Frequency: breached for the last 6 hours only.
      change('frequency', 'met', ago(20 * D)),
      change('frequency', 'breached', ago(6 * H)),
    ]);
    const changes = await store.listSlaStateChanges({ productId: 'sales.orders', since: ago(30 * D) });
    expect(changes[0]).toMatchObject({ objectiveId: 'latency', state: 'met', at: ago(40 * D) });

    const sla = parseSla([
      { property: 'latency', value: 1, unit: 'd', path: ['slaProperties', 0] },
      { property: 'frequency', value: 1, unit: 'd', path: ['slaProperties', 1] },
    ]);
    const port: PlannedPort = {
      key: 'orders',
      portName: 'orders',
      version: '1.0.0',
      output: {} as PlannedPort['output'],
      sla,
    };
    const evaluations = evaluateSla(sla, { now: now.toISOString(), lastUpdatedAt: ago(H) });
    const report = slaReport('sales.orders', now.toISOString(), [{ port, evaluations }], changes);

    const [latency, frequency] = report.ports[0]?.objectives ?? [];
    // Last day: 12 h unknown, 12 h met.
    expect(latency?.adherence.day).toMatchObject({
      metSeconds: 12 * 3600,
      unknownSeconds: 12 * 3600,
      adherence: 1,
      coverage: 0.5,
    });
    // Last week: 3 h breached, 24 h unknown, the rest met.
    expect(latency?.adherence.week).toMatchObject({ breachedSeconds: 3 * 3600, unknownSeconds: 24 * 3600 });
    expect(latency?.adherence.week.adherence).toBeCloseTo((7 * 24 - 27) / (7 * 24 - 24));
    expect(latency?.adherence.days30.adherence).toBeCloseTo((30 * 24 - 27) / (30 * 24 - 24));
    expect(frequency?.adherence.day).toMatchObject({ breachedSeconds: 6 * 3600, adherence: 0.75 });
    // The 30-day window of frequency opens before its first change: that time is unknown.
    expect(frequency?.adherence.days30.unknownSeconds).toBe(10 * 24 * 3600);

    // The product: breached while either is, unknown while either is (and none breached).
    expect(report.adherence.day).toMatchObject({ breachedSeconds: 6 * 3600, unknownSeconds: 12 * 3600 });
    expect(report.adherence.day.adherence).toBeCloseTo(6 / 12);
  });
});
