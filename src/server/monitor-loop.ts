/**
 * The monitors of `meshplane serve`: every `intervalMs` (default 30 s), for each deployed
 * product, probe the output ports whose contracts promise availability, evaluate every SLA
 * objective and record what changed, judge the rows of new runs against each port's history, and
 * look for schema drift at file sources. Conditions go through the incident service, which writes
 * each incident change with its alerts (webhook outbox, in-app notice) in one transaction; the
 * webhook dispatcher delivers them. Quality reports come in through `qualityReport`.
 *
 * Ticks never overlap; `tick(now)` runs one at a chosen instant (tests inject time rather than
 * wait). A failure in one product is logged and the others are still watched.
 */
import type { DuckDBDriver } from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import type { QualityMetrics } from '../observability/index.js';
import type { RuntimeProduct } from '../runtime/index.js';
import type { WebhookSetting } from '../spec/model/mesh.js';
import type { ControlStore } from '../store/index.js';
import { checkFileDrift, FileColumns } from './monitoring/file-drift-monitor.js';
import { createIncidentService, type IncidentService } from './monitoring/incident-service.js';
import { probePort } from './monitoring/port-observations.js';
import { type PortPlan, PortPlans } from './monitoring/port-plan.js';
import { type QualityReportLike, qualityCondition } from './monitoring/quality-condition.js';
import { evaluatePlan, SlaRecorder } from './monitoring/sla-monitor.js';
import { type ProductSlaReport, slaReport } from './monitoring/sla-report.js';
import { checkVolume } from './monitoring/volume-monitor.js';

/** What the monitors read of the runtime (`MeshRuntime` has this shape). */
export interface MonitoredRuntime {
  readonly hub: DuckDBDriver;
  products(): readonly RuntimeProduct[];
}

