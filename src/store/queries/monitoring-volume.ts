/**
 * Volume history: the rows each run of an output port wrote, the history volume anomalies are
 * judged against. Recording is idempotent per run; the newest `VOLUME_HISTORY_KEPT` counts of a
 * port are kept.
 */
import { requireCount, requireLimit, requireText } from '../input-checks.js';
import { volumeFromRow } from '../mapping/monitoring-rows.js';
import type { VolumeFilter, VolumeRecord } from '../model/monitoring-model.js';
import type { StoreContext } from '../store-context.js';
import { requireInstant } from './monitoring-input.js';

/** Counts kept per port: more than the anomaly model reads (60 by default, 500 at most). */
export const VOLUME_HISTORY_KEPT = 500;

/**
 * Stores counts not stored yet (a run is recorded once) and trims each port's history, in one
 * transaction. Returns the counts that were new, in the order given.
 */
export async function recordVolume(
  ctx: StoreContext,
  points: readonly VolumeRecord[],
): Promise<VolumeRecord[]> {
  const rows = points.map((p) => ({
    product_id: requireText(p.productId, 'productId'),
    port: requireText(p.port, 'port'),
    run_id: requireText(p.runId, 'runId'),
    at: requireInstant(p.at, 'at'),
    rows: requireCount(p.rows, 'rows'),
  }));
  if (rows.length === 0) return [];
  return ctx.db.transaction().execute(async (trx) => {
    const added: VolumeRecord[] = [];
    for (const row of rows) {
      const inserted = await trx
        .insertInto('volume_history')
        .values(row)
        .onConflict((oc) => oc.columns(['product_id', 'port', 'run_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted !== undefined) added.push(volumeFromRow(inserted));
    }
    const ports = new Map(rows.map((r) => [`${r.product_id}\u0000${r.port}`, r]));
    for (const { product_id, port } of ports.values()) {
      await trx
        .deleteFrom('volume_history')
        .where('product_id', '=', product_id)
        .where('port', '=', port)
        .where(
          'run_id',
          'not in',
          trx
            .selectFrom('volume_history')
            .select('run_id')
            .where('product_id', '=', product_id)
            .where('port', '=', port)
            .orderBy('at', 'desc')
            .orderBy('run_id', 'desc')
            .limit(VOLUME_HISTORY_KEPT),
        )
        .execute();
    }
    return added;
  });
}

/** One port's counts, newest first (before an instant if asked). */
export async function listVolumeHistory(ctx: StoreContext, filter: VolumeFilter): Promise<VolumeRecord[]> {
  let query = ctx.db
    .selectFrom('volume_history')
    .selectAll()
    .where('product_id', '=', filter.productId)
    .where('port', '=', filter.port);
  if (filter.before !== undefined) query = query.where('at', '<', requireInstant(filter.before, 'before'));
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('run_id', 'desc')
    .limit(requireLimit(filter.limit))
    .execute();
  return rows.map(volumeFromRow);
}
