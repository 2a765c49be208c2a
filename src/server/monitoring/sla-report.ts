/**
 * A product's SLA report for the API and the CLI: each output port's objectives evaluated now,
 * how long each has been in its recorded state, and adherence over the last day, week and 30
 * days, per objective and for the product as a whole (breached while any objective is). Adherence
 * comes from the recorded state changes, so it covers the time the monitor was watching.
 */
import {
  type Adherence,
  type AdherenceWindowName,
  adherenceWindows,
  combineTimelines,
  overallState,
  type SlaEvaluation,
  type SlaObjective,
  type SlaState,
  type StateChange,
} from '../../quality/sla/index.js';
import type { SlaStateChangeRecord } from '../../store/index.js';
import type { PortSla } from './sla-monitor.js';

export type AdherenceReport = Readonly<Record<AdherenceWindowName, Adherence>>;

export interface ObjectiveReport {
  readonly id: string;
  readonly kind: SlaObjective['kind'];
  readonly property: string;
  readonly element?: string;
  readonly description?: string;
  readonly state: SlaState;
  readonly message: string;
  readonly measured?: SlaEvaluation['measured'];
  readonly limit?: SlaEvaluation['limit'];
  readonly due?: string;
  /** Since when the recorded state has been the current one, when the records agree with now. */
  readonly since?: string;
  readonly adherence: AdherenceReport;
}

export interface PortSlaReport {
  readonly port: string;
  readonly portName: string;
  readonly version: string;
  readonly state: SlaState;
  readonly objectives: readonly ObjectiveReport[];
  readonly notEvaluated: readonly { readonly property: string; readonly reason: string }[];
  readonly lifecycle: readonly { readonly kind: string; readonly value: string; readonly at: string }[];
}

export interface ProductSlaReport {
  readonly productId: string;
  readonly at: string;
  readonly state: SlaState;
  readonly adherence: AdherenceReport;
  readonly ports: readonly PortSlaReport[];
}

/** Infinite figures (an unlimited retention) have no JSON form; they are left out. */
function finite(measure: SlaEvaluation['measured']) {
  return measure !== undefined && Number.isFinite(measure.value) ? measure : undefined;
}

/** The report from this instant's evaluations and the recorded changes (oldest first). */
export function slaReport(
  productId: string,
  at: string,
  results: readonly PortSla[],
  changes: readonly SlaStateChangeRecord[],
): ProductSlaReport {
  const byObjective = new Map<string, StateChange[]>();
  for (const c of changes) {
    const key = `${c.port}\u0000${c.objectiveId}`;
    byObjective.set(key, [...(byObjective.get(key) ?? []), { at: c.at, state: c.state }]);
  }
  const timelines: StateChange[][] = [];
  const ports = results.map(({ port, evaluations }): PortSlaReport => {
    const objectives = port.sla.objectives.map((objective, i): ObjectiveReport => {
      const e = evaluations[i];
      const timeline = byObjective.get(`${port.key}\u0000${objective.id}`) ?? [];
      timelines.push(timeline);
      const last = timeline.at(-1);
      const measured = finite(e?.measured);
      const limit = finite(e?.limit);
      return {
        id: objective.id,
        kind: objective.kind,
        property: objective.property,
        ...(objective.element === undefined ? {} : { element: objective.element }),
        ...(objective.description === undefined ? {} : { description: objective.description }),
        state: e?.state ?? 'unknown',
        message: e?.message ?? 'not evaluated',
        ...(measured === undefined ? {} : { measured }),
        ...(limit === undefined ? {} : { limit }),
        ...(e?.due === undefined ? {} : { due: e.due }),
        ...(last !== undefined && last.state === e?.state ? { since: last.at } : {}),
        adherence: adherenceWindows(timeline, at),
      };
    });
    return {
      port: port.key,
      portName: port.portName,
      version: port.version,
      state: overallState(evaluations),
      objectives,
      notEvaluated: port.sla.notEvaluated.map((n) => ({ property: n.property, reason: n.reason })),
      lifecycle: port.sla.lifecycle.map((l) => ({ kind: l.kind, value: l.value, at: l.at })),
    };
  });
  return {
    productId,
    at,
    state: overallState(results.flatMap((r) => r.evaluations)),
    adherence: adherenceWindows(combineTimelines(timelines), at),
    ports,
  };
}
