/**
 * Incidents: a failing condition, identified by what fails where, with who acted on it and when.
 * The state machine over them is `reduceIncidents`; these are its data.
 */

/** The actor of what Meshplane does by itself (open on failure, resolve when the condition clears). */
export const SYSTEM_ACTOR = 'system';

/** What fails where: one incident at a time is active per key. */
export interface ConditionKey {
  /** The product id (`sales.orders`). */
  readonly product: string;
  /** The monitor kind: `freshness`, `volume`, `schema-drift`, `quality`, `availability`, an SLA objective kind. */
  readonly monitor: string;
  /** What within the product: a port, a port and objective id, an input source. */
  readonly subject: string;
}

export type IncidentState = 'open' | 'acknowledged' | 'resolved';

/** What an observation says, for people: one sentence and a few facts (shown as fields in chat). */
export interface IncidentDetails {
  readonly message: string;
  readonly facts?: Readonly<Record<string, string | number | boolean>>;
}

export interface IncidentAction {
  readonly action: 'opened' | 'acknowledged' | 'resolved';
  readonly actor: string;
  readonly at: string;
}

export interface Incident {
  readonly id: string;
  readonly key: ConditionKey;
  readonly state: IncidentState;
  /** The latest failing observation's details. */
  readonly details: IncidentDetails;
  readonly openedAt: string;
  readonly lastFailingAt: string;
  /** Failing observations while active, the opening one included. */
  readonly occurrences: number;
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: string;
  readonly resolvedBy?: string;
  readonly resolvedAt?: string;
  /** The clearing observation's details, when the system resolved it. */
  readonly resolution?: IncidentDetails;
  readonly history: readonly IncidentAction[];
}

/** A monitor looked at a condition: failing or not. */
export interface ConditionObserved {
  readonly type: 'condition.observed';
  readonly key: ConditionKey;
  readonly failing: boolean;
  readonly details?: IncidentDetails;
  readonly at: string;
}

export interface Acknowledge {
  readonly type: 'acknowledge';
  readonly id: string;
  readonly actor: string;
  readonly at: string;
}

export interface Resolve {
  readonly type: 'resolve';
  readonly id: string;
  readonly actor: string;
  readonly at: string;
}

export type IncidentEvent = ConditionObserved | Acknowledge | Resolve;

/** An alert to send. */
export interface IncidentEffect {
  readonly kind: 'opened' | 'resolved';
  readonly incident: Incident;
}

/** Why an event changed nothing; the codes are MeshplaneError codes, for the API to answer with. */
export interface IncidentRejection {
  readonly code: 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT';
  readonly message: string;
}

export interface IncidentStep {
  readonly incidents: readonly Incident[];
  readonly effects: readonly IncidentEffect[];
  readonly rejected?: IncidentRejection;
  /** Why a valid observation was left out (older than what is already known). */
  readonly ignored?: string;
}

/** `condition.observed` as a value. */
export function conditionObserved(
  key: ConditionKey,
  failing: boolean,
  details: IncidentDetails | undefined,
  at: string,
): ConditionObserved {
  return { type: 'condition.observed', key, failing, ...(details === undefined ? {} : { details }), at };
}

/** `acknowledge` as a value. */
export function acknowledge(id: string, actor: string, at: string): Acknowledge {
  return { type: 'acknowledge', id, actor, at };
}

/** `resolve` as a value. */
export function resolve(id: string, actor: string, at: string): Resolve {
  return { type: 'resolve', id, actor, at };
}

/** `product/monitor/subject`: the key as one string, for maps and storage. */
export function conditionKeyText(key: ConditionKey): string {
  return `${key.product}/${key.monitor}/${key.subject}`;
}
