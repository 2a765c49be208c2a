/**
 * Incidents as the store keeps them: the shape of quality/monitors' `Incident` (so the incident
 * reducer's output is written as is), plus the output or input port it concerns and a revision.
 */
import type { NotificationInput } from './notification-model.js';
import type { WebhookInput } from './webhook-model.js';

export const INCIDENT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type IncidentRecordState = (typeof INCIDENT_STATES)[number];

/** What fails where; one incident at a time is active (open or acknowledged) per key. */
export interface IncidentKeyRecord {
  readonly product: string;
  readonly monitor: string;
  readonly subject: string;
}

export interface IncidentDetailsRecord {
  readonly message: string;
  readonly facts?: Readonly<Record<string, string | number | boolean>>;
}

export interface IncidentActionRecord {
  readonly action: 'opened' | 'acknowledged' | 'resolved';
  readonly actor: string;
  readonly at: string;
}

/** An incident as written: everything but the revision, which the store keeps. */
export interface IncidentInput {
  readonly id: string;
  readonly key: IncidentKeyRecord;
  /** The port the condition is about, when it is about one. */
  readonly port?: string;
  readonly state: IncidentRecordState;
  readonly details: IncidentDetailsRecord;
  readonly openedAt: string;
  readonly lastFailingAt: string;
  readonly occurrences: number;
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: string;
  readonly resolvedBy?: string;
  readonly resolvedAt?: string;
  readonly resolution?: IncidentDetailsRecord;
  readonly history: readonly IncidentActionRecord[];
}

/** A stored incident. `revision` counts its writes, from 1. */
export interface IncidentRecord extends IncidentInput {
  readonly revision: number;
}

/**
 * One incident to write: a new one (no `expectedRevision`), or a change to the stored revision
 * `expectedRevision` (CONFLICT when another writer changed it since).
 */
export interface IncidentWrite {
  readonly incident: IncidentInput;
  readonly expectedRevision?: number;
}

/** The alerts that go with an incident change, written in its transaction. */
export interface IncidentAlerts {
  readonly webhooks?: readonly WebhookInput[];
  readonly notifications?: readonly NotificationInput[];
}

/** Narrows `listIncidents`; absent fields do not filter. Newest opened first. */
export interface IncidentFilter {
  readonly state?: IncidentRecordState;
  readonly productId?: string;
  readonly limit: number;
}
