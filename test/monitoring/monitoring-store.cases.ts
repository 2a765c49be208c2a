/**
 * The monitoring part of the control store, run on every backend (store-sqlite.test.ts,
 * store-postgres.test.ts), each case on a fresh database: SLA state changes, volume history,
 * probes, a port's runs, and incidents written with their alerts in one transaction.
 */
import { describe, expect, it } from 'vitest';
import { conditionObserved } from '../../src/quality/monitors/index.js';
import { createIncidentService } from '../../src/server/monitoring/incident-service.js';
import type { ControlStore, IncidentInput, SlaStateChangeInput } from '../../src/store/index.js';
import { openControlDatabase } from '../../src/store/open-control-database.js';
import { rejection, type StoreBackend, useStoreHarness } from '../store/store-harness.js';

const PRODUCT = 'sales.orders';
const DAY = 86_400_000;
const HOOK = 'http://127.0.0.1:9/alerts';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

function change(objectiveId: string, state: SlaStateChangeInput['state'], at: string): SlaStateChangeInput {
  return {
    productId: PRODUCT,
    port: 'orders',
    objectiveId,
    kind: 'latency',
    state,
    at,
    message: `${objectiveId} ${state}`,
    measured: { value: 12, unit: 'seconds' },
    limit: { value: Number.POSITIVE_INFINITY, unit: 'seconds' },
  };
}

function incident(id: string, state: IncidentInput['state'], subject = 'orders/latency'): IncidentInput {
  return {
    id,
    key: { product: PRODUCT, monitor: 'sla.breach', subject },
    port: 'orders',
    state,
    details: { message: 'data is 5 min old', facts: { port: 'orders', measured: '5 min' } },
    openedAt: '2026-05-01T10:00:00.000Z',
    lastFailingAt: '2026-05-01T10:00:00.000Z',
    occurrences: 1,
    history: [{ action: 'opened', actor: 'system', at: '2026-05-01T10:00:00.000Z' }],
    ...(state === 'resolved' ? { resolvedBy: 'system', resolvedAt: '2026-05-01T10:05:00.000Z' } : {}),
  };
}

const alert = (id: string) => ({
  webhooks: [
    {
      url: HOOK,
      event: {
        specversion: '1.0' as const,
        id: `${id}.opened`,
        source: `/meshplane/products/${PRODUCT}`,
        type: 'dev.meshplane.incident.opened',
        time: '2026-05-01T10:00:00.000Z',
        datacontenttype: 'application/json' as const,
        data: { incidentId: id },
      },
    },
  ],
  notifications: [
    { type: 'dev.meshplane.incident.opened', recipient: 'sales-team', title: 'Incident', message: id },
  ],
});

const outbox = async (store: ControlStore) =>
  (await store.listWebhooks({ limit: 100 })).map((w) => w.event.id);