export interface MonitorLoopOptions {
  readonly store: ControlStore;
  readonly runtime: MonitoredRuntime;
  /** mesh.yaml `notifications.webhooks`, read at each alert. */
  readonly webhooks: () => readonly WebhookSetting[];
  readonly metrics?: Pick<QualityMetrics, 'slaState' | 'forgetSla'>;
  /** Milliseconds between ticks; 0 runs no timer (ticks only when called). Default 30 000. */
  readonly intervalMs?: number;
  /** A probe that answered like the one before is stored at most this often. Default 5 minutes. */
  readonly probeEveryMs?: number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

/** What one tick did. */
export interface MonitorTick {
  readonly at: string;
  readonly products: number;
  /** Objectives evaluated. */
  readonly evaluated: number;
  /** SLA state changes recorded. */
  readonly stateChanges: number;
  /** Alerts (incident openings and resolutions) written to the outbox. */
  readonly alerts: number;
  /** One line per product that could not be watched this tick. */
  readonly errors: readonly string[];
}

export interface MonitorLoop {
  readonly incidents: IncidentService;
  /** Runs one tick at `now` (default the clock), after any tick in flight. */
  tick(now?: Date): Promise<MonitorTick>;
  /** A product's SLAs evaluated at `now`, with adherence; NOT_FOUND for a product not deployed. */
  slaReport(productId: string, now?: Date): Promise<ProductSlaReport>;
  /** A quality check run's report (`QualityService.onQualityReport`): feeds `quality.failure`. */
  qualityReport(productId: string, port: string, report: QualityReportLike): Promise<void>;
  /** Stops the timer, waits for the tick in flight, and records every watched objective as unknown from now. */
  stop(): Promise<void>;
}

const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_PROBE_EVERY_MS = 5 * 60_000;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Starts the monitors; see the file comment. */
export function startMonitorLoop(options: MonitorLoopOptions): MonitorLoop {
  const { store, runtime } = options;
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const probeEveryMs = options.probeEveryMs ?? DEFAULT_PROBE_EVERY_MS;
  const plans = new PortPlans(store);
  const owners = (productId: string) =>
    runtime.products().find((p) => p.id === productId)?.product.team.name ??
    store.getProduct(productId).then((p) => p?.ownerTeam);
  const incidents = createIncidentService({ store, webhooks: options.webhooks, ownerOf: owners, now: clock });
  const recorder = new SlaRecorder({
    store,
    incidents,
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
  });
  const files = new FileColumns(runtime.hub);
  /** The last stored probe of each port: a probe is stored when it differs or is due. */
  const lastProbe = new Map<string, { at: number; up: boolean }>();
  const startedAt = clock().toISOString();
  let lastTickMs = Date.parse(startedAt);

  async function probe(plan: PortPlan, now: Date): Promise<void> {
    for (const port of plan.ports) {
      if (!port.sla.objectives.some((o) => o.kind === 'availability')) continue;
      const result = await probePort(runtime.hub, plan.productId, port);
      const key = `${plan.productId}\u0000${port.key}`;
      const last = lastProbe.get(key);
      if (last !== undefined && last.up === result.up && now.getTime() - last.at < probeEveryMs) continue;
      await store.recordProbe({
        productId: plan.productId,
        port: port.key,
        at: now.toISOString(),
        ...result,
      });
      lastProbe.set(key, { at: now.getTime(), up: result.up });
    }
  }

  async function watch(product: RuntimeProduct, now: Date) {
    const plan = await plans.of(product);
    await probe(plan, now);
    const results = await evaluatePlan({ store, hub: runtime.hub }, plan, now);
    const recorded = await recorder.record(product.id, results);
    let alerts = recorded.alerts;
    for (const port of plan.ports)
      alerts += await checkVolume({ store, incidents }, product.id, port.key, now, startedAt);
    alerts += await checkFileDrift({ files, incidents }, product, now);
    const evaluated = results.reduce((n, r) => n + r.evaluations.length, 0);
    return { evaluated, stateChanges: recorded.changes, alerts };
  }

  async function runTick(now: Date): Promise<MonitorTick> {
    const at = now.toISOString();
    lastTickMs = Math.max(lastTickMs, now.getTime());
    const products = runtime.products();
    const errors: string[] = [];
    let evaluated = 0;
    let stateChanges = 0;
    let alerts = 0;
    for (const product of products) {
      try {
        const done = await watch(product, now);
        evaluated += done.evaluated;
        stateChanges += done.stateChanges;
        alerts += done.alerts;
      } catch (error) {
        errors.push(`${product.id}: ${describe(error)}`);
        log(`monitoring ${product.id}: ${describe(error)}`);
      }
    }
    return { at, products: products.length, evaluated, stateChanges, alerts, errors };
  }

  // Ticks never overlap: the timer and callers take turns on this chain.
  let chain: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  function schedule(): void {
    if (stopped || intervalMs <= 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      void serial(() => runTick(clock()))
        .catch((error: unknown) => log(`monitoring: ${describe(error)}`))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }
  schedule();

  return {
    incidents,
    tick: (now) => serial(() => runTick(now ?? clock())),
    async slaReport(productId, now = clock()) {
      const product = runtime.products().find((p) => p.id === productId);
      if (product === undefined) throw new MeshplaneError('NOT_FOUND', `no deployed product '${productId}'`);
      const plan = await plans.of(product);
      const results = await evaluatePlan({ store, hub: runtime.hub }, plan, now, true);
      const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
      const changes = await store.listSlaStateChanges({ productId, since });
      return slaReport(productId, now.toISOString(), results, changes);
    },
    async qualityReport(productId, port, report) {
      const condition = qualityCondition(productId, port, report, clock().toISOString());
      if (condition !== undefined) await incidents.observe(condition, port);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await chain;
      const end = new Date(Math.max(clock().getTime(), lastTickMs)).toISOString();
      await recorder.stopWatching(end).catch((error: unknown) => {
        log(`monitoring: could not record the end of watching: ${describe(error)}`);
      });
    },
  };
}
