import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDBDriver } from '../../src/engines/duckdb/index.js';
import { evaluateSla, parseSla } from '../../src/quality/sla/index.js';
import {
  type ObservationStore,
  observePort,
  probePort,
} from '../../src/server/monitoring/port-observations.js';
import type { PlannedPort } from '../../src/server/monitoring/port-plan.js';
import type { ProbeRecord, Run } from '../../src/store/index.js';

/**
 * What a port's objectives are measured on, read from a real DuckDB hub (the port's table) and a
 * store stand-in: the oldest row for retention, probes for availability, runs for freshness.
 */
const PRODUCT = 'sales.orders';
const NOW = new Date('2026-05-31T12:00:00.000Z');
const D = 86_400_000;

function planned(key: string, retentionColumn?: string): PlannedPort {
  const sla = parseSla([
    { property: 'latency', value: 1, unit: 'h', path: ['slaProperties', 0] },
    { property: 'retention', value: 30, unit: 'd', element: 'orders.ordered_at', path: ['slaProperties', 1] },
    { property: 'availability', value: 99, unit: '%', path: ['slaProperties', 2] },
  ]);
  return {
    key,
    portName: key,
    version: '1.0.0',
    output: {} as PlannedPort['output'],
    sla,
    deployedAt: new Date(NOW.getTime() - 40 * D).toISOString(),
    ...(retentionColumn === undefined ? {} : { retentionColumn }),
  };
}

describe('port observations', () => {
  let hub: DuckDBDriver;
  const asked: string[] = [];
  const store: ObservationStore = {
    listPortRuns: async (filter) => {
      asked.push(`runs since ${filter.since}`);
      const run: Run = {
        id: 'r1',
        productId: PRODUCT,
        port: filter.port,
        trigger: 'schedule',
        mode: 'full',
        status: 'succeeded',
        error: 'it reads raw, which did not run',
        startedAt: '2026-05-31T11:00:00.000Z',
        finishedAt: '2026-05-31T11:00:01.000Z',
      };
      return [run];
    },
    lastPortUpdate: async () => '2026-05-31T11:30:00.000Z',
    listProbes: async (filter): Promise<ProbeRecord[]> => {
      asked.push(`probes since ${filter.since}`);
      return [
        { productId: PRODUCT, port: filter.port, at: new Date(NOW.getTime() - D).toISOString(), up: true },
      ];
    },
  };

  beforeEach(async () => {
    hub = await DuckDBDriver.open();
    await hub.attach('p_sales_orders', ':memory:');
    await hub.run(
      `CREATE TABLE p_sales_orders.main.orders AS SELECT * FROM (VALUES (TIMESTAMP '2026-04-01 00:00:00', 1), (TIMESTAMP '2026-05-20 08:00:00', 2)) t(ordered_at, n)`,
    );
    await hub.run('CREATE TABLE p_sales_orders.main.empty (ordered_at TIMESTAMP)');
    asked.length = 0;
  });

  afterEach(async () => {
    await hub.close();
  });

  it('reads the oldest row, the probes of 30 days and the runs of 8 days, and evaluates them', async () => {
    const port = planned('orders', 'ordered_at');
    const observations = await observePort({ store, hub }, PRODUCT, port, NOW);
    expect(observations).toMatchObject({
      now: NOW.toISOString(),
      lastUpdatedAt: '2026-05-31T11:30:00.000Z',
      oldestRowAt: '2026-04-01T00:00:00.000Z',
      runs: [{ status: 'skipped' }],
      probes: [{ up: true }],
    });
    expect(asked).toEqual([
      `runs since ${new Date(NOW.getTime() - 8 * D).toISOString()}`,
      `probes since ${new Date(NOW.getTime() - 30 * D).toISOString()}`,
    ]);
    const states = evaluateSla(port.sla, observations).map((e) => [e.objectiveId, e.state]);
    expect(states).toEqual([
      ['latency', 'met'],
      ['retention[orders.ordered_at]', 'breached'],
      ['availability', 'met'],
    ]);
  });

  it('reads an empty table as met retention, and an unknown column or table as unknown', async () => {
    expect(
      (await observePort({ store, hub }, PRODUCT, planned('empty', 'ordered_at'), NOW)).oldestRowAt,
    ).toBeNull();
    expect(await observePort({ store, hub }, PRODUCT, planned('orders'), NOW)).not.toHaveProperty(
      'oldestRowAt',
    );
    expect(await observePort({ store, hub }, PRODUCT, planned('gone', 'ordered_at'), NOW)).not.toHaveProperty(
      'oldestRowAt',
    );
  });

  it('probes a port: up when its table answers, down with the reason when not', async () => {
    expect(await probePort(hub, PRODUCT, planned('orders'))).toEqual({ up: true });
    const down = await probePort(hub, PRODUCT, planned('gone'));
    expect(down.up).toBe(false);
    expect(down.error).toMatch(/gone/);
  });
});
