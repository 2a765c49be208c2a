/**
 * SLA monitoring of deployed products: every objective of every output port evaluated against
 * what was observed, state changes stored (only changes), the state exported as a metric, and a
 * `sla.breach` condition per objective fed to the incidents: breached opens (or counts), met
 * clears, unknown says nothing either way (missing evidence neither opens nor resolves).
 */
import type { DuckDBDriver } from '../../engines/duckdb/index.js';
import type { QualityMetrics } from '../../observability/index.js';
import { conditionObserved } from '../../quality/monitors/index.js';
import {
  evaluateSla,
  formatDuration,
  type SlaEvaluation,
  type SlaMeasure,
  type SlaState,
} from '../../quality/sla/index.js';
import type { ControlStore, SlaStateChangeInput } from '../../store/index.js';
import type { IncidentService } from './incident-service.js';
import { type ObservationStore, observePort } from './port-observations.js';
import type { PlannedPort, PortPlan } from './port-plan.js';

/** The incident monitor name of SLA breaches; the subject is `<port>/<objective id>`. */
export const SLA_BREACH = 'sla.breach';

/** The evaluations of one port. */
export interface PortSla {
  readonly port: PlannedPort;
  readonly evaluations: readonly SlaEvaluation[];
}

/**
 * Evaluates every port of the plan that has objectives (every port, with `allPorts`), at `now`;
 * writes nothing.
 */
export async function evaluatePlan(
  deps: { readonly store: ObservationStore; readonly hub: DuckDBDriver },
  plan: PortPlan,
  now: Date,
  allPorts = false,
): Promise<PortSla[]> {
  const out: PortSla[] = [];
  for (const port of plan.ports) {
    if (port.sla.objectives.length === 0) {
      if (allPorts) out.push({ port, evaluations: [] });
      continue;
    }
    const observations = await observePort(deps, plan.productId, port, now);
    out.push({ port, evaluations: evaluateSla(port.sla, observations) });
  }
  return out;
}

/** A figure as people read it. */
export function figureText(measure: SlaMeasure | undefined): string | undefined {
  if (measure === undefined) return undefined;
  return measure.unit === 'seconds'
    ? formatDuration(measure.value)
    : `${Math.round(measure.value * 1000) / 1000} %`;
}

const objectiveKey = (port: string, objective: string) => `${port}\u0000${objective}`;

export interface SlaRecorderDeps {
  readonly store: Pick<ControlStore, 'latestSlaStates' | 'recordSlaStateChanges'>;
  readonly incidents: Pick<IncidentService, 'observe'>;
  readonly metrics?: Pick<QualityMetrics, 'slaState' | 'forgetSla'>;
}

/** What recording one product's evaluations did. */
export interface SlaRecorded {
  readonly changes: number;
  readonly alerts: number;
}

/**
 * Records changes against the store's latest state of each objective (read at every record, so
 * several monitors on one store, as replicas, stay consistent), exports states and feeds
 * incidents.
 */
export class SlaRecorder {
  readonly #deps: SlaRecorderDeps;
  /** Per product: the state (and kind) of each objective as last recorded here. */
  readonly #states = new Map<string, Map<string, { state: SlaState; kind: string }>>();
  /** Per product: the objectives last exported, to drop the metrics of removed ones. */
  readonly #exported = new Map<string, string>();

  constructor(deps: SlaRecorderDeps) {
    this.#deps = deps;
  }

  async record(productId: string, results: readonly PortSla[]): Promise<SlaRecorded> {
    const known = new Map<string, { state: SlaState; kind: string }>();
    for (const s of await this.#deps.store.latestSlaStates(productId))
      known.set(objectiveKey(s.port, s.objectiveId), { state: s.state, kind: s.kind });
    const changes: SlaStateChangeInput[] = [];
    const watched = new Map<string, { state: SlaState; kind: string }>();
    for (const { port, evaluations } of results) {
      for (const e of evaluations) {
        const key = objectiveKey(port.key, e.objectiveId);
        watched.set(key, { state: e.state, kind: e.kind });
        if (known.get(key)?.state === e.state) continue;
        changes.push({
          productId,
          port: port.key,
          objectiveId: e.objectiveId,
          kind: e.kind,
          state: e.state,
          at: e.at,
          message: e.message,
          ...(e.measured === undefined ? {} : { measured: e.measured }),
          ...(e.limit === undefined ? {} : { limit: e.limit }),
          ...(e.due === undefined ? {} : { due: e.due }),
        });
      }
    }
    await this.#deps.store.recordSlaStateChanges(changes);
    this.#states.set(productId, watched);
    this.#export(productId, results);
    let alerts = 0;
    for (const { port, evaluations } of results) {
      for (const e of evaluations) {
        if (e.state === 'unknown') continue;
        const outcome = await this.#deps.incidents.observe(breachCondition(productId, port, e), port.key);
        alerts += outcome.alerts.length;
      }
    }
    return { changes: changes.length, alerts };
  }

  /** Changes to `unknown` for every objective not already unknown: the monitor stops watching. */
  async stopWatching(at: string): Promise<void> {
    const changes: SlaStateChangeInput[] = [];
    for (const [productId, states] of this.#states) {
      for (const [key, { state, kind }] of states) {
        if (state === 'unknown') continue;
        const [port = '', objectiveId = ''] = key.split('\u0000');
        changes.push({
          productId,
          port,
          objectiveId,
          kind,
          state: 'unknown',
          at,
          message: 'the monitor stopped; nothing is known from here on',
        });
        states.set(key, { state: 'unknown', kind });
      }
    }
    await this.#deps.store.recordSlaStateChanges(changes);
  }

  #export(productId: string, results: readonly PortSla[]): void {
    const metrics = this.#deps.metrics;
    if (metrics === undefined) return;
    const names = results.flatMap(({ port, evaluations }) =>
      evaluations.map((e) => [`${port.key}/${e.objectiveId}`, e.state] as const),
    );
    const signature = names.map(([n]) => n).join('\n');
    if (this.#exported.get(productId) !== signature) {
      metrics.forgetSla(productId);
      this.#exported.set(productId, signature);
    }
    for (const [name, state] of names) metrics.slaState(productId, name, state);
  }
}

/** The `sla.breach` observation an evaluation makes. */
export function breachCondition(productId: string, port: PlannedPort, e: SlaEvaluation) {
  const measured = figureText(e.measured);
  const limit = figureText(e.limit);
  return conditionObserved(
    { product: productId, monitor: SLA_BREACH, subject: `${port.key}/${e.objectiveId}` },
    e.state === 'breached',
    {
      message: e.message,
      facts: {
        port: port.key,
        objective: e.objectiveId,
        kind: e.kind,
        ...(measured === undefined ? {} : { measured }),
        ...(limit === undefined ? {} : { limit }),
        ...(e.due === undefined ? {} : { due: e.due }),
      },
    },
    e.at,
  );
}
