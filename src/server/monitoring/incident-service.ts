/**
 * Incidents as a service: monitors report conditions, people acknowledge and resolve. Each step
 * reads the incidents it concerns from the store, runs the pure reducer (quality/monitors), and
 * writes the changed incident and its alerts in one store transaction. A write that lost a race
 * with another writer (CONFLICT) is retried on fresh data, so the reducer always sees what is
 * stored: a failing condition reported by two monitors at once opens one incident, one alert.
 */
import { MeshplaneError } from '../../errors/index.js';
import {
  acknowledge,
  type ConditionObserved,
  type Incident,
  type IncidentStep,
  reduceIncidents,
  resolve,
} from '../../quality/monitors/index.js';
import type { WebhookSetting } from '../../spec/model/mesh.js';
import type { ControlStore, IncidentFilter, IncidentRecord, IncidentWrite } from '../../store/index.js';
import { incidentAlerts } from './incident-alerts.js';

/** What the service needs of the store. */
export type IncidentStore = Pick<
  ControlStore,
  'incidentsOfKey' | 'getIncident' | 'listIncidents' | 'saveIncidents'
>;

export interface IncidentServiceOptions {
  readonly store: IncidentStore;
  /** The mesh's webhooks, read at each alert. */
  readonly webhooks: () => readonly WebhookSetting[];
  /** The team that owns a product, for in-app notices. */
  readonly ownerOf: (productId: string) => Promise<string | undefined> | string | undefined;
  readonly now?: () => Date;
}

/** What one step did: the incident it changed (if any), the alerts it sent. */
export interface IncidentOutcome {
  readonly incident?: IncidentRecord;
  readonly alerts: readonly ('opened' | 'resolved')[];
  /** Why a valid event changed nothing. */
  readonly ignored?: string;
}

export interface IncidentService {
  /** A monitor's observation of a condition; `port` is kept on a new or changed incident. */
  observe(event: ConditionObserved, port?: string): Promise<IncidentOutcome>;
  /** NOT_FOUND, CONFLICT (resolved already) or INVALID_INPUT (actor) as MeshplaneErrors. */
  acknowledge(id: string, actor: string): Promise<IncidentRecord>;
  /** Resolves by hand; sends the `resolved` alert. Errors as `acknowledge`. */
  resolve(id: string, actor: string): Promise<IncidentRecord>;
  list(filter: IncidentFilter): Promise<IncidentRecord[]>;
  get(id: string): Promise<IncidentRecord | undefined>;
}

/** Tries of one step when other writers keep winning; each try reads afresh. */
const TRIES = 4;

/** The incident without the store's bookkeeping, as the reducer sees it. */
function asIncident(record: IncidentRecord): Incident {
  const { revision: _revision, port: _port, ...incident } = record;
  return incident;
}

export function createIncidentService(options: IncidentServiceOptions): IncidentService {
  const { store } = options;
  const now = options.now ?? (() => new Date());

  /**
   * Runs the reducer on what was read and writes what it changed with the alerts of its effects.
   * The reducer hands back unchanged incidents as the very objects it was given.
   */
  async function step(
    read: readonly IncidentRecord[],
    event: Parameters<typeof reduceIncidents>[1],
    port: string | undefined,
  ): Promise<IncidentOutcome> {
    const given = read.map(asIncident);
    const result: IncidentStep = reduceIncidents(given, event);
    if (result.rejected !== undefined)
      throw new MeshplaneError(result.rejected.code, result.rejected.message);
    const before = new Map(read.map((r) => [r.id, r]));
    const unchanged = new Set(given);
    const writes: IncidentWrite[] = [];
    for (const incident of result.incidents) {
      if (unchanged.has(incident)) continue;
      const stored = before.get(incident.id);
      const keptPort = port ?? stored?.port;
      writes.push({
        incident: { ...incident, ...(keptPort === undefined ? {} : { port: keptPort }) },
        ...(stored === undefined ? {} : { expectedRevision: stored.revision }),
      });
    }
    if (writes.length === 0) {
      return { alerts: [], ...(result.ignored === undefined ? {} : { ignored: result.ignored }) };
    }
    const product = writes[0]?.incident.key.product ?? '';
    const { effects } = result;
    const ownerTeam = effects.length === 0 ? undefined : await options.ownerOf(product);
    const alerts = incidentAlerts(effects, {
      webhooks: effects.length === 0 ? [] : options.webhooks(),
      ...(ownerTeam === undefined ? {} : { ownerTeam }),
      ...(writes[0]?.incident.port === undefined ? {} : { port: writes[0].incident.port }),
    });
    const saved = await store.saveIncidents(writes, alerts);
    return { ...(saved[0] === undefined ? {} : { incident: saved[0] }), alerts: effects.map((e) => e.kind) };
  }

  /** Runs `attempt` again while it loses races (CONFLICT), at most TRIES times. */
  async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
    for (let i = 1; ; i += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof MeshplaneError) || error.code !== 'CONFLICT' || i >= TRIES) throw error;
      }
    }
  }

  async function act(id: string, make: (at: string) => Parameters<typeof reduceIncidents>[1]) {
    return retrying(async () => {
      const stored = await store.getIncident(id);
      if (stored === undefined) throw new MeshplaneError('NOT_FOUND', `no incident ${id}`);
      const outcome = await step([stored], make(now().toISOString()), undefined);
      return outcome.incident ?? stored;
    });
  }

  return {
    observe: (event, port) =>
      retrying(async () => {
        const read = await store.incidentsOfKey(event.key);
        return step(read, event, port);
      }),
    acknowledge: (id, actor) => act(id, (at) => acknowledge(id, actor, at)),
    resolve: (id, actor) => act(id, (at) => resolve(id, actor, at)),
    list: (filter) => store.listIncidents(filter),
    get: (id) => store.getIncident(id),
  };
}
