/**
 * Availability probes of output ports. Availability is measured over 30 days, so a probe is kept
 * for `PROBES_KEPT_MS` (31 days) and then deleted when the port's next probe is recorded.
 */
import { requireText } from '../input-checks.js';
import { probeFromRow, probeToRow } from '../mapping/monitoring-rows.js';
import type { ProbeFilter, ProbeRecord } from '../model/monitoring-model.js';
import type { StoreContext } from '../store-context.js';
import { instantBefore, requireInstant } from './monitoring-input.js';

/** How long probes are kept. */
export const PROBES_KEPT_MS = 31 * 86_400_000;

const MAX_ERROR = 500;

/** Stores a probe (one per port and instant) and deletes the port's probes past the window. */
export async function recordProbe(ctx: StoreContext, probe: ProbeRecord): Promise<void> {
  requireText(probe.productId, 'productId');
  requireText(probe.port, 'port');
  const at = requireInstant(probe.at, 'at');
  const row = probeToRow(
    { ...probe, ...(probe.error === undefined ? {} : { error: String(probe.error).slice(0, MAX_ERROR) }) },
    at,
  );
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('availability_probes')
      .values(row)
      .onConflict((oc) => oc.columns(['product_id', 'port', 'at']).doNothing())
      .execute();
    await trx
      .deleteFrom('availability_probes')
      .where('product_id', '=', row.product_id)
      .where('port', '=', row.port)
      .where('at', '<', instantBefore(at, PROBES_KEPT_MS))
      .execute();
  });
}

/** One port's probes at or after `since`, oldest first. */
export async function listProbes(ctx: StoreContext, filter: ProbeFilter): Promise<ProbeRecord[]> {
  const rows = await ctx.db
    .selectFrom('availability_probes')
    .selectAll()
    .where('product_id', '=', filter.productId)
    .where('port', '=', filter.port)
    .where('at', '>=', requireInstant(filter.since, 'since'))
    .orderBy('at')
    .execute();
  return rows.map(probeFromRow);
}
