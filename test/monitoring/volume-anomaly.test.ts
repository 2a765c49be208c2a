import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIncidentService } from '../../src/server/monitoring/incident-service.js';
import { checkVolume, VOLUME_ANOMALY } from '../../src/server/monitoring/volume-monitor.js';
import { type ControlStore, createControlStore } from '../../src/store/index.js';
import { openControlDatabase } from '../../src/store/open-control-database.js';
import type { ControlDatabase } from '../../src/store/schema/control-database.js';

/**
 * Volume anomalies from a port's run history: each run's `rowsOut` is recorded once and judged
 * against the runs before it. The history is written into the runs table at chosen times (a day
 * apart), as the runtime's recorder would have over two weeks.
 */
const PRODUCT = 'sales.orders';
const DAY = 86_400_000;

describe('volume anomalies from the run history', () => {
  let dir = '';
  let store: ControlStore;
  let db: Kysely<ControlDatabase>;
  let seq = 0;
  const start = Date.now() - 30 * DAY;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'meshplane-volume-'));
    store = await createControlStore({ workspaceDir: dir });
    db = (await openControlDatabase({ workspaceDir: dir })).db;
  });

  afterEach(async () => {
    await db.destroy();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A finished run of `orders` on day `day` that wrote `rows` rows. */
  async function run(day: number, rows: number, status = 'succeeded', error: string | null = null) {
    seq += 1;
    const at = new Date(start + day * DAY);
    await db
      .insertInto('runs')
      .values({
        id: `run-${String(seq).padStart(4, '0')}`,
        product_id: PRODUCT,
        port: 'orders',
        trigger: 'schedule',
        mode: 'append',
        status,
        rows_in: rows,
        rows_out: rows,
        error,
        started_at: at.toISOString(),
        finished_at: new Date(at.getTime() + 1_000).toISOString(),
      })
      .execute();
  }

  it('stays quiet on a steady history, opens one incident on a collapse, and clears it on the next normal run', async () => {
    const incidents = createIncidentService({
      store,
      webhooks: () => [{ url: 'http://127.0.0.1:9/hook', events: [], format: 'cloudevents' }],
      ownerOf: () => 'sales-team',
    });
    const deps = { store, incidents };
    const now = () => new Date(start + 25 * DAY);
    const judgeFrom = new Date(start).toISOString();

    // Too little history: recorded, nothing judged.
    for (let day = 0; day < 5; day += 1) await run(day, 1_000 + day * 10);
    expect(await checkVolume(deps, PRODUCT, 'orders', now(), judgeFrom)).toBe(0);
    expect(await store.listIncidents({ limit: 10 })).toEqual([]);

    // A growing table with some noise: normal.
    for (let day = 5; day < 14; day += 1) await run(day, 1_000 + day * 10 + (day % 2 === 0 ? 7 : -7));
    await run(14, 0, 'failed', 'boom');
    await run(14, 0, 'succeeded', 'it reads raw_orders, which did not run');
    expect(await checkVolume(deps, PRODUCT, 'orders', now(), judgeFrom)).toBe(0);
    expect(await store.listVolumeHistory({ productId: PRODUCT, port: 'orders', limit: 100 })).toHaveLength(
      14,
    );

    // A run that wrote a tenth of the usual rows.
    await run(15, 110);
    expect(await checkVolume(deps, PRODUCT, 'orders', now(), judgeFrom)).toBe(1);
    const [opened] = await store.listIncidents({ state: 'open', limit: 10 });
    expect(opened).toMatchObject({
      key: { product: PRODUCT, monitor: VOLUME_ANOMALY, subject: 'orders' },
      details: { facts: { rows: 110 } },
    });
    expect(opened?.details.message).toMatch(/fewer than usual/);
    // Looking again without a new run changes nothing.
    expect(await checkVolume(deps, PRODUCT, 'orders', now(), judgeFrom)).toBe(0);

    await run(16, 1_165);
    expect(await checkVolume(deps, PRODUCT, 'orders', now(), judgeFrom)).toBe(1);
    expect(await store.getIncident(opened?.id ?? '')).toMatchObject({
      state: 'resolved',
      resolvedBy: 'system',
    });
    const sent = (await store.listWebhooks({ limit: 10 })).map((w) => w.event.type).reverse();
    expect(sent).toEqual(['dev.meshplane.incident.opened', 'dev.meshplane.incident.resolved']);
  });

  it('takes a backlog found at start as history and judges only its newest run', async () => {
    const incidents = createIncidentService({ store, webhooks: () => [], ownerOf: () => undefined });
    for (let day = 0; day < 10; day += 1) await run(day, 500);
    await run(10, 5); // an old collapse, before monitoring started
    await run(11, 500);
    await run(12, 5_000); // the newest run: judged
    const judgeFrom = new Date(start + 20 * DAY).toISOString();
    expect(
      await checkVolume({ store, incidents }, PRODUCT, 'orders', new Date(start + 20 * DAY), judgeFrom),
    ).toBe(1);
    const list = await store.listIncidents({ limit: 10 });
    expect(list).toHaveLength(1);
    expect(list[0]?.details.message).toMatch(/more than usual/);
  });
});