/** Registers the cases for one backend. */
export function defineMonitoringStoreCases(backend: StoreBackend): void {
  const h = useStoreHarness(backend);

  describe('SLA state changes', () => {
    it('keeps changes, the latest per objective, and the state in force when a window opens', async () => {
      // Recent instants: changes older than 90 days would be pruned.
      const base = Date.now() - 2 * DAY;
      const t = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
      const offset = (minutes: number) => t(minutes).replace('Z', '+00:00');
      await h.store.recordSlaStateChanges([
        change('latency', 'met', t(60)),
        change('latency', 'breached', offset(60)),
        change('latency', 'met', t(90)),
        change('frequency', 'unknown', t(0)),
      ]);
      await h.store.recordSlaStateChanges([]);
      const latest = await h.store.latestSlaStates(PRODUCT);
      expect(latest.map((s) => [s.objectiveId, s.state, s.at])).toEqual([
        ['frequency', 'unknown', t(0)],
        ['latency', 'met', t(90)],
      ]);
      // The infinite limit has no JSON form: it is left out; the measured figure is kept.
      expect(latest[1]).toMatchObject({ measured: { value: 12, unit: 'seconds' }, message: 'latency met' });
      expect(latest[1]).not.toHaveProperty('limit');

      const window = await h.store.listSlaStateChanges({ productId: PRODUCT, since: t(70) });
      expect(window.map((s) => [s.objectiveId, s.state, s.at])).toEqual([
        ['frequency', 'unknown', t(0)],
        // Two changes at one instant: the later written one is in force.
        ['latency', 'breached', t(60)],
        ['latency', 'met', t(90)],
      ]);
      const onePort = await h.store.listSlaStateChanges({ productId: PRODUCT, port: 'other', since: t(0) });
      expect(onePort).toEqual([]);
      expect(await h.store.latestSlaStates('sales.nothing')).toEqual([]);
    });

    it('prunes changes older than 90 days but keeps the one in force at the cutoff', async () => {
      await h.store.recordSlaStateChanges([
        change('latency', 'met', ago(120 * DAY)),
        change('latency', 'breached', ago(100 * DAY)),
        change('latency', 'met', ago(10 * DAY)),
      ]);
      const kept = await h.store.listSlaStateChanges({ productId: PRODUCT, since: ago(200 * DAY) });
      expect(kept.map((s) => s.state)).toEqual(['breached', 'met']);
    });

    it('refuses unreadable input', async () => {
      await rejection(
        h.store.recordSlaStateChanges([change('latency', 'met', '2026-05-01 10:00')]),
        'INVALID_INPUT',
      );
      await rejection(
        h.store.recordSlaStateChanges([{ ...change('latency', 'met', ago(0)), state: 'fine' as never }]),
        'INVALID_INPUT',
      );
      expect(await h.store.latestSlaStates(PRODUCT)).toEqual([]);
    });
  });

  describe('volume history', () => {
    it('records each run once, lists newest first, and keeps the newest 500 of a port', async () => {
      const point = (n: number) => ({
        productId: PRODUCT,
        port: 'orders',
        runId: `run-${String(n).padStart(4, '0')}`,
        at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
        rows: 100 + n,
      });
      const first = await h.store.recordVolume([point(1), point(2)]);
      expect(first.map((p) => p.runId)).toEqual(['run-0001', 'run-0002']);
      const again = await h.store.recordVolume([point(2), point(3)]);
      expect(again).toEqual([point(3)]);
      const listed = await h.store.listVolumeHistory({ productId: PRODUCT, port: 'orders', limit: 2 });
      expect(listed.map((p) => [p.runId, p.rows])).toEqual([
        ['run-0003', 103],
        ['run-0002', 102],
      ]);
      const before = await h.store.listVolumeHistory({
        productId: PRODUCT,
        port: 'orders',
        before: point(3).at,
        limit: 10,
      });
      expect(before.map((p) => p.runId)).toEqual(['run-0002', 'run-0001']);

      await h.store.recordVolume(Array.from({ length: 505 }, (_, i) => point(i + 4)));
      const all = await h.store.listVolumeHistory({ productId: PRODUCT, port: 'orders', limit: 1000 });
      expect(all).toHaveLength(500);
      expect(all.at(-1)?.runId).toBe('run-0009');
      await rejection(h.store.recordVolume([{ ...point(1), rows: -1 }]), 'INVALID_INPUT');
    });
  });

  describe('availability probes', () => {
    it('lists probes since an instant, oldest first, and drops those past 31 days', async () => {
      const probe = (at: string, up: boolean) => ({ productId: PRODUCT, port: 'orders', at, up });
      await h.store.recordProbe(probe(ago(40 * DAY), true));
      await h.store.recordProbe({ ...probe(ago(2 * DAY), false), error: 'x'.repeat(800) });
      const yesterday = ago(DAY);
      await h.store.recordProbe(probe(yesterday, true));
      await h.store.recordProbe(probe(yesterday, true));
      const probes = await h.store.listProbes({ productId: PRODUCT, port: 'orders', since: ago(100 * DAY) });
      expect(probes.map((p) => p.up)).toEqual([false, true]);
      expect(probes[0]?.error).toHaveLength(500);
      expect(await h.store.listProbes({ productId: PRODUCT, port: 'orders', since: ago(DAY / 2) })).toEqual(
        [],
      );
    });
  });

  describe('a port’s runs', () => {
    it('lists one port’s runs since an instant and tells its last successful update, skipped runs aside', async () => {
      expect(await h.store.lastPortUpdate(PRODUCT, 'orders')).toBeUndefined();
      const run = async (port: string, status: 'succeeded' | 'failed', error?: string) => {
        const id = await h.store.startRun({ productId: PRODUCT, port, trigger: 'manual', mode: 'full' });
        return h.store.finishRun(id, {
          status,
          rowsIn: 1,
          rowsOut: 1,
          ...(error === undefined ? {} : { error }),
        });
      };
      const good = await run('orders', 'succeeded');
      await run('orders', 'failed', 'boom');
      await run('orders', 'succeeded', 'it reads raw, which did not run');
      await run('raw_orders (ingest)', 'succeeded');
      expect(await h.store.lastPortUpdate(PRODUCT, 'orders')).toBe(good.finishedAt);
      const runs = await h.store.listPortRuns({
        productId: PRODUCT,
        port: 'orders',
        since: ago(3_600_000),
        limit: 10,
      });
      expect(runs.map((r) => r.status)).toEqual(['succeeded', 'failed', 'succeeded']);
      const limited = await h.store.listPortRuns({
        productId: PRODUCT,
        port: 'orders',
        since: ago(3_600_000),
        limit: 1,
      });
      expect(limited).toHaveLength(1);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect(
        await h.store.listPortRuns({ productId: PRODUCT, port: 'orders', since: future, limit: 10 }),
      ).toEqual([]);
    });
  });

  describe('incidents', () => {
    it('writes an incident with its alerts in one transaction, and changes it at the revision it read', async () => {
      const [opened] = await h.store.saveIncidents([{ incident: incident('inc-1', 'open') }], alert('inc-1'));
      expect(opened).toMatchObject({ id: 'inc-1', revision: 1, port: 'orders', state: 'open' });
      expect(await outbox(h.store)).toEqual(['inc-1.opened']);
      expect(
        (await h.store.listNotifications({ recipient: 'sales-team', limit: 10 })).map((n) => n.message),
      ).toEqual(['inc-1']);

      const acknowledged = {
        ...incident('inc-1', 'acknowledged'),
        acknowledgedBy: 'carla',
        acknowledgedAt: '2026-05-01T10:01:00.000Z',
      };
      const [saved] = await h.store.saveIncidents([{ incident: acknowledged, expectedRevision: 1 }]);
      expect(saved).toMatchObject({ revision: 2, acknowledgedBy: 'carla', state: 'acknowledged' });
      expect(await h.store.getIncident('inc-1')).toEqual(saved);

      // A writer that read revision 1 lost: nothing of its write is kept, its alert neither.
      const stale = { ...incident('inc-1', 'resolved'), resolvedBy: 'bob' };
      await rejection(
        h.store.saveIncidents([{ incident: stale, expectedRevision: 1 }], alert('inc-1-stale')),
        'CONFLICT',
      );
      expect((await h.store.getIncident('inc-1'))?.state).toBe('acknowledged');
      expect(await outbox(h.store)).toEqual(['inc-1.opened']);
    });

    it('holds one active incident per condition: a second is refused and writes nothing', async () => {
      await h.store.saveIncidents([{ incident: incident('inc-1', 'open') }]);
      await rejection(
        h.store.saveIncidents([{ incident: incident('inc-2', 'open') }], alert('inc-2')),
        'CONFLICT',
      );
      expect(await outbox(h.store)).toEqual([]);
      await h.store.saveIncidents([{ incident: incident('inc-0', 'resolved') }]);
      await h.store.saveIncidents([{ incident: incident('inc-9', 'open', 'orders/frequency') }]);
      expect((await h.store.incidentsOfKey(incident('inc-1', 'open').key)).map((i) => i.id)).toEqual([
        'inc-0',
        'inc-1',
      ]);
      expect((await h.store.listIncidents({ state: 'open', limit: 10 })).map((i) => i.id).sort()).toEqual([
        'inc-1',
        'inc-9',
      ]);
      expect(await h.store.listIncidents({ productId: 'sales.nothing', limit: 10 })).toEqual([]);
      expect(await h.store.getIncident('inc-nope')).toBeUndefined();
      await rejection(h.store.listIncidents({ state: 'closed' as never, limit: 10 }), 'INVALID_INPUT');
      await rejection(
        h.store.saveIncidents([{ incident: { ...incident('x', 'open'), openedAt: 'yesterday' } }]),
        'INVALID_INPUT',
      );
    });

    it('opens one incident and one alert when several replicas see the same failure at once', async () => {
      const replicas = [h.store, await h.open(), await h.open()];
      const key = { product: PRODUCT, monitor: 'sla.breach', subject: 'orders/latency' };
      const services = replicas.map((store) =>
        createIncidentService({
          store,
          webhooks: () => [{ url: HOOK, events: [], format: 'cloudevents' }],
          ownerOf: () => 'sales-team',
        }),
      );
      const at = '2026-05-01T10:00:00.000Z';
      const outcomes = await Promise.all(
        services.map((s) => s.observe(conditionObserved(key, true, { message: 'stale' }, at), 'orders')),
      );
      expect(outcomes.flatMap((o) => o.alerts)).toEqual(['opened']);
      const [only] = await h.store.listIncidents({ limit: 10 });
      expect(only).toMatchObject({ state: 'open', occurrences: 3 });
      expect(await outbox(h.store)).toEqual([`${only?.id}.opened`]);
    });

    it('creates the monitoring tables in the migration', async () => {
      const { db, dialect } = await openControlDatabase(h.database.options);
      try {
        const schema = await dialect.currentSchema(db);
        const tables = (await db.introspection.getTables())
          .filter((t) => t.schema === schema)
          .map((t) => t.name);
        expect(tables).toEqual(
          expect.arrayContaining(['sla_state_changes', 'volume_history', 'availability_probes', 'incidents']),
        );
      } finally {
        await db.destroy();
      }
    });
  });
}
