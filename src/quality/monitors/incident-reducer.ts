/**
 * The incident state machine as a pure reducer: (incidents, event) → (incidents, effects).
 *
 *   failing observation, no active incident  → a new incident, `open`; effect `opened`
 *   failing observation, active incident     → the same incident counts it; no effect (deduplicated)
 *   clearing observation, active incident    → `resolved` by `system`; effect `resolved`
 *   acknowledge (open)                       → `acknowledged`; no effect (again: no change)
 *   resolve (open or acknowledged)           → `resolved` by the actor; effect `resolved`
 *
 * A resolved incident stays resolved: the next failing observation opens a new incident. An
 * observation older than what the active (or last resolved) incident already reflects is ignored,
 * so a late, retried delivery cannot reopen or resolve out of order. Invalid events are rejected
 * with a MeshplaneError code and change nothing; nothing throws.
 */
import { instantMs } from '../sla/instant.js';
import {
  type Acknowledge,
  type ConditionObserved,
  conditionKeyText,
  type Incident,
  type IncidentEvent,
  type IncidentRejection,
  type IncidentStep,
  type Resolve,
  SYSTEM_ACTOR,
} from './incident.js';
import { incidentId } from './incident-id.js';
import { boundedDetails, checkedAt, keyProblem, nameProblem } from './incident-input.js';

const unchanged = (
  incidents: readonly Incident[],
  extra: { rejected?: IncidentRejection; ignored?: string } = {},
): IncidentStep => ({
  incidents,
  effects: [],
  ...extra,
});

const replace = (incidents: readonly Incident[], next: Incident): Incident[] =>
  incidents.map((i) => (i.id === next.id ? next : i));

function observe(incidents: readonly Incident[], event: ConditionObserved): IncidentStep {
  const problem = keyProblem(event.key);
  if (problem !== undefined) return unchanged(incidents, { rejected: problem });
  const when = checkedAt(event.at);
  if ('code' in when) return unchanged(incidents, { rejected: when });
  if (typeof event.failing !== 'boolean') {
    return unchanged(incidents, {
      rejected: { code: 'INVALID_INPUT', message: "'failing' must be true or false" },
    });
  }
  const keyText = conditionKeyText(event.key);
  const ofKey = incidents.filter((i) => conditionKeyText(i.key) === keyText);
  const active = ofKey.find((i) => i.state !== 'resolved');
  const fallback = `${event.key.monitor} ${event.failing ? 'failing' : 'passing'} on ${event.key.subject}`;
  if (active !== undefined) {
    if (when.ms < (instantMs(active.lastFailingAt) ?? 0)) {
      return unchanged(incidents, {
        ignored: `older than ${active.id}'s last failing observation at ${active.lastFailingAt}`,
      });
    }
    if (event.failing) {
      const counted: Incident = {
        ...active,
        details: boundedDetails(event.details, fallback),
        lastFailingAt: when.at,
        occurrences: active.occurrences + 1,
      };
      return { incidents: replace(incidents, counted), effects: [] };
    }
    const resolved: Incident = {
      ...active,
      state: 'resolved',
      resolvedBy: SYSTEM_ACTOR,
      resolvedAt: when.at,
      resolution: boundedDetails(event.details, fallback),
      history: [...active.history, { action: 'resolved', actor: SYSTEM_ACTOR, at: when.at }],
    };
    return { incidents: replace(incidents, resolved), effects: [{ kind: 'resolved', incident: resolved }] };
  }
  if (!event.failing) return unchanged(incidents);
  const lastResolution = ofKey.reduce(
    (latest, i) => Math.max(latest, instantMs(i.resolvedAt) ?? latest),
    Number.NEGATIVE_INFINITY,
  );
  if (when.ms < lastResolution) {
    return unchanged(incidents, { ignored: `older than the last resolution of ${keyText}` });
  }
  const opened: Incident = {
    id: incidentId(event.key, when.at, new Set(incidents.map((i) => i.id))),
    key: { product: event.key.product, monitor: event.key.monitor, subject: event.key.subject },
    state: 'open',
    details: boundedDetails(event.details, fallback),
    openedAt: when.at,
    lastFailingAt: when.at,
    occurrences: 1,
    history: [{ action: 'opened', actor: SYSTEM_ACTOR, at: when.at }],
  };
  return { incidents: [...incidents, opened], effects: [{ kind: 'opened', incident: opened }] };
}

/** The incident an acknowledge or resolve names, or why it cannot act on it. */
function target(
  incidents: readonly Incident[],
  event: Acknowledge | Resolve,
): { incident: Incident; at: string } | IncidentRejection {
  const problem = nameProblem('actor', event.actor) ?? nameProblem('id', event.id);
  if (problem !== undefined) return problem;
  const when = checkedAt(event.at);
  if ('code' in when) return when;
  const incident = incidents.find((i) => i.id === event.id);
  if (incident === undefined) return { code: 'NOT_FOUND', message: `no incident ${event.id}` };
  if (incident.state === 'resolved') {
    return {
      code: 'CONFLICT',
      message: `incident ${incident.id} was resolved by ${incident.resolvedBy} at ${incident.resolvedAt}`,
    };
  }
  return { incident, at: when.at };
}

function acknowledgeIncident(incidents: readonly Incident[], event: Acknowledge): IncidentStep {
  const found = target(incidents, event);
  if ('code' in found) return unchanged(incidents, { rejected: found });
  const { incident, at } = found;
  if (incident.state === 'acknowledged') {
    return unchanged(incidents, {
      ignored: `already acknowledged by ${incident.acknowledgedBy} at ${incident.acknowledgedAt}`,
    });
  }
  const acknowledged: Incident = {
    ...incident,
    state: 'acknowledged',
    acknowledgedBy: event.actor,
    acknowledgedAt: at,
    history: [...incident.history, { action: 'acknowledged', actor: event.actor, at }],
  };
  return { incidents: replace(incidents, acknowledged), effects: [] };
}

function resolveIncident(incidents: readonly Incident[], event: Resolve): IncidentStep {
  const found = target(incidents, event);
  if ('code' in found) return unchanged(incidents, { rejected: found });
  const { incident, at } = found;
  const resolved: Incident = {
    ...incident,
    state: 'resolved',
    resolvedBy: event.actor,
    resolvedAt: at,
    history: [...incident.history, { action: 'resolved', actor: event.actor, at }],
  };
  return { incidents: replace(incidents, resolved), effects: [{ kind: 'resolved', incident: resolved }] };
}

/** Applies one event. The input list is never modified; unchanged steps return it as is. */
export function reduceIncidents(incidents: readonly Incident[], event: IncidentEvent): IncidentStep {
  switch (event.type) {
    case 'condition.observed':
      return observe(incidents, event);
    case 'acknowledge':
      return acknowledgeIncident(incidents, event);
    case 'resolve':
      return resolveIncident(incidents, event);
    default:
      return unchanged(incidents, {
        rejected: {
          code: 'INVALID_INPUT',
          message: `unknown incident event ${JSON.stringify((event as { type?: unknown }).type)}`,
        },
      });
  }
}
