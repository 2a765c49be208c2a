/** Pure mapping between audit rows and audit events. */
import type { Insertable, Selectable } from 'kysely';
import type { AuditEvent } from '../model/audit-model.js';
import type { AuditEventsTable } from '../schema/control-database.js';
import { fromJsonText, toJsonText } from './json-text.js';

/** An event as its row; absent details are NULL. */
export function auditEventToRow(event: AuditEvent): Insertable<AuditEventsTable> {
  return {
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    action: event.action,
    subject: event.subject,
    details: event.details === undefined ? null : toJsonText(event.details, 'audit details'),
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

/** An audit row as an event; the BIGINT seq reads as a number. */
export function auditEventFromRow(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    ...(row.details === null
      ? {}
      : { details: fromJsonText(row.details, `details of audit event ${row.seq}`) }),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
