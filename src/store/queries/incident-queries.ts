/**
 * Incidents: listed, read by id or by condition key, and written with their alerts. A write
 * names the revision it read; the stored row must still be at it, so two monitors (or a monitor
 * and a person) acting on one incident at once cannot both win, and a new incident for a key that
 * already has an active one is refused by the `incidents_one_active_per_key` index. Either way
 * the loser gets CONFLICT and nothing of its write, alerts included, is kept.
 */
import { MeshplaneError } from '../../errors/index.js';
import { requireCount, requireLimit, requireOneOf, requireText } from '../input-checks.js';
import { incidentFromRow, incidentKeyText, incidentToRow } from '../mapping/incident-rows.js';
import {
  INCIDENT_STATES,
  type IncidentAlerts,
  type IncidentFilter,
  type IncidentKeyRecord,
  type IncidentRecord,
  type IncidentWrite,
} from '../model/incident-model.js';
import type { StoreContext } from '../store-context.js';
import { requireInstant } from './monitoring-input.js';
import { insertNotifications } from './notification-queries.js';
import { insertWebhooks } from './webhook-outbox.js';

/** Resolved incidents of a key returned beside its active one: enough to keep new ids unique. */
const RESOLVED_OF_KEY = 5;

/** Incidents newest opened first, of one state or product if asked. */
export async function listIncidents(ctx: StoreContext, filter: IncidentFilter): Promise<IncidentRecord[]> {
  let query = ctx.db.selectFrom('incidents').selectAll();
  if (filter.state !== undefined) {
    query = query.where('state', '=', requireOneOf(filter.state, INCIDENT_STATES, 'state'));
  }
  if (filter.productId !== undefined) query = query.where('product_id', '=', filter.productId);
  const rows = await query
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(requireLimit(filter.limit))
    .execute();
  return rows.map(incidentFromRow);
}

/** An incident by id; undefined when there is none. */
export async function getIncident(ctx: StoreContext, id: string): Promise<IncidentRecord | undefined> {
  const row = await ctx.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : incidentFromRow(row);
}

/** A condition's active incident, if any, and its latest resolved ones, oldest opened first. */
export async function incidentsOfKey(ctx: StoreContext, key: IncidentKeyRecord): Promise<IncidentRecord[]> {
  const keyText = incidentKeyText(key);
  const active = await ctx.db
    .selectFrom('incidents')
    .selectAll()
    .where('key_text', '=', keyText)
    .where('state', '<>', 'resolved')
    .execute();
  const resolved = await ctx.db
    .selectFrom('incidents')
    .selectAll()
    .where('key_text', '=', keyText)
    .where('state', '=', 'resolved')
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(RESOLVED_OF_KEY)
    .execute();
  return [...resolved.reverse(), ...active].map(incidentFromRow);
}

function checkedWrite(write: IncidentWrite): IncidentWrite {
  const { incident } = write;
  requireText(incident.id, 'incident id');
  requireText(incident.key?.product, 'incident key.product');
  requireText(incident.key?.monitor, 'incident key.monitor');
  requireText(incident.key?.subject, 'incident key.subject');
  requireOneOf(incident.state, INCIDENT_STATES, 'incident state');
  requireCount(incident.occurrences, 'occurrences');
  if (write.expectedRevision !== undefined) requireCount(write.expectedRevision, 'expectedRevision');
  return {
    ...write,
    incident: {
      ...incident,
      openedAt: requireInstant(incident.openedAt, 'openedAt'),
      lastFailingAt: requireInstant(incident.lastFailingAt, 'lastFailingAt'),
    },
  };
}

/**
 * Writes incident changes and their alerts (webhook outbox rows, in-app notices) in one
 * transaction, so an alert exists exactly when its transition does. Returns the incidents as
 * stored. CONFLICT when an incident changed since `expectedRevision`, or when a new one's key
 * already has an active incident (then nothing is written).
 */
export async function saveIncidents(
  ctx: StoreContext,
  writes: readonly IncidentWrite[],
  alerts: IncidentAlerts = {},
): Promise<IncidentRecord[]> {
  const checked = writes.map(checkedWrite);
  return ctx.db.transaction().execute(async (trx) => {
    const saved: IncidentRecord[] = [];
    for (const { incident, expectedRevision } of checked) {
      if (expectedRevision === undefined) {
        const row = incidentToRow(incident, 1);
        await trx.insertInto('incidents').values(row).execute();
        saved.push(incidentFromRow(row));
        continue;
      }
      const { id, ...rest } = incidentToRow(incident, expectedRevision + 1);
      const row = await trx
        .updateTable('incidents')
        .set(rest)
        .where('id', '=', id)
        .where('revision', '=', expectedRevision)
        .returningAll()
        .executeTakeFirst();
      if (row === undefined) {
        throw new MeshplaneError('CONFLICT', `incident ${id} changed since revision ${expectedRevision}`, {
          details: { incidentId: id },
        });
      }
      saved.push(incidentFromRow(row));
    }
    const inTransaction = { ...ctx, db: trx };
    await insertWebhooks(inTransaction, alerts.webhooks ?? []);
    await insertNotifications(inTransaction, alerts.notifications ?? []);
    return saved;
  });
}
