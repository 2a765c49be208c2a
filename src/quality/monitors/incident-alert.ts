/**
 * Alerts for incident effects, built with notify's CloudEvent and Slack builders so they travel
 * through the same webhook outbox as every other Meshplane event.
 */
import { type CloudEvent, cloudEvent } from '../../notify/cloud-event.js';
import { type SlackPayload, slackPayload } from '../../notify/slack-payload.js';
import type { IncidentEffect } from './incident.js';

/** An incident was opened: a condition started failing. */
export const INCIDENT_OPENED = 'dev.meshplane.incident.opened';
/** An incident was resolved: by a person, or by the system when the condition cleared. */
export const INCIDENT_RESOLVED = 'dev.meshplane.incident.resolved';

/** The event data: a title and message for people (Slack shows them), the rest for machines. */
export interface IncidentEventData {
  readonly title: string;
  readonly message: string;
  readonly incidentId: string;
  readonly product: string;
  readonly monitor: string;
  readonly subject: string;
  readonly state: string;
  readonly openedAt: string;
  readonly occurrences: number;
  readonly acknowledgedBy?: string;
  readonly resolvedBy?: string;
  readonly resolvedAt?: string;
  readonly facts?: Readonly<Record<string, string | number | boolean>>;
  readonly [fact: string]: unknown;
}

/**
 * The CloudEvent for an effect. Its id is `<incident id>.<effect>`, so a retried delivery of the
 * same effect carries the same id and receivers de-duplicate it; its time is when the incident
 * opened or resolved. The observation's facts are also spread into the data (after the fixed
 * members, which they cannot override) so Slack shows them as fields.
 */
export function incidentCloudEvent(effect: IncidentEffect): CloudEvent<IncidentEventData> {
  const { incident } = effect;
  const { product, monitor, subject } = incident.key;
  const opened = effect.kind === 'opened';
  const about = `${monitor} on ${product} ${subject}`;
  const detail = opened ? incident.details : (incident.resolution ?? incident.details);
  const message = opened
    ? detail.message
    : incident.resolvedBy === 'system'
      ? `cleared: ${detail.message}`
      : `resolved by ${incident.resolvedBy}; last failure: ${detail.message}`;
  const facts = detail.facts ?? {};
  const data: IncidentEventData = {
    ...facts,
    title: `${opened ? 'Incident' : 'Resolved'}: ${about}`,
    message,
    incidentId: incident.id,
    product,
    monitor,
    subject,
    state: incident.state,
    openedAt: incident.openedAt,
    occurrences: incident.occurrences,
    ...(incident.acknowledgedBy === undefined ? {} : { acknowledgedBy: incident.acknowledgedBy }),
    ...(incident.resolvedBy === undefined ? {} : { resolvedBy: incident.resolvedBy }),
    ...(incident.resolvedAt === undefined ? {} : { resolvedAt: incident.resolvedAt }),
    ...(detail.facts === undefined ? {} : { facts: detail.facts }),
  };
  const id = `${incident.id}.${effect.kind}`;
  const time = new Date(opened ? incident.openedAt : (incident.resolvedAt ?? incident.lastFailingAt));
  return cloudEvent(
    {
      source: `/meshplane/products/${product}`,
      type: opened ? INCIDENT_OPENED : INCIDENT_RESOLVED,
      subject,
      data,
      id,
      time,
    },
    { newId: () => id },
  );
}

/** The same alert as a Slack-compatible message. */
export function incidentSlackPayload(effect: IncidentEffect): SlackPayload {
  return slackPayload(incidentCloudEvent(effect));
}
