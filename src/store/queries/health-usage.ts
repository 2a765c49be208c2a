/** Port usage across every product, for the mesh's consumer and reuse figures. */
import { requireDate } from '../input-checks.js';
import { portUsageFromRow } from '../mapping/usage-rows.js';
import type { PortUsage } from '../model/usage-model.js';
import type { StoreContext } from '../store-context.js';

/**
 * Usage rows of every product last read at or after `since`, by product, port, major and
 * consumer. One row per (product, port, major, consumer), so the list is bounded by the mesh's
 * consumers, not by its reads.
 */
export async function listPortUsageSince(ctx: StoreContext, since: Date): Promise<PortUsage[]> {
  const rows = await ctx.db
    .selectFrom('port_usage')
    .selectAll()
    .where('last_read_at', '>=', requireDate(since, 'since'))
    .orderBy('product_id')
    .orderBy('port')
    .orderBy('major')
    .orderBy('consumer')
    .execute();
  return rows.map(portUsageFromRow);
}
