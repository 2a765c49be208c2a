/** Pure mapping between incident rows and incident records. */
import type { Selectable } from 'kysely';
import { MeshplaneError } from '../../errors/index.js';
import type {
  IncidentActionRecord,
  IncidentDetailsRecord,
  IncidentInput,
  IncidentKeyRecord,
  IncidentRecord,
  IncidentRecordState,
} from '../model/incident-model.js';
import type { IncidentsTable } from '../schema/monitoring-tables.js';
import { fromJsonText, toJsonText } from './json-text.js';
import { nullable, optional } from './optional.js';

/** `product/monitor/subject`: the key as one column, as quality/monitors writes it. */
export function incidentKeyText(key: IncidentKeyRecord): string {
  return `${key.product}/${key.monitor}/${key.subject}`;
}

/** A row as written: every column set, counts as numbers. */
export type IncidentRow = Selectable<IncidentsTable> & { occurrences: number };

/** An incident as a row at `revision` (every column set). */
export function incidentToRow(incident: IncidentInput, revision: number): IncidentRow {
  const what = `incident ${incident.id}`;
  return {
    id: incident.id,
    key_text: incidentKeyText(incident.key),
    product_id: incident.key.product,
    monitor: incident.key.monitor,
    subject: incident.key.subject,
    port: nullable(incident.port),
    state: incident.state,
    details: toJsonText(incident.details, `details of ${what}`),
    opened_at: incident.openedAt,
    last_failing_at: incident.lastFailingAt,
    occurrences: incident.occurrences,
    acknowledged_by: nullable(incident.acknowledgedBy),
    acknowledged_at: nullable(incident.acknowledgedAt),
    resolved_by: nullable(incident.resolvedBy),
    resolved_at: nullable(incident.resolvedAt),
    resolution:
      incident.resolution === undefined ? null : toJsonText(incident.resolution, `resolution of ${what}`),
    history: toJsonText(incident.history, `history of ${what}`),
    revision,
  };
}

function details(text: string, what: string): IncidentDetailsRecord {
  const value = fromJsonText(text, what);
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { message?: unknown }).message !== 'string'
  ) {
    throw new MeshplaneError('INTERNAL', `stored ${what} has no message`);
  }
  return value as IncidentDetailsRecord;
}

/** An incident row as a record. State and JSON were written by the store, so they are trusted. */
export function incidentFromRow(row: Selectable<IncidentsTable>): IncidentRecord {
  const history = fromJsonText(row.history, `history of incident ${row.id}`);
  return {
    id: row.id,
    key: { product: row.product_id, monitor: row.monitor, subject: row.subject },
    ...optional('port', row.port),
    state: row.state as IncidentRecordState,
    details: details(row.details, `details of incident ${row.id}`),
    openedAt: row.opened_at,
    lastFailingAt: row.last_failing_at,
    occurrences: Number(row.occurrences),
    ...optional('acknowledgedBy', row.acknowledged_by),
    ...optional('acknowledgedAt', row.acknowledged_at),
    ...optional('resolvedBy', row.resolved_by),
    ...optional('resolvedAt', row.resolved_at),
    ...(row.resolution === null
      ? {}
      : { resolution: details(row.resolution, `resolution of incident ${row.id}`) }),
    history: Array.isArray(history) ? (history as IncidentActionRecord[]) : [],
    revision: Number(row.revision),
  };
}
